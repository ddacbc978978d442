import { batchDelete } from '../../engine/batch-delete.js'
import { actingUser } from '../../engine/su-id.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { mergeCustomFields, parseCustomFields } from '../../engine/custom-fields.js'
import { ApiError, deniedByAcl, failedToAuthenticate, invalidObjectId, NAME_PROBLEMS, requiredField, validationFailed } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { searchPage } from '../../engine/deprecated-search.js'
import { Collection } from '../../store/collection.js'
import { firstInIdOrder, inIdOrder } from '../../store/id-order.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { photos } from '../photos/index.js'
import type { PhotoRecord } from '../photos/record.js'
import type { PhotosService } from '../photos/service.js'
import type { WirePhoto } from '../photos/view.js'
import { toQueryDoc } from './query-doc.js'
import { byParent, type PhotoCollectionRecord } from './record.js'
import { toWireCollection, type Counts, type WireCollection } from './view.js'

/**
 * What a PhotoCollections call answers: `collections` become `response.collections`, `photos`
 * (show/photos) `response.photos`; `meta` adds to `meta`.
 */
export interface PhotoCollectionsResult {
  collections?: WireCollection[]
  photos?: WirePhoto[]
  meta?: Record<string, unknown>
}

/** 400 for a `collection_id` or `parent_collection_id` that is malformed or names no collection (docs/photo-collections.md "Errors"). */
export const invalidCollectionId = (): ApiError => new ApiError(400, 'Invalid collection id')

/** 401 for a caller the collection's ACL does not let read or write (docs/photo-collections.md "Errors"). */
const notAllowed = (): ApiError => deniedByAcl()


/**
 * The rules of the PhotoCollections object (docs/photo-collections.md), one method per endpoint,
 * free of HTTP: the parameters in, {@link PhotoCollectionsResult} out, an {@link ApiError} for every
 * refusal. Collections live in the `photo_collections` collection; a photo names the collection it
 * is filed in (`collection_id` on the photo), so counts and the cover photo are worked out when a
 * collection is shown, from the photos filed by collection and the collections filed by parent
 * (both group indexes, `src/store/group-index.ts`, kept by every write), and can never go stale. A collection whose parent is gone (a batch_delete)
 * counts as top-level.
 *
 * Who may read and write a collection is decided by the shared ACL access (docs/acls.md) only.
 */
