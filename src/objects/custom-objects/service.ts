import { applyIncrements } from '../../engine/increment.js'
import { rawIdList } from '../../engine/id-list.js'
import { actingUser } from '../../engine/su-id.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, scanMatching, type QuerySource } from '../../engine/query-run.js'
import { ApiError, deniedByAcl, failedToAuthenticate, invalidObjectId, invalidParameter, notAuthorized, requiredField } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { isPlainObject } from '../../json.js'
import { isAbsent, jsonParam, textParam, trimmed, type Params } from '../../param-values.js'
import { compileWhere } from '../../query/where.js'
import { Collection } from '../../store/collection.js'
import { mergeCustomFields, parseCustomFields, parseTags } from '../../engine/custom-fields.js'
import { applyPhotoChange, readPhotoChange } from '../../engine/primary-photo.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { classCollection } from './class-name.js'
import { toQueryDoc } from './query-doc.js'
import { RESERVED_KEYS, type CustomObjectRecord } from './record.js'
import { toWireObject, type WireCustomObject } from './view.js'

/** What a custom objects call answers: `objects` become `response.<classname>`; `meta` adds to `meta`. */
export interface CustomObjectsResult {
  objects?: WireCustomObject[]
  meta?: Record<string, unknown>
  /** 202 when a batch_create stopped part way. */
  status?: number
}

/** The most objects one batch_create takes (docs/custom-objects.md "batch_create"). */
export const BATCH_CREATE_LIMIT = 100

/**
 * The rules of the CustomObjects object (docs/custom-objects.md), one method per endpoint, free of
 * HTTP: the class name and the parameters in, {@link CustomObjectsResult} out, an {@link ApiError}
 * for every refusal. Each class is a collection of its own (`objects:<classname>`), made by its
 * first write. Every write is stored before the method returns.
 *
 * Who may read and write an object is decided in {@link canRead} and {@link canWrite} only.
 */
