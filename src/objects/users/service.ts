import { ApiError, notAuthorized, notSignedIn, requiredField, userNotFound } from '../../errors.js'
import { idListParam } from '../../engine/id-list.js'
import { runQuery, scanMatching, type QuerySource } from '../../engine/query-run.js'
import { readBoolean, textParam, trimmed, type Params } from '../../param-values.js'
import { searchPage } from '../../engine/deprecated-search.js'
import { compileKeywords } from '../../query/text.js'
import { compileWhere } from '../../query/where.js'
import { Sessions } from '../../engine/sessions.js'
import { userNamed } from '../../engine/su-id.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { AccountFlows } from './account-flows.js'
import { UserCollection } from './collection.js'
import { ExternalAccounts } from './external-accounts.js'
import { isValidEmail } from './email.js'
import { checkCustomFieldCount, mergeCustomFields, parseCustomFields, parseTags } from '../../engine/custom-fields.js'
import { newUserRecord } from './new-user.js'
import { verifyPassword, type PasswordHasher } from '../../engine/password-hashing.js'
import { applyPhotoChange, readPhotoChange, type UploadRules } from '../../engine/primary-photo.js'
import { toQueryDoc, type QueryDoc } from './query-doc.js'
import { storedCase, type UserRecord } from './record.js'
import { invalidEmail, passwordProblems, problems, validationFailed } from './validation.js'
import { toWireUser, wireUserFor, type WireUser } from './view.js'

/** Who is calling, as the Users rules see it: the caller with their whole stored record. */
export interface UsersCaller extends Caller {
  user?: UserRecord | undefined
}

/**
 * What a users call answers, for the HTTP layer to wrap in the envelope (docs/api.md "Envelope").
 * `users` becomes `response.users`; without it the reply is meta only.
 */
export interface UsersResult {
  users?: WireUser[]
  /** Extra `meta` fields: `count`, `page`, `per_page`, `total_pages`, `total_results`. */
  meta?: Record<string, unknown>
  /** A session the reply hands out: `meta.session_id` and the `_session_id` cookie. */
  session_id?: string
  /** The caller's own session ended (logout, self-delete): the cookie is cleared. */
  session_ended?: boolean
}

const LOGIN_FAILED = 'Invalid email/username or password.'

/**
 * How a user's `photo` upload is taken (docs/users.md "Photos"): recognised by its bytes as
 * photos/create does; anything else answers 400 `Invalid photo type.`
 */
const USER_PHOTOS: UploadRules = { invalid: () => new ApiError(400, 'Invalid photo type.') }

/**
 * The rules of the Users object (docs/users.md "Endpoints"), one method per endpoint, free of
 * HTTP: parameters in, {@link UsersResult} out, {@link ApiError} for every
 * refusal. Every write is on the store (and so on disk with `--data`) before
 * the method returns (docs/command-line.md).
 */
export class UsersService {
  private readonly users: UserCollection
  private readonly hashPassword: PasswordHasher
  private readonly maxCustomFields: number
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly dataSet: ServiceContext['dataSet']
  private readonly sessions: Sessions
  private readonly querySource: QuerySource<UserRecord>
  private readonly context: ServiceContext
  private aclAccess: AclAccess | undefined
  /** Password reset and email confirmation (docs/users.md "Account flows"). */
  readonly flows: AccountFlows
  /** Login, link and unlink with external accounts (docs/users.md "External accounts"). */
  readonly external: ExternalAccounts

  constructor(context: ServiceContext) {
    const { dataSet, server } = context
    this.context = context
    this.dataSet = dataSet
    this.users = new UserCollection(dataSet)
    this.sessions = new Sessions(dataSet, () => context.settings().sessionLifetime)
    this.hashPassword = server.hashPassword
    this.maxCustomFields = server.maxCustomFields
    this.whereLimits = server.whereLimits
    this.querySource = {
      collection: this.users,
      toQueryDoc,
      whereLimits: this.whereLimits,
      legacyPaging: () => context.settings().legacyPaging,
    }
    const ownView = (user: UserRecord) => this.ownView(user)
    this.flows = new AccountFlows(dataSet, this.users, this.sessions, this.hashPassword, () => context.settings().emailVerification, ownView)
    this.external = new ExternalAccounts(dataSet, this.users, this.sessions, this.flows, {
      access: () => this.access(),
      ownView,
    })
  }

