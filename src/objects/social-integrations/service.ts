import type { CallResult, Caller, ServiceContext } from '../../engine/object.js'
import { signedIn } from '../../engine/su-id.js'
import { ApiError } from '../../errors.js'
import { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { FACEBOOK_FRIENDS, type FacebookFriendsRecord } from './record.js'

/** The external account type whose friends search_friends finds. */
const FACEBOOK = 'facebook'

/**
 * The rules of the SocialIntegrations object beyond external accounts, which Users serves
 * (docs/social-integrations.md): the caller's Facebook friends among the app's users, from a fake
 * friend graph the fixture gives instead of Facebook.
 */
export class SocialIntegrationsService {
  private readonly graph: Collection<FacebookFriendsRecord>
  private readonly users: UsersService

  constructor(context: ServiceContext) {
    this.graph = new Collection(context.dataSet, FACEBOOK_FRIENDS)
    this.users = context.service(users)
  }

  /**
   * social/facebook/search_friends and users/facebook/search_friends (login): every other user of
   * the app, in creation order, with a linked Facebook account whose id is a friend, in the graph,
   * of one of the caller's linked Facebook accounts; `users: []` for none.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Facebook account is not linked to the current user.`
   */
  searchFriends(caller: Caller): CallResult {
    const user = signedIn(caller)
    const own = new Set(facebookIds(this.users.userById(user.id)?.external_accounts ?? []))
    if (own.size === 0) throw new ApiError(400, 'Facebook account is not linked to the current user.')
    const friends = new Set<string>()
    for (const { facebook_ids: [a, b] } of this.graph.all()) {
      if (own.has(a)) friends.add(b)
      if (own.has(b)) friends.add(a)
    }
    const found = this.users.idsWhere((candidate) => candidate.id !== user.id && facebookIds(candidate.external_accounts).some((id) => friends.has(id)))
    return { response: { users: found.flatMap((id) => this.users.wireOwner(id, user) ?? []) } }
  }
}

/** The ids of the Facebook accounts among `accounts`. */
function facebookIds(accounts: readonly { external_id: string; external_type: string }[]): string[] {
  return accounts.filter((account) => account.external_type.toLowerCase() === FACEBOOK).map((account) => account.external_id)
}