export class CustomObjectsService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly access: AclAccess
  private readonly classes = new Map<string, Collection<CustomObjectRecord>>()

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.access = context.service(acls).access
  }

  /**
   * Whether `caller` (undefined: nobody signed in) may see `record` (docs/custom-objects.md
   * "Access", docs/acls.md "Access to objects"): its owner and admins; with an ACL, who it lets
   * read; without one (or once it is deleted), everyone.
   */
  canRead(caller: Principal | undefined, record: CustomObjectRecord): boolean {
    return this.access.canRead(caller, record.user_id, record.acl_id)
  }

  /**
   * Whether `caller` (undefined: nobody signed in) may update or delete `record`
   * (docs/custom-objects.md "Access", docs/acls.md "Access to objects"): its owner and admins;
   * with an ACL, also who it lets write.
   */
  canWrite(caller: Principal | undefined, record: CustomObjectRecord): boolean {
    return this.access.canWrite(caller, record.user_id, record.acl_id)
  }

  /** objects/<classname>/create: a new object owned by the caller, or by the `su_id` user (admins). */
  async create(classname: string, params: Params, caller: Caller): Promise<CustomObjectsResult> {
    const objects = this.collection(classname)
    if (!caller.user) throw failedToAuthenticate()
    const owner = this.actingUser(params, caller)
    if (isAbsent(params.fields)) throw requiredField('fields')
    const sent = parseCustomFields(params.fields, 'fields')
    const aclId = this.access.attachAcl(params, owner, false)
    const fields = mergeCustomFields({}, applyIncrements({}, dataFields(sent), 'fields'))
    const change = await readPhotoChange(params, this.context.photoStore())
    const photo = applyPhotoChange(change, undefined, owner.id, this.context.photoStore())
    const now = this.dataSet.runtime.now()
    const record = withTags(
      {
        id: this.dataSet.runtime.objectId(now),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        user_id: owner.id,
        fields,
        ...(aclId && { acl_id: aclId }),
        ...(photo && { photo }),
      },
      tagsParam(params, sent),
    )
    objects.insert(record)
    await this.dataSet.write()
    return { objects: [this.wire(record, caller.user)] }
  }

  /**
   * objects/<classname>/show: `ids` (a comma list or a JSON array) or `id`; the objects found
   * that the caller may read, in the order asked, each once; malformed and unknown ids are skipped.
   *
   * @throws ApiError 400 `Invalid object id: '<first id>'` when none is found; 401 `You are not
   *   authorized to perform this action.` when objects were found but the caller may read none.
   */
  show(classname: string, params: Params, caller: Caller): CustomObjectsResult {
    const objects = this.collection(classname)
    const ids = this.idsParam(params)
    const stored = ids
      .flatMap((id) => (objects.byIdAsSent(id) ?? []))
      .filter((record, index, all) => all.indexOf(record) === index)
    if (stored.length === 0) throw invalidObjectId(ids[0]!)
    const found = stored.filter((record) => this.canRead(caller.user, record))
    if (found.length === 0) throw deniedByAcl()
    return { objects: found.map((record) => this.wire(record, caller.user)) }
  }

  /** objects/<classname>/query: `where`, `order`, `sel`/`unsel`, `limit`/`skip`, `count` over the class. */
  query(classname: string, params: Params, caller: Caller): CustomObjectsResult {
    const page = runQuery(params, this.querySource(this.collection(classname), caller.user))
    return {
      objects: page.records.map((record) => page.select(this.wire(record, caller.user))),
      meta: page.meta,
    }
  }

  /** objects/<classname>/count: every stored object of the class in `meta.count`, whoever may read it. */
  count(classname: string): CustomObjectsResult {
    return { meta: { count: this.collection(classname).size } }
  }

  /**
   * objects/<classname>/update: `fields` merged into the stored ones (`null` removes a field,
   * `{"$inc": n}` adds), `tags` (or `fields.tags`) replaces the tags.
   *
   * @throws ApiError 400 `One or more invalid object id(s): ["<id>"]` for an unknown or malformed id;
   *   403 `You do not have permission to update object <id>` when the caller may not write it.
   */
  async update(classname: string, params: Params, caller: Caller): Promise<CustomObjectsResult> {
    const objects = this.collection(classname)
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const id = trimmed(textParam(params, 'id'))
    if (id === undefined) throw requiredField('id')
    const current = objects.byIdAsSent(id)
    if (!current) throw unknownId(id)
    if (isAbsent(params.fields) && !OTHER_CHANGES.some((name) => params[name] !== undefined)) throw requiredField('fields')
    if (!this.canWrite(actor, current)) throw new ApiError(403, `You do not have permission to update object ${current.id}`)
    const sent = isAbsent(params.fields) ? {} : parseCustomFields(params.fields, 'fields')
    const aclId = this.access.attachAcl(params, actor, true)
    const change = await readPhotoChange(params, this.context.photoStore())
    // Read again after the upload was read: the object may have changed or gone meanwhile.
    const fresh = objects.byId(current.id)
    if (!fresh) throw unknownId(id)
    const fields = mergeCustomFields(fresh.fields, applyIncrements(fresh.fields, dataFields(sent), 'fields'))
    const { tags: _tags, acl_id: storedAcl, photo: storedPhoto, ...rest } = fresh
    const acl_id = keptAclId(storedAcl, aclId)
    const photo = applyPhotoChange(change, storedPhoto, fresh.user_id, this.context.photoStore())
    const next = withTags(
      {
        ...rest,
        fields,
        updated_at: this.dataSet.runtime.now().toISOString(),
        ...(acl_id && { acl_id }),
        ...(photo && { photo }),
      },
      tagsParam(params, sent) ?? (params.tags === undefined && sent.tags === undefined ? fresh.tags : undefined),
    )
    objects.replace(fresh, next)
    await this.dataSet.write()
    return { objects: [this.wire(next, caller.user)] }
  }

  /**
   * objects/<classname>/delete: `ids` (a comma list or a JSON array) or `id`; all or nothing.
   * Existence is checked first, then permission; login is not required as such.
   *
   * @throws ApiError 400 `trying to remove, couldn't find object(s) with id(s): <ids>`;
   *   403 `You do not have permission to delete object <id>`.
   */
  async delete(classname: string, params: Params, caller: Caller): Promise<CustomObjectsResult> {
    const objects = this.collection(classname)
    const actor = caller.user && this.actingUser(params, caller)
    const ids = this.idsParam(params)
    const missing = ids.filter((id) => !isObjectId(id) || !objects.byId(id.toLowerCase()))
    if (missing.length > 0) throw new ApiError(400, `trying to remove, couldn't find object(s) with id(s): ${missing.join(', ')}`)
    const targets = ids.map((id) => objects.byId(id.toLowerCase())!)
    const refused = targets.find((record) => !this.canWrite(actor, record))
    if (refused) throw new ApiError(403, `You do not have permission to delete object ${refused.id}`)
    objects.remove(new Set(targets.map((record) => record.id)))
    await this.dataSet.write()
    return {}
  }

  /** objects/<classname>/batch_delete (admins): the objects `where` matches, all without it. Meta only. */
  async batchDelete(classname: string, params: Params, caller: Caller): Promise<CustomObjectsResult> {
    const objects = this.collection(classname)
    const admin = this.admin(caller)
    const where = compileWhere(params.where, this.whereLimits)
    const matching = scanMatching(this.querySource(objects, admin), where)
    objects.remove(new Set(matching.map((record) => record.id)))
    await this.dataSet.write()
    return {}
  }

  /** objects/<classname>/admin_drop_collection (admins): the class is gone; it reads as never written. */
  async dropCollection(classname: string, caller: Caller): Promise<CustomObjectsResult> {
    const objects = this.collection(classname)
    // The one admin-only call refused with 400, not 403 (docs/custom-objects.md "admin_drop_collection").
    if (!caller.user?.admin) throw new ApiError(400, notAuthorized().message)
    objects.drop()
    await this.dataSet.write()
    return {}
  }

  /**
   * objects/<classname>/batch_create (admins): `json_array`, up to {@link BATCH_CREATE_LIMIT}
   * objects, each object's keys its fields; `user_id` names the owner (not checked), other
   * reserved keys and `tags` are dropped. An element that is not an object stops the run: those
   * before it are kept and the reply is HTTP 202. `meta.message` reports the counts Ruby-style.
   */
  async batchCreate(classname: string, params: Params, caller: Caller): Promise<CustomObjectsResult> {
    const objects = this.collection(classname)
    const admin = this.admin(caller)
    if (isAbsent(params.json_array)) throw requiredField('json_array')
    const elements = jsonParam('json_array', params.json_array)
    if (!Array.isArray(elements)) throw invalidParameter('json_array', 'must be a JSON array')
    if (elements.length > BATCH_CREATE_LIMIT) throw new ApiError(400, `${BATCH_CREATE_LIMIT} objects batch create limit exceeded`)
    const made: CustomObjectRecord[] = []
    for (const element of elements) {
      if (!isPlainObject(element)) break
      const sent = parseCustomFields(element, 'json_array')
      const owner = typeof sent.user_id === 'string' && isObjectId(sent.user_id) ? sent.user_id.toLowerCase() : admin.id
      const now = this.dataSet.runtime.now()
      made.push({
        id: this.dataSet.runtime.objectId(now),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        user_id: owner,
        fields: mergeCustomFields({}, applyIncrements({}, dataFields(sent), 'json_array')),
      })
    }
    for (const record of made) objects.insert(record)
    await this.dataSet.write()
    const meta = { message: `{"n"=>${made.length}, "nInserted"=>${made.length}}` }
    return made.length === elements.length ? { meta } : { meta, status: 202 }
  }

  /**
   * The ids of a show or delete as sent, unchecked: `ids` (a comma list or a JSON array text), or
   * `id` when `ids` holds none (Android sends `id=""` beside `ids`).
   *
   * @throws ApiError 400 `Required field: id` when neither holds one.
   */
  private idsParam(params: Params): string[] {
    const listed = rawIdList(params, 'ids')
    const ids = listed?.length ? listed : rawIdList(params, 'id')
    if (!ids?.length) throw requiredField('id')
    return ids
  }

  /** The collection of class `classname`, made once per class (it is created by its first insert). */
  private collection(classname: string): Collection<CustomObjectRecord> {
    const name = classCollection(classname)
    let objects = this.classes.get(name)
    if (objects === undefined) {
      objects = new Collection<CustomObjectRecord>(this.dataSet, name)
      this.classes.set(name, objects)
    }
    return objects
  }

  private querySource(objects: Collection<CustomObjectRecord>, viewer: Principal | undefined): QuerySource<CustomObjectRecord> {
    return {
      collection: objects,
      toQueryDoc,
      whereLimits: this.whereLimits,
      readable: (record) => this.canRead(viewer, record),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  /** A record as `viewer` sees it, its owner embedded (email only to the owner and admins). */
  private wire(record: CustomObjectRecord, viewer: Principal | undefined): WireCustomObject {
    return toWireObject(record, this.users.wireOwner(record.user_id, viewer), this.access.wireAcls(record, viewer))
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/custom-objects.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }

  /**
   * The signed-in admin.
   *
   * @throws ApiError 400 `Failed to authenticate user` without a session, 403 for a non-admin.
   */
  private admin(caller: Caller): Principal {
    if (!caller.user) throw failedToAuthenticate()
    if (!caller.user.admin) throw notAuthorized()
    return caller.user
  }
}

/** 400 for an update whose `id` names no object of the class (docs/custom-objects.md "Errors"). */
const unknownId = (id: string): ApiError => new ApiError(400, `One or more invalid object id(s): ${JSON.stringify([id])}`)

/** The update parameters besides `fields` that change an object; with none of them, `fields` is required. */
const OTHER_CHANGES = ['tags', 'photo', 'photo_id', 'acl_name', 'acl_id'] as const

/** Sent fields without the reserved keys, which only their own parameters set (docs/custom-objects.md "Fields"). */
function dataFields(sent: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(sent).filter(([name]) => !RESERVED_KEYS.has(name)))
}

/**
 * The tags a call sets: the `tags` parameter, else `fields.tags` (a list or a comma string);
 * undefined when neither is given or the list is empty (`tags=""` clears).
 */
function tagsParam(params: Params, sent: Readonly<Record<string, unknown>>): readonly string[] | undefined {
  if (params.tags !== undefined) return parseTags(params.tags)
  if (sent.tags !== undefined && sent.tags !== null) return parseTags(sent.tags)
  return undefined
}

/** `record` with `tags` when there are any, without the key otherwise. */
function withTags(record: Omit<CustomObjectRecord, 'tags'>, tags: readonly string[] | undefined): CustomObjectRecord {
  return tags === undefined ? record : { ...record, tags: [...tags] }
}
