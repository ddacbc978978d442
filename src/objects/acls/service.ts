import { ApiError, failedToAuthenticate, invalidObjectId, invalidUserId, NAME_PROBLEMS, notAuthorized, validationFailed } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { idListParam } from '../../engine/id-list.js'
import type { CallResult, Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery } from '../../engine/query-run.js'
import { actingUser } from '../../engine/su-id.js'
import { parseBoolean, readBoolean, textParam, trimmed, type Params } from '../../param-values.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { AclAccess } from './access.js'
import { AclCollection } from './collection.js'
import { aclGrants, invalidAclId, invalidAclName, type AclRecord } from './record.js'
import { aclQueryDoc, toWireAcl } from './view.js'

/** 400 `Failed to <verb> ACL: Validation failed - <problem>.` (docs/acls.md "Errors"). */
const aclValidationFailed = (verb: 'create' | 'update', problem: string): ApiError => validationFailed(`${verb} ACL`, problem)

/**
 * The rules of the ACLs object (docs/acls.md), one method per endpoint, free of HTTP, and the
 * access mechanism every ACL-capable object uses ({@link access}). Every write is stored before
 * the method returns.
 */
export class AclsService {
  private readonly acls: AclCollection
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly context: ServiceContext
  /** Who may read and write objects that carry an ACL (docs/acls.md "Access to objects"). */
  readonly access: AclAccess

  constructor(context: ServiceContext) {
    this.context = context
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.acls = new AclCollection(context.dataSet)
    this.access = new AclAccess(this)
  }

  /** The stored ACL with this id, or undefined (also for a malformed id). */
  aclById(id: string): AclRecord | undefined {
    return this.acls.byId(id.toLowerCase())
  }

  /** The ACL `owner` owns under `name`, or undefined. */
  aclByName(owner: string, name: string): AclRecord | undefined {
    return this.acls.byOwnerAndName(owner, name)
  }

  /** The ACL rendered for `viewer`, its owner embedded (docs/acls.md "Replies"). */
  wire(acl: AclRecord, viewer: Principal | undefined): Record<string, unknown> {
    return toWireAcl(acl, this.users().wireOwner(acl.user_id, viewer))
  }