  /** The user behind a session id, or undefined when it is not a live session (docs/api.md "Sessions"). */
  caller(sessionId: string | undefined): UsersCaller {
    const userId = this.sessions.userIdOf(sessionId)
    const user = userId === undefined ? undefined : this.users.byId(userId)
    return user ? { user, sessionId } : {}
  }

  /** The stored user with this id (24 hex, any case), or undefined: how other objects find owners and `su_id` targets. */
  userById(id: string): UserRecord | undefined {
    return this.users.byId(id.toLowerCase())
  }

  /**
   * users/create (docs/users.md "Writes"): needs a password and its confirmation, and a
   * username or an email with first and last names. A non-admin caller (or
   * nobody) is logged in as the new user, a signed-in caller keeping their
   * session id; an admin stays who they are (see {@link sessionForNew}).
   * `su_id` (docs/api.md "su_id") is for admins only and must name a user; it changes
   * nothing about the new user but whose ACLs `acl_name` is looked up among (else the caller's;
   * without a session none: docs/users.md "ACLs"). With email verification on, a new user with an
   * email is unconfirmed and gets no session; the mails go to the outbox (docs/users.md "Account flows").
   */
  async create(params: Params, caller: UsersCaller): Promise<UsersResult> {
    let acting: Principal | undefined = caller.user
    if (params.su_id !== undefined) {
      if (!caller.user) throw notAuthorized()
      acting = this.actingUser({ su_id: params.su_id }, caller)
    }
    const username = trimmed(textParam(params, 'username'))
    const email = trimmed(textParam(params, 'email'))
    if (!username && !email) throw validationFailed('create', [problems.identityRequired])
    if (email && !isValidEmail(email)) throw invalidEmail()
    const password = textParam(params, 'password')
    const first_name = textParam(params, 'first_name')
    const last_name = textParam(params, 'last_name')
    const found = [
      ...passwordProblems(password, textParam(params, 'password_confirmation'), true),
      ...(username ? [] : nameProblems(first_name, last_name)),
      ...this.uniquenessProblems(username, email, undefined),
    ]
    if (found.length > 0 || password === undefined) throw validationFailed('create', found)
    const fields = {
      username,
      email,
      first_name,
      last_name,
      role: textParam(params, 'role'),
      tags: params.tags === undefined ? undefined : parseTags(params.tags),
      custom_fields: params.custom_fields === undefined ? undefined : parseCustomFields(params.custom_fields),
    }
    if (fields.custom_fields) checkCustomFieldCount(fields.custom_fields, this.maxCustomFields)
    const aclId = this.access().attachAcl(params, acting, false)
    const { runtime } = this.dataSet
    const photo = await readPhotoChange(params, this.context.photoStore(), USER_PHOTOS)
    const hash = await this.hashPassword(password)
    // Another create may have taken the name while the hash was computed.
    const late = this.uniquenessProblems(username, email, undefined)
    if (late.length > 0) throw validationFailed('create', late)
    const user = newUserRecord(fields, hash, runtime.now(), runtime.objectId)
    const stored = applyPhotoChange(photo, undefined, user.id, this.context.photoStore())
    if (stored) user.photo = stored
    if (aclId) user.acl_id = aclId
    this.flows.prepareNew(user)
    this.users.insert(user)
    this.flows.created(user, params)
    const session_id = this.sessionForNew(user, caller)
    await this.dataSet.write()
    return { users: [this.ownView(user, caller.user ?? user)], ...(session_id && { session_id }) }
  }

  /**
   * The session users/create hands out (docs/users.md "Sessions"):
   * none for an admin caller, or for a new user still to confirm their email; a
   * non-admin caller's live session is handed over to the new user, id kept (so
   * a client that keeps sending its old id, as the arrowdb SDK does, is now the
   * new user); a caller without one gets a new session. The caller persists the store.
   */
  private sessionForNew(user: UserRecord, caller: Caller): string | undefined {
    if (caller.user?.admin || user.confirmed_at === undefined) return undefined
    const { sessionId } = caller
    // Checked again: a logout while the password was hashed must not be undone.
    if (caller.user && sessionId !== undefined && this.sessions.userIdOf(sessionId) === caller.user.id) {
      this.sessions.handOver(sessionId, user.id)
      return sessionId
    }
    return this.sessions.start(user.id)
  }

