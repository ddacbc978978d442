import { recordCheck } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The name of the fake Facebook friend graph's collection in a data set. */
export const FACEBOOK_FRIENDS = 'facebook_friends'

/**
 * One edge of the fake Facebook friend graph (docs/social-integrations.md "The friend graph"): two
 * Facebook user ids that are friends, either way round.
 */
export interface FacebookFriendsRecord extends StoredRecord {
  readonly facebook_ids: readonly [string, string]
}

/** What makes a stored edge (from a data file or an import) unusable, or undefined. */
export const facebookFriendsProblem = recordCheck((record) => {
  const ids = record.facebook_ids
  const valid = Array.isArray(ids) && ids.length === 2 && ids.every((id) => typeof id === 'string' && id !== '') && ids[0] !== ids[1]
  return valid ? undefined : 'facebook_ids'
})
