import { ApiError, notSignedIn, requiredField } from '../../errors.js'
import type { DataSet } from '../../data-set.js'
import { textParam, trimmed, type Params } from '../../param-values.js'
import type { Sessions } from '../../engine/sessions.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import type { AccountFlows } from './account-flows.js'
import type { UserCollection } from './collection.js'
import { newUserRecord } from './new-user.js'
import type { ExternalAccount, UserRecord } from './record.js'
import type { UsersCaller as Caller, UsersResult } from './service.js'
import { problems, validationFailed } from './validation.js'
import type { WireUser } from './view.js'

/** What external accounts need of `UsersService`: the ACLs' access mechanism and a user's view of themself. */
export interface ExternalAccountViews {
  access(): AclAccess
  /** A user in a reply about themself, email and `acls` included. */
  ownView(user: UserRecord): WireUser
}

/** 400 for linking an account that another user of the app has linked. */
const LINKED_TO_OTHER = 'Failed to link external account: it is already linked to another user.'

/** 404 for unlinking an account the caller has not linked. */
const NOT_LINKED = 'External account not found: the user has no linked account with this id and type.'

/**
 * External (social) accounts (docs/users.md "External accounts"): log in
 * with one (the user is made on first use), link one to the caller, unlink it.
 * No token is checked against the provider (mock-cloud makes no network
 * calls): `token` is stored and shown as sent. An account is named by `id`
 * (the provider's user id, required, also for facebook, whose id the real
 * service read from the token) and `type` (`facebook`, `twitter`, `linkedin`
 * or any custom name; compared case-insensitively, stored lowercased).
 */
export class ExternalAccounts {
  constructor(
    private readonly dataSet: DataSet,
    private readonly users: UserCollection,
    private readonly sessions: Sessions,
    private readonly flows: AccountFlows,
    private readonly views: ExternalAccountViews,
  ) {}

  /**
   * users/external_account_login: logs in the user who linked this account,
   * or first makes a user with only this account (no username, email or
   * password; confirmed). The stored token becomes the one sent. `acl_name` (among the ACLs of
   * the user who logs in: a new user has none) or `acl_id` attaches an ACL, `""` detaches it
   * from a user who has one (docs/users.md "ACLs"). Answers the user (email included) and a
   * session, as login does.
   *
   * @throws ApiError 400 `Required field: id` / `Required field: type`; 401 when
   *   email verification is on and the owner is unconfirmed; 400 for a bad ACL (docs/acls.md "Errors").
   */
  async login(params: Params): Promise<UsersResult> {
    const account = accountParams(params)
    let user = this.owner(account)
    if (user) {
      this.flows.checkConfirmed(user)
      const { acl_id: stored, ...rest } = user
      const acl_id = keptAclId(stored, this.views.access().attachAcl(params, user, true))
      const next: UserRecord = { ...rest, external_accounts: withAccount(user, account), ...(acl_id && { acl_id }) }
      this.users.replace(user, next)
      user = next
    } else {
      const acl_id = this.views.access().attachAcl(params, undefined, false)
      const { runtime } = this.dataSet
      user = { ...newUserRecord({}, '', runtime.now(), runtime.objectId), external_accounts: [account], ...(acl_id && { acl_id }) }
      this.users.insert(user)
    }
    const session_id = this.sessions.start(user.id)
    await this.dataSet.write()
    return { users: [this.views.ownView(user)], session_id }
  }

  /**
   * users/external_account_link (login): links the account to the caller; a
   * second link of the same account updates its token. Answers the caller.
   *
   * @throws ApiError 401 without a session; 400 `Required field: …`; 400
   *   {@link LINKED_TO_OTHER}.
   */
  async link(params: Params, caller: Caller): Promise<UsersResult> {
    if (!caller.user) throw notSignedIn()
    const account = accountParams(params)
    const owner = this.owner(account)
    if (owner && owner.id !== caller.user.id) throw new ApiError(400, LINKED_TO_OTHER)
    const linked = this.users.change(caller.user, {
      external_accounts: withAccount(caller.user, account),
      updated_at: this.dataSet.runtime.now().toISOString(),
    })
    await this.dataSet.write()
    return { users: [this.views.ownView(linked)] }
  }

  /**
   * users/external_account_unlink (login; POST or DELETE): removes the account
   * from the caller. Answers the caller.
   *
   * @throws ApiError 401 without a session; 400 `Required field: …`; 404
   *   {@link NOT_LINKED}; 400 `Failed to update user: Validation failed - A
   *   username, email or external account is required.` when it is the last
   *   way to identify the user.
   */
  async unlink(params: Params, caller: Caller): Promise<UsersResult> {
    const user = caller.user
    if (!user) throw notSignedIn()
    const account = accountParams(params)
    const linked = accountOf(user, account)
    if (!linked) throw new ApiError(404, NOT_LINKED)
    const rest = user.external_accounts.filter((item) => item !== linked)
    if (rest.length === 0 && user.username === undefined && user.email === undefined) {
      throw validationFailed('update', [problems.identityRequired])
    }
    const unlinked = this.users.change(user, { external_accounts: rest, updated_at: this.dataSet.runtime.now().toISOString() })
    await this.dataSet.write()
    return { users: [this.views.ownView(unlinked)] }
  }

  /** The user who linked this account, if any. */
  private owner(account: ExternalAccount): UserRecord | undefined {
    return this.users.all().find((user) => accountOf(user, account) !== undefined)
  }
}

/** The account named by `id` and `type`, with `token` (empty when not sent). @throws ApiError 400 `Required field: …`. */
function accountParams(params: Params): ExternalAccount {
  const external_id = trimmed(textParam(params, 'id'))
  const type = trimmed(textParam(params, 'type'))
  if (external_id === undefined) throw requiredField('id')
  if (type === undefined) throw requiredField('type')
  return { external_id, external_type: type.toLowerCase(), token: textParam(params, 'token') ?? '' }
}

function accountOf(user: UserRecord, account: ExternalAccount): ExternalAccount | undefined {
  return user.external_accounts.find(
    (item) => item.external_id === account.external_id && item.external_type.toLowerCase() === account.external_type,
  )
}

/** `user`'s accounts with `account` in them: a linked one with the token sent, else added at the end. */
function withAccount(user: UserRecord, account: ExternalAccount): ExternalAccount[] {
  const linked = accountOf(user, account)
  if (!linked) return [...user.external_accounts, account]
  return user.external_accounts.map((item) => (item === linked ? { ...item, token: account.token } : item))
}
