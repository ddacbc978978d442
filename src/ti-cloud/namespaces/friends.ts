import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Friends` (docs/friends.md): add (a request, or at once with `approval_required=false`),
 * requests, approve, remove and search, as ti.cloud has them (no query).
 */
export const Friends = {
  add: { verb: 'POST', path: 'friends/add.json', args: 'data' },
  requests: { verb: 'GET', path: 'friends/requests.json', args: 'optional' },
  approve: { verb: 'PUT', path: 'friends/approve.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'friends/remove.json', args: 'data' },
  search: { verb: 'GET', path: 'friends/search.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Friends` as a type: each method of {@link Friends} with the arguments its shape takes. */
export type CloudFriends = Calls<typeof Friends>