  /** acls/create: needs a session; `su_id` (admins) picks the owner. */
  async create(params: Params, caller: Caller): Promise<CallResult> {
    const owner = this.actingUser(params, caller)
    const name = trimmed(textParam(params, 'name'))
    if (name === undefined) throw aclValidationFailed('create', NAME_PROBLEMS.blank)
    if (this.acls.byOwnerAndName(owner.id, name)) throw aclValidationFailed('create', NAME_PROBLEMS.taken)
    const readers = this.userIds(params, 'reader_ids') ?? []
    const writers = this.userIds(params, 'writer_ids') ?? []
    const now = this.dataSet.runtime.now()
    const acl: AclRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      name,
      user_id: owner.id,
      readers: readers.filter((id) => id !== owner.id),
      writers: writers.filter((id) => id !== owner.id),
      public_read: parseBoolean(params.public_read),
      public_write: parseBoolean(params.public_write),
    }
    this.acls.insert(acl)
    await this.dataSet.write()
    return { response: { acls: [this.wire(acl, caller.user)] } }
  }

  /** acls/show: no session needed; by `id` any ACL, by `name` only the caller's. */
  show(params: Params, caller: Caller): CallResult {
    const acl = this.find(params, caller.user?.id)
    return { response: { acls: [this.wire(acl, caller.user)] } }
  }

  /**
   * acls/update: owner or admin. With `id`, `name` renames; `reader_ids`/`writer_ids` replace
   * the lists (`""` leaves only the owner, absent leaves them); flags change when sent.
   */
  async update(params: Params, caller: Caller): Promise<CallResult> {
    const acl = this.managed(params, caller)
    const byId = trimmed(textParam(params, 'id')) !== undefined
    const name = byId ? (trimmed(textParam(params, 'name')) ?? acl.name) : acl.name
    if (name !== acl.name && this.acls.byOwnerAndName(acl.user_id, name)) throw aclValidationFailed('update', NAME_PROBLEMS.taken)
    const readers = this.userIds(params, 'reader_ids')
    const writers = this.userIds(params, 'writer_ids')
    const next = this.acls.change(acl, {
      name,
      readers: readers === undefined ? acl.readers : readers.filter((id) => id !== acl.user_id),
      writers: writers === undefined ? acl.writers : writers.filter((id) => id !== acl.user_id),
      public_read: readBoolean(params.public_read) ?? acl.public_read,
      public_write: readBoolean(params.public_write) ?? acl.public_write,
      updated_at: this.dataSet.runtime.now().toISOString(),
    })
    await this.dataSet.write()
    return { response: { acls: [this.wire(next, caller.user)] } }
  }

  /** acls/delete: owner or admin; objects using the ACL fall back to the no-ACL rules. Meta only. */
  async delete(params: Params, caller: Caller): Promise<CallResult> {
    const acl = this.managed(params, caller)
    this.acls.remove(new Set([acl.id]))
    await this.dataSet.write()
    return {}
  }

  /** acls/add: owner or admin; appends the ids not yet listed. Meta only. */
  async add(params: Params, caller: Caller): Promise<CallResult> {
    return this.changeLists(params, caller, (list, ids) => [...list, ...ids.filter((id) => !list.includes(id))])
  }

  /** acls/remove: owner or admin; takes the ids out of the lists (the owner stays). Meta only. */
  async remove(params: Params, caller: Caller): Promise<CallResult> {
    return this.changeLists(params, caller, (list, ids) => list.filter((id) => !ids.includes(id)))
  }

  /** acls/check: any signed-in user; what the ACL grants `user_id` by its own rule. */
  check(params: Params, caller: Caller): CallResult {
    if (caller.user === undefined) throw failedToAuthenticate()
    const acl = this.find(params, caller.user.id)
    const userId = trimmed(textParam(params, 'user_id'))
    if (userId === undefined || !isObjectId(userId) || !this.users().userById(userId.toLowerCase())) throw invalidUserId()
    const { read, write } = aclGrants(acl, userId.toLowerCase())
    return { response: { permission: { read_permission: read, write_permission: write } } }
  }

  /** acls/query: the caller's ACLs (an admin: those of `user_id`), with where/order/sel/paging/count. */
  query(params: Params, caller: Caller): CallResult {
    const user = caller.user
    if (user === undefined) throw failedToAuthenticate()
    const asked = trimmed(textParam(params, 'user_id'))?.toLowerCase()
    if (asked !== undefined && asked !== user.id && !user.admin) throw notAuthorized()
    if (asked !== undefined && !isObjectId(asked)) throw invalidUserId()
    const owner = asked ?? user.id
    const page = runQuery(params, {
      collection: this.acls,
      toQueryDoc: aclQueryDoc,
      whereLimits: this.whereLimits,
      readable: (acl) => acl.user_id === owner,
      legacyPaging: () => this.context.settings().legacyPaging,
    })
    const acls = page.records.map((acl) => page.select(this.wire(acl, user)))
    return { response: { acls }, meta: page.meta }
  }

  /** acls/count: every ACL of the app. */
  count(): CallResult {
    return { meta: { count: this.acls.size } }
  }

  private async changeLists(
    params: Params,
    caller: Caller,
    apply: (list: readonly string[], ids: readonly string[]) => string[],
  ): Promise<CallResult> {
    const acl = this.managed(params, caller)
    const without = (ids: string[] | undefined) => (ids ?? []).filter((id) => id !== acl.user_id)
    const readers = without(this.userIds(params, 'reader_ids'))
    const writers = without(this.userIds(params, 'writer_ids'))
    this.acls.change(acl, {
      readers: apply(acl.readers, readers),
      writers: apply(acl.writers, writers),
      updated_at: this.dataSet.runtime.now().toISOString(),
    })
    await this.dataSet.write()
    return {}
  }

  /**
   * The ACL an update, delete, add or remove acts on, found among the acting user's ACLs by name,
   * or by id; only its owner (also through `su_id`) or an admin may manage it.
   *
   * @throws ApiError 403 `You are not authorized to perform this action.` for anyone else.
   */
  private managed(params: Params, caller: Caller): AclRecord {
    const acting = this.actingUser(params, caller)
    const acl = this.find(params, acting.id)
    const admin = caller.user?.admin === true
    if (acl.user_id !== acting.id && !(admin && acting === caller.user)) throw notAuthorized()
    return acl
  }

  /**
   * The ACL `id` names, or else the one `owner` owns under `name` (docs/acls.md "Parameters").
   *
   * @throws ApiError 400 `Invalid object id: '<v>'`, `Invalid ACL id`, `Invalid ACL name`.
   */
  private find(params: Params, owner: string | undefined): AclRecord {
    const id = trimmed(textParam(params, 'id'))
    if (id !== undefined) {
      if (!isObjectId(id)) throw invalidObjectId(id)
      const acl = this.aclById(id)
      if (acl === undefined) throw invalidAclId()
      return acl
    }
    const name = trimmed(textParam(params, 'name'))
    const acl = name === undefined || owner === undefined ? undefined : this.acls.byOwnerAndName(owner, name)
    if (acl === undefined) throw invalidAclName()
    return acl
  }

  /**
   * A list of user ids (comma list or JSON array), every one an existing user; undefined when
   * absent, `[]` for `""`.
   *
   * @throws ApiError 400 `Invalid user id` for a malformed or unknown id.
   */
  private userIds(params: Params, name: string): string[] | undefined {
    let ids: string[] | undefined
    try {
      ids = idListParam(params, name)
    } catch {
      throw invalidUserId()
    }
    if (ids?.some((id) => !this.users().userById(id))) throw invalidUserId()
    return ids
  }

  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users().userById(id))
  }

  private users(): UsersService {
    return this.context.service(users)
  }
}
