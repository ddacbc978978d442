import type { FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { parseUserList, type FixtureUser } from './fixture.js'
import { USERS } from './collection.js'
import type { Runtime } from '../../runtime.js'
import { newUserRecord } from './new-user.js'
import { passwordHasher, type PasswordHasher } from '../../engine/password-hashing.js'
import type { UserRecord } from './record.js'

/** Passwords hashed at once: enough to keep libuv's threads busy with `strict`, few enough to hold little memory. */
const HASH_BATCH = 256

/**
 * Stored users from one list of a parsed fixture: passwords hashed (at seed time, once),
 * names lowercased, ids and dates filled in as users/create does (docs/fixtures.md "Users").
 *
 * @param hashPassword - the server's password-hashing profile (`passwordHasher`); default `fast`.
 * @returns the records, not yet stored; check them with {@link checkClashes}
 *   against the users stored when they are inserted.
 */
export async function fixtureRecords(
  users: readonly FixtureUser[],
  runtime: Runtime,
  hashPassword: PasswordHasher = passwordHasher(),
): Promise<UserRecord[]> {
  const now = runtime.now()
  const hashes: string[] = []
  // In batches: 100,000 hashes pending at once would hold 100,000 promises, the peak of a start-up's memory.
  for (let start = 0; start < users.length; start += HASH_BATCH) {
    hashes.push(...(await Promise.all(users.slice(start, start + HASH_BATCH).map((user) => hashPassword(user.password)))))
  }
  return users.map((user, index) =>
    newUserRecord(
      { ...user, created_at: user.created_at === undefined ? undefined : new Date(user.created_at) },
      hashes[index] ?? '',
      now,
      runtime.objectId,
    ),
  )
}

/**
 * Refuses fixture records that clash with stored users by id, username or email.
 *
 * @param source - names the fixture in the error.
 * @throws FixtureError naming the entry and the field of the first clash.
 */
function checkClashes(records: readonly UserRecord[], stored: readonly UserRecord[], source: string): void {
  records.forEach((record, index) => {
    const clash = stored.find(
      (user) =>
        user.id === record.id ||
        (record.username !== undefined && user.username === record.username) ||
        (record.email !== undefined && user.email === record.email),
    )
    if (!clash) return
    const field =
      clash.id === record.id ? 'id' : record.username !== undefined && clash.username === record.username ? 'username' : 'email'
    throw new FixtureError(source, index, field, `"${record[field]}" is already taken by a stored user`)
  })
}

/**
 * The users' part of a fixture file (docs/fixtures.md "Users"): `users` lists, passwords in plain
 * text, hashed when the records are made.
 */
export const usersFixture: FixturePart<FixtureUser[], typeof USERS> = {
  key: USERS,
  parse: (value, source, list) => parseUserList(value, source, list),
  records: async (entries, { runtime, server }) => ({ [USERS]: await fixtureRecords(entries, runtime, server.hashPassword) }),
  checkClashes: (records, stored, source) => checkClashes(records as UserRecord[], stored as UserRecord[], source),
}
