import { FixtureError, type Fixture } from '../fixtures.js'
import { newUserRecord } from './new-user.js'
import { hashPassword } from './password.js'
import type { UserRecord } from './record.js'

/**
 * Stored users from a parsed fixture: passwords hashed (at seed time, once),
 * names lowercased, ids and dates filled in as users/create does.
 *
 * @param existing - users already there; a fixture user clashing with one of
 *   them (id, username or email) is refused.
 * @param source - names the fixture in error messages.
 * @throws FixtureError naming the entry and field of a clash.
 */
export async function fixtureRecords(
  fixture: Fixture,
  existing: readonly UserRecord[],
  source: string,
): Promise<UserRecord[]> {
  const now = new Date()
  const hashes = await Promise.all(fixture.users.map((user) => hashPassword(user.password)))
  const records = fixture.users.map((user, index) =>
    newUserRecord(
      { ...user, created_at: user.created_at === undefined ? undefined : new Date(user.created_at) },
      hashes[index] ?? '',
      now,
    ),
  )
  records.forEach((record, index) => {
    const clash = existing.find(
      (user) =>
        user.id === record.id ||
        (record.username !== undefined && user.username === record.username) ||
        (record.email !== undefined && user.email === record.email),
    )
    if (!clash) return
    const field = clash.id === record.id ? 'id' : clash.username === record.username ? 'username' : 'email'
    throw new FixtureError(source, index, field, `"${record[field]}" is already taken by a stored user`)
  })
  return records
}
