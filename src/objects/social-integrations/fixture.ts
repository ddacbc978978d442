import type { FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { FACEBOOK_FRIENDS, type FacebookFriendsRecord } from './record.js'

/**
 * The fake Facebook friend graph of a fixture (docs/social-integrations.md "The friend graph"):
 * pairs of Facebook user ids that are friends, e.g. `[["fb-alice", "fb-bob"]]`.
 */
export type FixtureFacebookFriends = [string, string][]

/** Checks a `facebook_friends` list: each entry two different non-empty ids, each pair (either way) once. */
function parseEntries(value: unknown, source: string, list: string): FixtureFacebookFriends {
  if (!Array.isArray(value)) throw new FixtureError(source, undefined, list, `"${list}" must be a list of pairs such as [["fb1", "fb2"]]`, list)
  const pairs = new Set<string>()
  return value.map((entry: unknown, index) => {
    const fail = (problem: string) => new FixtureError(source, index, undefined, problem, list)
    if (!Array.isArray(entry) || entry.length !== 2 || !entry.every((id) => typeof id === 'string' && id !== '')) {
      throw fail('must be a pair of Facebook user ids, such as ["fb1", "fb2"]')
    }
    const [a, b] = entry as [string, string]
    if (a === b) throw fail('must name two different Facebook user ids')
    const pair = [a, b].sort().join('\n')
    if (pairs.has(pair)) throw fail(`"${a}" and "${b}" are already listed`)
    pairs.add(pair)
    return [a, b]
  })
}

/** The friend graph's part of a fixture file: key `facebook_friends`. */
export const facebookFriendsFixture: FixturePart<FixtureFacebookFriends, typeof FACEBOOK_FRIENDS> = {
  key: FACEBOOK_FRIENDS,
  parse: parseEntries,
  records: async (entries, context) => {
    const now = context.runtime.now()
    const records = entries.map(
      (facebook_ids): FacebookFriendsRecord => ({
        id: context.runtime.objectId(now),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        facebook_ids,
      }),
    )
    return { [FACEBOOK_FRIENDS]: records }
  },
}
