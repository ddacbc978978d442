import { batchDelete } from '../../engine/batch-delete.js'
import { actingUser } from '../../engine/su-id.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { mergeCustomFields, parseCustomFields } from '../../engine/custom-fields.js'
import { servedBytes, STORAGE_PREFIX, type ServedBytes } from '../../engine/stored-bytes.js'
import { ApiError, deniedByAcl, failedToAuthenticate, invalidObjectId, requiredField } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { compileKeywords } from '../../query/text.js'
import { searchPage } from '../../engine/deprecated-search.js'
import { Collection } from '../../store/collection.js'
import { isProcessed, Processing } from '../../engine/processing.js'
import { invalidPhotoId, PHOTO_UPLOAD_RULES, type PhotoStore, type UploadRules } from '../../engine/primary-photo.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { photoCollections } from '../photo-collections/index.js'
import type { PhotoCollectionsService } from '../photo-collections/service.js'
import { toQueryDoc } from './query-doc.js'
import { withSocialQueryFields } from '../../engine/social.js'
import { byCollection, type PhotoRecord } from './record.js'
import { LEGACY_PHOTO_SIZES, photoSizesParam } from './sizes.js'
import { storedImage, type Image } from './image.js'
import { toWirePhoto, type WirePhoto } from './view.js'

/** The type reviews and likes give photos (docs/architecture.md "Reviews and likes"). */
export const PHOTO_TYPE = 'Photo'

/** What a Photos call answers: `photos` become `response.photos`; `meta` adds to `meta`. */
export interface PhotosResult {
  photos?: WirePhoto[]
  meta?: Record<string, unknown>
}

/** 400 when a create sends no `photo` (docs/photos.md "Errors"). */
const photoRequired = (): ApiError => new ApiError(400, 'Photo parameter required for photo upload')


/** The fields `photos/search` looks for keywords in (docs/photos.md "Search"). */
const SEARCH_FIELDS = ['title', 'filename', 'tags']

/** The file name extension of each image type, for the URLs (docs/photos.md "URLs"). */
const EXTENSIONS: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' }

/**
 * The rules of the Photos object (docs/photos.md), one method per endpoint, free of HTTP: the
 * parameters in, {@link PhotosResult} out, an {@link ApiError} for every refusal. Photos live in
 * the `photos` collection, their bytes inside the record (base64). Images are never resized:
 * `urls` names every size asked for and `original`, and each serves the original bytes.
 * The reply to a create or to an update with a new `photo` says `processed: false` without
 * `urls`; later replies show the photo processed, at once under `instant` processing, once
 * released under `manual` (docs/photos.md "Processing").
 *
 * Who may read and write a photo is decided by the shared ACL access (docs/acls.md) only.
 */
