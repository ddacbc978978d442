import type { FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { isPlainObject } from '../../json.js'
import { FRIENDSHIPS, type FriendshipRecord } from './record.js'

/**
 * One friend request of a fixture (docs/friends.md "Fixtures"), users by username: `user` asked
 * `friend`; approved (a friendship, or in `one-way` mode a follow) unless `pending` is true.
 *
 * @example
 * const entry: FixtureFriendship = { user: 'alice', friend: 'bob' }
 */
export interface FixtureFriendship {
  user: string
  friend: string
  pending?: boolean
}

const FIELDS = new Set(['user', 'friend', 'pending'])

/** Checks a `friends` list: each entry two different usernames, each pair (either way) once. */
function parseEntries(value: unknown, source: string, list: string): FixtureFriendship[] {
  if (!Array.isArray(value)) throw new FixtureError(source, undefined, list, `"${list}" must be a list such as [{"user": "alice", "friend": "bob"}]`, list)
  const pairs = new Set<string>()
  return value.map((entry: unknown, index) => {
    const fail = (field: string | undefined, problem: string) => new FixtureError(source, index, field, problem, list)
    if (!isPlainObject(entry)) throw fail(undefined, 'must be an object such as {"user": "alice", "friend": "bob"}')
    const unknown = Object.keys(entry).find((field) => !FIELDS.has(field))
    if (unknown !== undefined) throw fail(unknown, 'is not a friendship field (user, friend, pending)')
    for (const field of ['user', 'friend'] as const) {
      if (typeof entry[field] !== 'string' || entry[field] === '') throw fail(field, 'must be the username of a user of this fixture')
    }
    const { user, friend, pending } = entry as { user: string; friend: string; pending?: unknown }
    if (user === friend) throw fail('friend', 'must be another user than "user"')
    if (pending !== undefined && typeof pending !== 'boolean') throw fail('pending', 'must be true or false')
    const pair = [user, friend].sort().join('\n')
    if (pairs.has(pair)) throw fail('friend', `"${user}" and "${friend}" are already listed`)
    pairs.add(pair)
    return { user, friend, ...(pending !== undefined && { pending }) }
  })
}

/** The Friends' part of a fixture file: key `friends` (docs/friends.md "Fixtures"). */
export const friendsFixture: FixturePart<FixtureFriendship[], 'friends'> = {
  key: 'friends',
  parse: parseEntries,
  records: async (entries, context) => {
    const records = entries.map((entry, index): FriendshipRecord => {
      const now = context.runtime.now()
      return {
        id: context.runtime.objectId(now),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        user_id: context.userId(entry.user, index, 'user'),
        friend_id: context.userId(entry.friend, index, 'friend'),
        approved: entry.pending !== true,
      }
    })
    return { [FRIENDSHIPS]: records }
  },
}