  /** users/login (docs/users.md "login"): `login` is a username or an email; one message for every failure. */
  async login(params: Params): Promise<UsersResult> {
    const login = trimmed(textParam(params, 'login'))
    const password = textParam(params, 'password')
    const user = login === undefined ? undefined : this.users.byLogin(login)
    if (!user || password === undefined || !(await verifyPassword(password, user.password_hash))) {
      throw new ApiError(401, LOGIN_FAILED)
    }
    // The user may have been deleted, or updated (a new record), while the password was checked.
    const current = this.users.byId(user.id)
    if (!current) throw new ApiError(401, LOGIN_FAILED)
    this.flows.checkConfirmed(current)
    const session_id = this.sessions.start(current.id)
    await this.dataSet.write()
    return { users: [this.ownView(current)], session_id }
  }

  /** users/logout (docs/api.md "Sessions"): the session stops working on the server. */
  async logout(caller: UsersCaller): Promise<UsersResult> {
    if (!caller.user || caller.sessionId === undefined) throw notSignedIn()
    this.sessions.end(caller.sessionId)
    await this.dataSet.write()
    return { session_ended: true }
  }

  /** users/show/me (docs/users.md "Endpoints"): the caller, email included. */
  showMe(caller: UsersCaller): UsersResult {
    if (!caller.user) throw notSignedIn()
    return { users: [this.ownView(caller.user)] }
  }

  /**
   * The user `id` embedded in another object's reply as its owner (docs/users.md "Replies"),
   * email shown only to that user and to admins; undefined when no such user is stored.
   */
  wireOwner(id: string, viewer: Caller['user']): WireUser | undefined {
    const user = this.users.byId(id)
    return user && wireUserFor(viewer, user)
  }

  /**
   * users/show (docs/users.md "Endpoints"): `user_id`, or `user_ids` as a comma list. The
   * users found are returned in the order asked; 404 only when none is
   * (docs/api.md "Id lists").
   */
  show(params: Params, caller: UsersCaller): UsersResult {
    const listed = idListParam(params, 'user_ids')
    const ids = listed?.length ? listed : idListParam(params, 'user_id')
    if (!ids?.length) throw requiredField('user_id')
    const found = ids.flatMap((id) => this.users.byId(id) ?? [])
    if (found.length === 0) throw userNotFound()
    return { users: found.map(this.listedFor(caller.user)) }
  }

  /**
   * users/query (docs/api.md "Queries"): `where`, `order`, `sel`/`unsel`,
   * `limit`/`skip` (or `page`/`per_page` as an offset) and `count`.
   */
  query(params: Params, caller: UsersCaller): UsersResult {
    const page = runQuery(params, this.querySource)
    return { users: page.records.map(this.listedFor(caller.user)).map(page.select), meta: page.meta }
  }

  /**
   * The ids of the stored users `accept` takes, in creation order: how another object finds users
   * by a rule of its own (Facebook friends, docs/social-integrations.md "search_friends").
   */
  idsWhere(accept: (user: UserRecord) => boolean): string[] {
    return this.users.scan(accept).map((user) => user.id)
  }