export class PhotosService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly access: AclAccess
  private readonly photos: Collection<PhotoRecord>
  private readonly queryDoc: (record: PhotoRecord) => Readonly<Record<string, unknown>>
  private collectionService: PhotoCollectionsService | undefined
  /** The uploads held by the `processing` app setting's `manual` mode (docs/app-settings.md "processing"). */
  readonly processing: Processing<PhotoRecord>

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.access = context.service(acls).access
    this.photos = new Collection<PhotoRecord>(this.dataSet, 'photos', undefined, byCollection)
    this.queryDoc = withSocialQueryFields(this.dataSet, { type: PHOTO_TYPE }, toQueryDoc)
    this.processing = new Processing(this.photos, () => context.settings())
  }

  /**
   * photos/create: a new photo owned by the caller (or the `su_id` user, admins) from the
   * multipart part `photo`; `title`, `tags` (a comma list), `photo_sizes`, `custom_fields`,
   * `acl_name`/`acl_id`.
   *
   * @param origin - the origin the request was sent to (`http://127.0.0.1:4000`), for the URLs.
   * @throws ApiError 400 `Failed to authenticate user` without a session; 400 `Photo parameter
   *   required for photo upload` without `photo`; 400 `Invalid photo file attachment` for bytes
   *   that are no jpeg, png or gif; 400 `Invalid photo size: <name>` (see {@link photoSizesParam}).
   */
  async create(params: Params, caller: Caller, origin: string): Promise<PhotosResult> {
    if (!caller.user) throw failedToAuthenticate()
    const owner = this.actingUser(params, caller)
    const image = await imageParam(params)
    if (image === undefined) throw photoRequired()
    const sizes = photoSizesParam(params) ?? {}
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, owner, false)
    const title = textParam(params, 'title')
    const tags = tagsParam(params)
    const collection_id = this.collections().filingTarget(params, owner)
    const now = this.dataSet.runtime.now()
    const record: PhotoRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: owner.id,
      ...image,
      sizes,
      ...(title !== undefined && { title }),
      ...(tags !== undefined && { tags }),
      custom_fields: mergeCustomFields({}, custom),
      ...(aclId && { acl_id: aclId }),
      ...(collection_id !== undefined && { collection_id }),
    }
    this.photos.insert(this.processing.stored(record))
    await this.dataSet.write()
    return { photos: [this.wire(record, caller.user, origin, false)] }
  }

  /**
   * photos/show: the photo `photo_id` names.
   *
   * @throws ApiError 400 `Required field: photo_id`; 400 `Invalid photo id` for a malformed or
   *   unknown id; 401 when the photo's ACL does not let the caller read it.
   */
  show(params: Params, caller: Caller, origin: string): PhotosResult {
    const record = this.stored(params)
    if (!this.access.canRead(caller.user, record.user_id, record.acl_id)) throw deniedByAcl()
    return { photos: [this.wire(record, caller.user, origin, isProcessed(record))] }
  }

  /** photos/query: `where`, `order`, `sel`/`unsel`, `limit`/`skip`, `count` over the photos the caller may read. */
  query(params: Params, caller: Caller, origin: string): PhotosResult {
    const page = runQuery(params, this.querySource(caller.user))
    return {
      photos: page.records.map((record) => page.select(this.wire(record, caller.user, origin, isProcessed(record)))),
      meta: page.meta,
    }
  }

  /**
   * photos/search: the photos the caller may read, owned by `user_id` when sent, whose `title`,
   * `filename` or tags hold every keyword of `q` (whole words, any case), in creation order, a
   * page at a time (`page`, `per_page`; the paged meta of a search).
   *
   * @throws ApiError 400 `Invalid object id: '<value>'` for a malformed `user_id`; 400 for a bad
   *   `page` or `per_page`.
   */
  search(params: Params, caller: Caller, origin: string): PhotosResult {
    const owner = trimmed(textParam(params, 'user_id'))
    if (owner !== undefined && !isObjectId(owner)) throw invalidObjectId(owner)
    const keywords = compileKeywords(textParam(params, 'q') ?? '', SEARCH_FIELDS)
    const matches = this.photos.scan(
      (record) =>
        (owner === undefined || record.user_id === owner.toLowerCase()) &&
        this.canRead(caller.user, record) &&
        keywords({ title: record.title, filename: record.filename, tags: record.tags }),
    )
    const { records, meta } = searchPage(matches, params)
    return { photos: records.map((record) => this.wire(record, caller.user, origin, isProcessed(record))), meta }
  }

  /** photos/count: every stored photo in `meta.count`, whoever may read it. */
  count(): PhotosResult {
    return { meta: { count: this.photos.size } }
  }

  /**
   * photos/update: a new `photo` (the reply shows it unprocessed), `title`, `tags` (replacing
   * them; empty removes them), `photo_sizes` (replacing them), `custom_fields` (merged; `null`
   * removes a field), `acl_name`/`acl_id`. What is not sent is kept.
   *
   * @throws ApiError as {@link show} for the id, as {@link create} for the upload and login; 401
   *   when the caller may not write the photo.
   */
  async update(params: Params, caller: Caller, origin: string): Promise<PhotosResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw deniedByAcl()
    const image = await imageParam(params)
    const sizes = photoSizesParam(params)
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, actor, true)
    const title = textParam(params, 'title')
    const tags = params.tags === undefined ? current.tags : tagsParam(params)
    const collection_id = this.collections().filingTarget(params, actor) ?? current.collection_id
    const { acl_id: storedAcl, title: storedTitle, tags: _tags, collection_id: _filed, ...rest } = current
    const acl_id = keptAclId(storedAcl, aclId)
    const keptTitle = title ?? storedTitle
    const updated: PhotoRecord = {
      ...rest,
      ...image,
      sizes: sizes ?? current.sizes,
      ...(keptTitle !== undefined && { title: keptTitle }),
      ...(tags !== undefined && { tags }),
      custom_fields: mergeCustomFields(current.custom_fields, custom),
      updated_at: this.dataSet.runtime.now().toISOString(),
      ...(acl_id && { acl_id }),
      ...(collection_id !== undefined && { collection_id }),
    }
    const next = image === undefined ? updated : this.processing.stored(updated)
    this.photos.replace(current, next)
    await this.dataSet.write()
    return { photos: [this.wire(next, caller.user, origin, image === undefined && isProcessed(next))] }
  }

  /**
   * photos/delete: the photo `photo_id` names, and its bytes (its URLs then answer 404). Meta only.
   *
   * @throws ApiError as {@link update}.
   */
  async delete(params: Params, caller: Caller): Promise<PhotosResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw deniedByAcl()
    this.photos.remove(new Set([current.id]))
    await this.dataSet.write()
    return {}
  }

  /** photos/batch_delete (admins): the photos `where` matches, all without it. Meta only. */
  async batchDelete(params: Params, caller: Caller): Promise<PhotosResult> {
    await batchDelete(params, caller, this.photos, (admin) => this.querySource(admin), this.dataSet)
    return {}
  }

  /**
   * The original bytes of photo `id` and their Content-Type, as each of its URLs serves them
   * (docs/photos.md "URLs"); undefined for an unknown id or a photo held unprocessed.
   */
  served(id: string): ServedBytes | undefined {
    const record = this.byId(id)
    return record === undefined || !isProcessed(record) ? undefined : servedBytes(record.data, record.content_type)
  }

  /**
   * The photos filed in collection `collectionId` (docs/photo-collections.md "Counts"), in no
   * promised order (sort by id for creation order); empty when none. Do not change the set.
   */
  filedIn(collectionId: string): ReadonlySet<PhotoRecord> {
    return this.photos.group(collectionId)
  }

  /**
   * The store other objects' primary photos live in (docs/architecture.md "Primary photos"): an
   * upload becomes a photo of this collection, owned by the record's owner, served and shown as any.
   */
  readonly store: PhotoStore = {
    readUpload: async (params, rules) => {
      const image = await imageParam(params, rules)
      if (image === undefined) throw rules.invalid()
      const sizes = photoSizesParam(params) ?? {}
      return {
        size: image.size,
        store: (ownerId) => {
          const now = this.dataSet.runtime.now()
          const id = this.dataSet.runtime.objectId(now)
          const at = now.toISOString()
          this.photos.insert(this.processing.stored({ id, created_at: at, updated_at: at, user_id: ownerId, ...image, sizes, custom_fields: {} }))
          return id
        },
      }
    },
    exists: (id) => this.photos.byId(id) !== undefined,
    remove: (id) => void this.photos.remove(new Set([id])),
    embedded: (id, viewer, origin) => {
      const record = this.photos.byId(id)
      return record === undefined || !this.canRead(viewer, record) ? undefined : this.embeddedWire(record, viewer, origin)
    },
  }

  /** The stored photo with this id (any case), or undefined. */
  byId(id: string): PhotoRecord | undefined {
    return this.photos.byIdAsSent(id)
  }

  /** The stored photo with this id (any case). @throws ApiError 400 `Invalid photo id` for a malformed or unknown id. */
  photoById(id: string): PhotoRecord {
    const record = this.byId(id)
    if (!record) throw invalidPhotoId()
    return record
  }

  /** Whether `viewer` (undefined without a session) may read the photo (docs/acls.md "Access to objects"). */
  canRead(viewer: Principal | undefined, record: PhotoRecord): boolean {
    return this.access.canRead(viewer, record.user_id, record.acl_id)
  }

  /** A stored photo as `viewer` sees it in a list: what photos/show answers. */
  wireOf(record: PhotoRecord, viewer: Principal | undefined, origin: string): WirePhoto {
    return this.wire(record, viewer, origin, isProcessed(record))
  }

  /**
   * A photo as another object's reply embeds it (a collection's `cover_photo`, a user's `photo`):
   * without its own embedded owner and collection (docs/api.md "Owners in replies").
   */
  embeddedWire(record: PhotoRecord, viewer: Principal | undefined, origin: string): WirePhoto {
    const urls = isProcessed(record) ? this.urls(record, origin) : undefined
    return toWirePhoto(record, urls, undefined, this.access.wireAcls(record, viewer))
  }

  /** The stored photo `photo_id` names. @throws ApiError 400 as {@link show}. */
  private stored(params: Params): PhotoRecord {
    const id = trimmed(textParam(params, 'photo_id'))
    if (id === undefined) throw requiredField('photo_id')
    return this.photoById(id)
  }

  /** The PhotoCollections service, fetched on first use: collections ask this service about photos too. */
  private collections(): PhotoCollectionsService {
    this.collectionService ??= this.context.service(photoCollections)
    return this.collectionService
  }

  private querySource(viewer: Principal | undefined): QuerySource<PhotoRecord> {
    return {
      collection: this.photos,
      toQueryDoc: this.queryDoc,
      whereLimits: this.whereLimits,
      readable: (record) => this.access.canRead(viewer, record.user_id, record.acl_id),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  /** A record as `viewer` sees it; unprocessed (no `urls`) in the reply that stored new bytes. */
  private wire(record: PhotoRecord, viewer: Principal | undefined, origin: string, processed: boolean): WirePhoto {
    const urls = processed ? this.urls(record, origin) : undefined
    const collection = record.collection_id === undefined ? undefined : this.collections().embedded(record.collection_id, viewer)
    return toWirePhoto(record, urls, this.users.wireOwner(record.user_id, viewer), this.access.wireAcls(record, viewer), collection)
  }

  /**
   * Each asked-for size (after the six default ones under the `legacyPhotoSizes` app setting) and
   * `original` → `<origin>/storage/<app key>/photos/<id>/<basename>_<size>.<ext>` (docs/photos.md
   * "URLs"); all serve the original bytes.
   */
  private urls(record: PhotoRecord, origin: string): Record<string, string> {
    const base = record.filename.replace(/\.[^.]*$/, '') || 'photo'
    const extension = EXTENSIONS[record.content_type] ?? 'bin'
    const at = `${origin}${STORAGE_PREFIX}/${encodeURIComponent(this.dataSet.key)}/photos/${record.id}/`
    const urls: Record<string, string> = {}
    const sizes = this.context.settings().legacyPhotoSizes ? { ...LEGACY_PHOTO_SIZES, ...record.sizes } : record.sizes
    for (const size of [...Object.keys(sizes), 'original']) urls[size] = `${at}${encodeURIComponent(`${base}_${size}.${extension}`)}`
    return urls
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}

/**
 * The image a create or update sends as the multipart part `photo`: its file name, bytes (base64),
 * type read from the bytes (whatever the part declares), size and md5;
 * undefined when none is sent.
 *
 * @throws ApiError `rules.invalid()` (Photos: 400 `Invalid photo file attachment`) for a `photo`
 *   sent as text, or whose bytes are no jpeg, png or gif (whatever its name says).
 */
async function imageParam(params: Params, rules: UploadRules = PHOTO_UPLOAD_RULES): Promise<Image | undefined> {
  const { photo } = params
  if (isAbsent(photo)) return undefined
  if (!(photo instanceof Blob)) throw rules.invalid()
  const name = photo instanceof File && photo.name ? photo.name : 'photo'
  const image = storedImage(Buffer.from(await photo.arrayBuffer()), name)
  if (image === undefined) throw rules.invalid()
  return image
}

/** `tags` as sent: a comma list (or a JSON-less array), trimmed, empty ones dropped; undefined when empty or absent. */
function tagsParam(params: Params): readonly string[] | undefined {
  const raw = params.tags
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : []
  const tags = list.map((tag) => tag.trim()).filter((tag) => tag !== '')
  return tags.length === 0 ? undefined : tags
}
