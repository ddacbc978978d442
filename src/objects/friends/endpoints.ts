import { deprecatedSearch } from '../../engine/deprecated-search.js'
import type { Endpoint } from '../../engine/object.js'
import type { FriendsService } from './service.js'

/** The Friends endpoints (docs/friends.md "Endpoints"), with the verbs clients send and their method names. */
export const friendsEndpoints: readonly Endpoint<FriendsService>[] = [
  { path: 'friends/add', method_name: 'addFriends', verbs: ['POST'], call: ({ service, params, caller }) => service.add(params, caller) },
  { path: 'friends/requests', method_name: 'friendRequests', verbs: ['GET'], call: ({ service, params, caller }) => service.requests(params, caller) },
  { path: 'friends/approve', method_name: 'approveFriends', verbs: ['PUT', 'POST'], call: ({ service, params, caller }) => service.approve(params, caller) },
  { path: 'friends/remove', method_name: 'removeFriends', verbs: ['DELETE'], call: ({ service, params, caller }) => service.remove(params, caller) },
  { path: 'friends/query', method_name: 'queryFriends', verbs: ['GET'], call: ({ service, params, caller }) => service.query(params, caller) },
  deprecatedSearch({ path: 'friends/search', method_name: 'searchFriends', verbs: ['GET'], call: ({ service, params, caller }) => service.search(params, caller) }),
]