  /**
   * A users/query over the users `ids` names only, in that order unless `order` says otherwise:
   * how Friends lists a user's friends (docs/friends.md "Friend lists"). Ids of users no longer
   * stored are skipped.
   */
  queryAmong(params: Params, caller: Caller, ids: readonly string[]): UsersResult {
    const rank = new Map(ids.map((id, index) => [id, index]))
    const page = runQuery(params, {
      ...this.querySource,
      readable: (user) => rank.has(user.id),
      defaultOrder: (found) => found.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!),
    })
    return { users: page.records.map(this.listedFor(caller.user)).map(page.select), meta: page.meta }
  }

  /**
   * users/search (docs/users.md "Search"): every keyword of `q`
   * must be a whole word of first_name, last_name, email, username or tags; paged with
   * `page`/`per_page`, reported in meta. With `among`, only those users, in that order (Friends'
   * friends/search, docs/friends.md "friends/search").
   */
  search(params: Params, caller: Caller, among?: readonly string[]): UsersResult {
    let matches = this.matching(compileKeywords(textParam(params, 'q') ?? ''))
    if (among !== undefined) {
      const rank = new Map(among.map((id, index) => [id, index]))
      matches = matches.filter((user) => rank.has(user.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
    }
    const { records, meta } = searchPage(matches, params)
    return { users: records.map(this.listedFor(caller.user)), meta }
  }

  /** users/count (docs/users.md "Endpoints"): the number of users in `meta.count`; a `where` narrows it (a mock-cloud extra). */
  count(params: Params): UsersResult {
    const match = compileWhere(params.where, this.whereLimits)
    return { meta: { count: match ? this.matching(match).length : this.users.all().length } }
  }

  /**
   * users/update (docs/users.md "Writes"): the caller, or with `su_id` (admins
   * only) another user. Sent fields replace stored ones, `tags` replace,
   * `custom_fields` merge with `null` removing a field; a new password needs
   * its confirmation, and ends the user's other sessions; a new password or
   * email voids their emailed tokens (see `AccountFlows.credentialsChanged`). `acl_name` (among
   * the updated user's ACLs) or `acl_id` attaches an ACL, `""` detaches it (docs/users.md "ACLs").
   */
  async update(params: Params, caller: UsersCaller): Promise<UsersResult> {
    const password = textParam(params, 'password') || undefined
    const acting = this.actingUser(params, caller)
    this.accountChanges(params, acting, password)
    const aclId = this.access().attachAcl(params, acting, true)
    const photo = await readPhotoChange(params, this.context.photoStore(), USER_PHOTOS)
    const password_hash = password === undefined ? undefined : await this.hashPassword(password)
    // From here on nothing awaits: the stored user is read again as it is after the hash, so a
    // concurrent update (or a reset) is neither overwritten with stale values nor lost.
    const fresh = this.caller(caller.sessionId)
    const target = this.actingUser(params, fresh)
    const account = this.accountChanges(params, target, password)
    const custom_fields =
      params.custom_fields === undefined
        ? target.custom_fields
        : mergeCustomFields(target.custom_fields, parseCustomFields(params.custom_fields))
    if (params.custom_fields !== undefined) checkCustomFieldCount(custom_fields, this.maxCustomFields)
    const admin = this.adminFlag(params, fresh, target)
    // Last, once nothing can refuse the call: an uploaded photo is stored here.
    const changes = {
      ...account,
      role: params.role === undefined ? target.role : textParam(params, 'role'),
      tags: params.tags === undefined ? target.tags : parseTags(params.tags),
      photo: applyPhotoChange(photo, target.photo, target.id, this.context.photoStore()),
      acl_id: keptAclId(target.acl_id, aclId),
    }
    // A new record, never the stored one changed: baselines and snapshots share stored records.
    const next: UserRecord = {
      ...target,
      ...changes,
      custom_fields,
      admin,
      password_hash: password_hash ?? target.password_hash,
      updated_at: this.dataSet.runtime.now().toISOString(),
    }
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) delete next[field as keyof typeof changes]
    }
    this.users.replace(target, next)
    this.flows.credentialsChanged(target, next, caller.sessionId)
    await this.dataSet.write()
    return { users: [this.ownView(next, fresh.user ?? next)] }
  }

  /**
   * users/delete (docs/users.md "Writes"): the caller, or with `su_id` another user, or
   * with `user_ids` a list (admins only, unless the list is just the caller).
   * The deleted users' sessions end (docs/users.md "Writes"). Meta only.
   */
  async delete(params: Params, caller: UsersCaller): Promise<UsersResult> {
    if (!caller.user) throw notSignedIn()
    const ids = idListParam(params, 'user_ids')
    if (ids === undefined) return this.removeUsers([this.actingUser(params, caller)], caller)
    if (ids.length === 0) throw requiredField('user_ids')
    if (!caller.user.admin && ids.some((id) => id !== caller.user?.id)) throw notAuthorized()
    const targets = ids.flatMap((id) => this.users.byId(id) ?? [])
    if (targets.length === 0) throw userNotFound()
    return this.removeUsers(targets, caller)
  }

  /**
   * users/batch_delete (docs/users.md "Writes"): admins only; deletes the users matching
   * `where`, or all users without it. Finishes before the reply (docs/users.md "Writes").
   */
  async batchDelete(params: Params, caller: UsersCaller): Promise<UsersResult> {
    if (!caller.user) throw notSignedIn()
    if (!caller.user.admin) throw notAuthorized()
    return this.removeUsers(this.matching(compileWhere(params.where, this.whereLimits)), caller)
  }

  private async removeUsers(targets: readonly UserRecord[], caller: UsersCaller): Promise<UsersResult> {
    const ids = new Set(targets.map((user) => user.id))
    this.users.remove(ids)
    this.sessions.endAllOf(ids)
    await this.dataSet.write()
    return caller.user && ids.has(caller.user.id) ? { session_ended: true } : {}
  }

  /**
   * The caller, or the user named by `su_id` when the caller is an admin
   * (docs/api.md "su_id", docs/users.md "Writes"). `sudo_id` and `user_id`, the names of the same
   * parameter before ACS 1.1.9 (docs/api.md "su_id"), are read too: a call naming another
   * user must never fall back to changing the caller.
   */
  private actingUser(params: Params, caller: UsersCaller): UserRecord {
    if (!caller.user) throw notSignedIn()
    const name = ['su_id', 'sudo_id', 'user_id'].find((candidate) => params[candidate] !== undefined)
    if (name === undefined) return caller.user
    return userNamed(params[name], caller.user, (id) => this.users.byId(id))
  }

  /**
   * The identity fields of `target` after an update, checked as users/update
   * checks them: every problem at once, Rails style (docs/users.md "Writes").
   *
   * @throws ApiError 400 `Invalid Email Address.` or `Failed to update user: Validation failed - ...`.
   */
  private accountChanges(params: Params, target: UserRecord, password: string | undefined) {
    const username = params.username === undefined ? target.username : trimmed(textParam(params, 'username'))
    const email = params.email === undefined ? target.email : trimmed(textParam(params, 'email'))
    if (email && email !== target.email && !isValidEmail(email)) throw invalidEmail()
    const first_name = params.first_name === undefined ? target.first_name : textParam(params, 'first_name')
    const last_name = params.last_name === undefined ? target.last_name : textParam(params, 'last_name')
    // A user made by external_account_login has no username, email or names, and needs none (docs/users.md "External accounts").
    const external = target.external_accounts.length > 0
    const found = [
      ...(username || email || external ? [] : [problems.identityRequired]),
      ...(password === undefined ? [] : passwordProblems(password, textParam(params, 'password_confirmation'), false)),
      ...(username || external ? [] : nameProblems(first_name, last_name)),
      ...this.uniquenessProblems(username, email, target.id),
    ]
    if (found.length > 0) throw validationFailed('update', found)
    return {
      username: username === undefined ? undefined : storedCase(username),
      email: email === undefined ? undefined : storedCase(email),
      first_name,
      last_name,
    }
  }

  /**
   * The admin flag after an update: only an admin acting on another user with
   * `su_id` may set it, with a word {@link readBoolean} knows; otherwise it
   * stays (docs/users.md "Writes").
   */
  private adminFlag(params: Params, caller: UsersCaller, target: UserRecord): boolean {
    const wanted = readBoolean(params.admin)
    const onOther = caller.user?.admin === true && target.id !== caller.user.id
    return onOther && wanted !== undefined ? wanted : target.admin
  }

  /**
   * The ACLs' access mechanism (docs/acls.md "Access to objects"), fetched on first use: the ACLs
   * service uses this one to render owners, so neither may ask for the other while being made.
   */
  private access(): AclAccess {
    this.aclAccess ??= this.context.service(acls).access
    return this.aclAccess
  }

  /**
   * A user in a reply about themself (create, login, show/me, update, the account flows, external
   * accounts): email included, and `acls` while an ACL is attached (docs/users.md "ACLs"), its
   * owner as `viewer` (default: the user) may see them.
   */
  private ownView(user: UserRecord, viewer: Principal = user): WireUser {
    return toWireUser(user, true, this.access().wireAcls(user, viewer))
  }

  /**
   * How `viewer` (the caller's user, undefined without a session) sees each user of a list (show,
   * query, search): email per `wireUserFor`, and `acls` while an ACL is attached.
   *
   * @example
   * found.map(this.listedFor(caller.user))
   */
  private listedFor(viewer: Principal | undefined): (user: UserRecord) => WireUser {
    return (user) => wireUserFor(viewer, user, this.access().wireAcls(user, viewer))
  }

  /**
   * The users whose query doc `match` accepts (all without it), in id order, which is creation
   * order (docs/api.md "Queries"); the first `wanted` of them only, when fewer are read.
   */
  private matching(match: ((doc: QueryDoc) => boolean) | undefined, wanted = Infinity): UserRecord[] {
    return scanMatching(this.querySource, match, wanted)
  }

  private uniquenessProblems(username: string | undefined, email: string | undefined, self: string | undefined): string[] {
    const taken = (user: UserRecord | undefined) => user !== undefined && user.id !== self
    return [
      ...(username !== undefined && taken(this.users.byUsername(username)) ? [problems.usernameTaken] : []),
      ...(email !== undefined && taken(this.users.byEmail(email)) ? [problems.emailTaken] : []),
    ]
  }
}

function nameProblems(first_name: string | undefined, last_name: string | undefined): string[] {
  return [...(first_name ? [] : [problems.firstNameBlank]), ...(last_name ? [] : [problems.lastNameBlank])]
}