export class PhotoCollectionsService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly access: AclAccess
  private readonly collections: Collection<PhotoCollectionRecord>
  private photoService: PhotosService | undefined

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.access = context.service(acls).access
    this.collections = new Collection<PhotoCollectionRecord>(this.dataSet, 'photo_collections', undefined, byParent)
  }

  /**
   * collections/create: a new collection owned by the caller (or the `su_id` user, admins) named
   * `name`, under `parent_collection_id` when sent, with `cover_photo_id`, `custom_fields`,
   * `acl_name`/`acl_id`.
   *
   * @throws ApiError 400 `Failed to authenticate user` without a session; 400 `Failed to create
   *   collection: Validation failed - Name can't be blank.` / `- Name is already taken.` (among the
   *   owner's collections under the same parent); 400 `Invalid collection id` for the parent;
   *   401 when the parent's ACL does not let the owner write it; 400 `Invalid photo id` for the cover.
   */
  async create(params: Params, caller: Caller, origin: string): Promise<PhotoCollectionsResult> {
    if (!caller.user) throw failedToAuthenticate()
    const owner = this.actingUser(params, caller)
    const name = trimmed(textParam(params, 'name'))
    if (name === undefined) throw validationFailed('create collection', NAME_PROBLEMS.blank)
    const parentId = trimmed(textParam(params, 'parent_collection_id'))
    const parent = parentId === undefined ? undefined : this.byId(parentId)
    if (parent !== undefined && !this.canWrite(owner, parent)) throw notAllowed()
    if (this.taken(owner.id, parent?.id, name, undefined)) throw validationFailed('create collection', NAME_PROBLEMS.taken)
    const cover = this.coverParam(params)
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, owner, false)
    const record = this.insert(owner.id, name, parent?.id, {
      ...(cover && { cover_photo_id: cover }),
      custom_fields: mergeCustomFields({}, custom),
      ...(aclId && { acl_id: aclId }),
    })
    await this.dataSet.write()
    return { collections: [this.wire(record, caller.user, origin)] }
  }

  /**
   * collections/show: the collection `collection_id` names, with its owner, parent, cover photo
   * and counts.
   *
   * @throws ApiError 400 `Required field: collection_id`; 400 `Invalid collection id`; 401 when
   *   its ACL does not let the caller read it.
   */
  show(params: Params, caller: Caller, origin: string): PhotoCollectionsResult {
    const record = this.readable(params, caller)
    return { collections: [this.wire(record, caller.user, origin)] }
  }

  /**
   * collections/update: `name` (same rule as create), `cover_photo_id` (`""` removes the cover),
   * `custom_fields` (merged; `null` removes a field), `acl_name`/`acl_id`. `parent_collection_id`
   * is ignored: a collection does not move.
   *
   * @throws ApiError as {@link show} for the id, as {@link create} for the rest (`Failed to update
   *   collection: ...`); 401 when the caller may not write it.
   */
  async update(params: Params, caller: Caller, origin: string): Promise<PhotoCollectionsResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.canWrite(actor, current)) throw notAllowed()
    const name = trimmed(textParam(params, 'name')) ?? current.name
    if (this.taken(current.user_id, this.parentOf(current)?.id, name, current.id)) throw validationFailed('update collection', NAME_PROBLEMS.taken)
    const cover = params.cover_photo_id === '' ? undefined : (this.coverParam(params) ?? current.cover_photo_id)
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, actor, true)
    const { acl_id: storedAcl, cover_photo_id: _cover, ...rest } = current
    const acl_id = keptAclId(storedAcl, aclId)
    const next: PhotoCollectionRecord = {
      ...rest,
      name,
      ...(cover && { cover_photo_id: cover }),
      custom_fields: mergeCustomFields(current.custom_fields, custom),
      updated_at: this.dataSet.runtime.now().toISOString(),
      ...(acl_id && { acl_id }),
    }
    this.collections.replace(current, next)
    await this.dataSet.write()
    return { collections: [this.wire(next, caller.user, origin)] }
  }

  /**
   * collections/delete: an empty collection (no photo filed in it, no subcollection); its cover
   * photo stays. Meta only.
   *
   * @throws ApiError as {@link update}; 400 `Collection is not empty.`
   */
  async delete(params: Params, caller: Caller): Promise<PhotoCollectionsResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.canWrite(actor, current)) throw notAllowed()
    if (this.photos().filedIn(current.id).size > 0 || this.collections.group(current.id).size > 0) throw new ApiError(400, 'Collection is not empty.')
    this.collections.remove(new Set([current.id]))
    await this.dataSet.write()
    return {}
  }

  /**
   * collections/search: the top-level collections of `user_id` the caller may read, in creation
   * order, a page at a time (`page`, `per_page`; paged meta). `q` and `limit` are ignored.
   *
   * @throws ApiError 400 `Required field: user_id`; 400 `Invalid object id: '<value>'` for a
   *   malformed one; 400 for a bad `page` or `per_page`.
   */
  search(params: Params, caller: Caller, origin: string): PhotoCollectionsResult {
    const raw = trimmed(textParam(params, 'user_id'))
    if (raw === undefined) throw requiredField('user_id')
    if (!isObjectId(raw)) throw invalidObjectId(raw)
    const userId = raw.toLowerCase()
    const found = this.collections.scan(
      (record) => record.user_id === userId && this.parentOf(record) === undefined && this.canRead(caller.user, record),
    )
    return this.paged(params, found, 'collections', (page) => this.wireAll(page, caller.user, origin))
  }

  /**
   * collections/show/photos: the photos filed directly in the collection that the caller may read,
   * in creation order, a page at a time (`page`, `per_page`; paged meta), under `photos`.
   *
   * @throws ApiError as {@link show}; 400 for a bad `page` or `per_page`.
   */
  showPhotos(params: Params, caller: Caller, origin: string): PhotoCollectionsResult {
    const record = this.readable(params, caller)
    const filed = inIdOrder(this.photos().filedIn(record.id)).filter((photo) => this.photos().canRead(caller.user, photo))
    return this.paged(params, filed, 'photos', (page) => page.map((photo) => this.photos().wireOf(photo, caller.user, origin)))
  }

  /**
   * collections/show/subcollections: the direct children of the collection that the caller may
   * read, in creation order, a page at a time (`page`, `per_page`; paged meta).
   *
   * @throws ApiError as {@link showPhotos}.
   */
  showSubcollections(params: Params, caller: Caller, origin: string): PhotoCollectionsResult {
    const record = this.readable(params, caller)
    const children = this.children(record).filter((child) => this.canRead(caller.user, child))
    return this.paged(params, children, 'collections', (page) => this.wireAll(page, caller.user, origin))
  }

  /** collections/query: `where`, `order`, `sel`/`unsel`, `limit`/`skip`, `count` over the collections the caller may read. */
  query(params: Params, caller: Caller, origin: string): PhotoCollectionsResult {
    const page = runQuery(params, this.querySource(caller.user))
    return {
      collections: page.records.map((record) => page.select(this.wire(record, caller.user, origin))),
      meta: page.meta,
    }
  }

  /** collections/count: every stored collection in `meta.count`, whoever may read it. */
  count(): PhotoCollectionsResult {
    return { meta: { count: this.collections.size } }
  }

  /**
   * collections/batch_delete (admins): the collections `where` matches, all without it, full or
   * not; their photos and cover photos stay (unfiled), their children become top-level. Meta only.
   */
  async batchDelete(params: Params, caller: Caller): Promise<PhotoCollectionsResult> {
    await batchDelete(params, caller, this.collections, (admin) => this.querySource(admin), this.dataSet)
    return {}
  }

  /**
   * The collection a photo create or update files the photo in (docs/photos.md "Collections"):
   * `collection_id`, else the `owner`'s top-level collection named `collection_name`, made when it
   * does not exist yet (the caller stores the data set); undefined when neither is sent.
   *
   * @throws ApiError 400 `Invalid collection id`; 401 when the collection's ACL does not let
   *   `owner` write it.
   */
  filingTarget(params: Params, owner: Principal): string | undefined {
    const id = trimmed(textParam(params, 'collection_id'))
    if (id !== undefined) {
      const collection = this.byId(id)
      if (!this.canWrite(owner, collection)) throw notAllowed()
      return collection.id
    }
    const name = trimmed(textParam(params, 'collection_name'))
    if (name === undefined) return undefined
    const named = this.collections.all().find((record) => record.user_id === owner.id && record.name === name && this.parentOf(record) === undefined)
    return (named ?? this.insert(owner.id, name, undefined, { custom_fields: {} })).id
  }

  /**
   * The collection a photo is filed in as the photo's reply embeds it (`collections`, one element,
   * docs/photos.md "Replies"): its own fields and counts, not its owner, parent or cover; undefined
   * when the collection is gone.
   */
  embedded(id: string, viewer: Principal | undefined): WireCollection | undefined {
    const record = this.collections.byId(id)
    if (record === undefined || !this.canRead(viewer, record)) return undefined
    return toWireCollection(record, this.counts(record), {})
  }

  /** A new collection, inserted (not yet written). */
  private insert(owner: string, name: string, parent: string | undefined, rest: Pick<PhotoCollectionRecord, 'custom_fields'> & Partial<PhotoCollectionRecord>): PhotoCollectionRecord {
    const now = this.dataSet.runtime.now()
    const record: PhotoCollectionRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: owner,
      name,
      ...(parent !== undefined && { parent_id: parent }),
      ...rest,
    }
    this.collections.insert(record)
    return record
  }

  /** Whether `owner` has another collection named `name` under the same parent (undefined: top level). */
  private taken(owner: string, parent: string | undefined, name: string, self: string | undefined): boolean {
    return this.collections.all().some(
      (record) => record.id !== self && record.user_id === owner && record.name === name && this.parentOf(record)?.id === parent,
    )
  }

  /** The photo `cover_photo_id` names; undefined when not sent. @throws ApiError 400 `Invalid photo id`. */
  private coverParam(params: Params): string | undefined {
    const id = trimmed(textParam(params, 'cover_photo_id'))
    return id === undefined ? undefined : this.photos().photoById(id).id
  }

  /** `records` as `viewer` sees them, each as {@link wire} renders it. */
  private wireAll(records: readonly PhotoCollectionRecord[], viewer: Principal | undefined, origin: string): WireCollection[] {
    return records.map((record) => this.wire(record, viewer, origin))
  }

  /**
   * A collection as `viewer` sees it: counts, its owner, its parent and its cover photo (each
   * without their own embedded objects), the cover photo only when the viewer may read it.
   */
  private wire(record: PhotoCollectionRecord, viewer: Principal | undefined, origin: string): WireCollection {
    const parent = this.parentOf(record)
    const cover = this.coverOf(record)
    return toWireCollection(record, this.counts(record), {
      user: this.users.wireOwner(record.user_id, viewer),
      ...(cover !== undefined && this.photos().canRead(viewer, cover) && { cover_photo: this.photos().embeddedWire(cover, viewer, origin) }),
      ...(parent !== undefined && { parent_collection: toWireCollection(parent, this.counts(parent), {}) }),
      acls: this.access.wireAcls(record, viewer).acls,
    })
  }

  /** `photos` filed here, `total_photos` here and in every descendant, `subcollections` the direct children. */
  private counts(record: PhotoCollectionRecord): Counts {
    let total = 0
    for (const each of this.subtree(record)) total += this.photos().filedIn(each.id).size
    return {
      photos: this.photos().filedIn(record.id).size,
      total_photos: total,
      subcollections: this.collections.group(record.id).size,
    }
  }

  /**
   * The cover photo: the one `cover_photo_id` named while it exists, else the oldest photo filed
   * here, else the first found depth-first through the children in creation order.
   */
  private coverOf(record: PhotoCollectionRecord): PhotoRecord | undefined {
    const chosen = record.cover_photo_id === undefined ? undefined : this.photos().byId(record.cover_photo_id)
    if (chosen !== undefined) return chosen
    for (const each of this.subtree(record)) {
      const first = firstInIdOrder(this.photos().filedIn(each.id))
      if (first !== undefined) return first
    }
    return undefined
  }

  /** The direct children of a collection, in creation order. */
  private children(record: PhotoCollectionRecord): PhotoCollectionRecord[] {
    return inIdOrder(this.collections.group(record.id))
  }

  /** The collection and every descendant, depth-first in creation order; each once, whatever a data file says. */
  private subtree(record: PhotoCollectionRecord): PhotoCollectionRecord[] {
    const seen = new Set<string>()
    const found: PhotoCollectionRecord[] = []
    const visit = (each: PhotoCollectionRecord): void => {
      if (seen.has(each.id)) return
      seen.add(each.id)
      found.push(each)
      for (const child of this.children(each)) visit(child)
    }
    visit(record)
    return found
  }

  /** A page of `found` under `key`, with the paged meta of a search (`page`, `per_page`, `total_pages`, `total_results`). */
  private paged<T>(params: Params, found: readonly T[], key: 'collections' | 'photos', render: (page: readonly T[]) => Record<string, unknown>[]): PhotoCollectionsResult {
    const { records, meta } = searchPage(found, params)
    return { [key]: render(records), meta }
  }

  /** The parent of a subcollection, while it exists. */
  private parentOf(record: PhotoCollectionRecord): PhotoCollectionRecord | undefined {
    return record.parent_id === undefined ? undefined : this.collections.byId(record.parent_id)
  }

  /** The stored collection `collection_id` names, which the caller may read. @throws ApiError as {@link show}. */
  private readable(params: Params, caller: Caller): PhotoCollectionRecord {
    const record = this.stored(params)
    if (!this.canRead(caller.user, record)) throw notAllowed()
    return record
  }

  /** The stored collection `collection_id` names. @throws ApiError 400 `Required field: collection_id`, `Invalid collection id`. */
  private stored(params: Params): PhotoCollectionRecord {
    const id = trimmed(textParam(params, 'collection_id'))
    if (id === undefined) throw requiredField('collection_id')
    return this.byId(id)
  }

  /** The stored collection with this id (any case). @throws ApiError 400 `Invalid collection id`. */
  private byId(id: string): PhotoCollectionRecord {
    const record = this.collections.byIdAsSent(id)
    if (record === undefined) throw invalidCollectionId()
    return record
  }

  private canRead(viewer: Principal | undefined, record: PhotoCollectionRecord): boolean {
    return this.access.canRead(viewer, record.user_id, record.acl_id)
  }

  private canWrite(actor: Principal | undefined, record: PhotoCollectionRecord): boolean {
    return this.access.canWrite(actor, record.user_id, record.acl_id)
  }

  private querySource(viewer: Principal | undefined): QuerySource<PhotoCollectionRecord> {
    return {
      collection: this.collections,
      toQueryDoc,
      whereLimits: this.whereLimits,
      readable: (record) => this.canRead(viewer, record),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  /** The Photos service, fetched on first use: Photos ask this service about collections too. */
  private photos(): PhotosService {
    this.photoService ??= this.context.service(photos)
    return this.photoService
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}
