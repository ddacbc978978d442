import { ApiError } from '../errors.js'
import { isObjectId } from '../ids.js'
import { isPlainObject } from '../json.js'
import type { Params } from '../param-values.js'
import type { Principal } from './object.js'

/**
 * A record's primary photo (docs/architecture.md "Primary photos"), for every object that takes
 * `photo` / `photo_id` on create and update (Users, CustomObjects, ...): the photo is a real
 * Photos object, the record keeps a {@link PrimaryPhotoRef} to it, its replies show `photo_id`,
 * and the pipeline embeds the photo itself as `photo`. The Photos object provides the
 * {@link PhotoStore}; no object here knows another.
 */

/**
 * What a record keeps of its primary photo: the Photos object's id, and the bytes of its image when
 * it was uploaded with the record (`photo`), which then goes when the record's photo is removed;
 * absent for a photo attached by `photo_id`.
 */
export interface PrimaryPhotoRef {
  readonly id: string
  readonly uploaded_bytes?: number
}

/** An upload read and checked, not yet stored: its size in bytes, and the step that stores it. */
export interface PendingPhoto {
  readonly size: number
  /** Stores it as a new photo owned by user `ownerId` (in memory; the caller writes the data set); its id. */
  store(ownerId: string): string
}

/**
 * How an object refuses an upload that is no image: each keeps its own error, the check is the same
 * for all (the bytes, docs/photos.md "Uploading").
 */
export interface UploadRules {
  invalid(): ApiError
}

/**
 * How every object but Users takes a `photo` upload: as photos/create takes it, 400 `Invalid photo
 * file attachment` for a part that is no image (docs/photos.md "Errors").
 */
export const PHOTO_UPLOAD_RULES: UploadRules = { invalid: () => new ApiError(400, 'Invalid photo file attachment') }

/** What the object that keeps photos (Photos) offers the objects that take a primary photo. */
export interface PhotoStore {
  /**
   * Reads the multipart part `photo` (and `photo_sizes`) of a call and checks it.
   *
   * @throws ApiError `rules.invalid()` for a part that is no jpeg, png or gif, or text; 400 `Invalid
   *   photo size: <name>` for a bad size.
   */
  readUpload(params: Params, rules: UploadRules): Promise<PendingPhoto>
  /** Whether a photo with this id (24 lowercase hex) is stored. */
  exists(id: string): boolean
  /** Deletes the photo with this id, if stored (in memory; the caller writes the data set). */
  remove(id: string): void
  /**
   * The photo as a record's `photo` embeds it for `viewer` (docs/photos.md "Replies": urls at
   * `origin` while processed, no owner of its own); undefined when it is gone or the viewer may not
   * read it.
   */
  embedded(id: string, viewer: Principal | undefined, origin: string): Record<string, unknown> | undefined
}

/** What a create or update asks of a record's primary photo. */
export type PhotoChange =
  | { readonly kind: 'keep' }
  | { readonly kind: 'remove' }
  | { readonly kind: 'attach'; readonly id: string }
  | { readonly kind: 'upload'; readonly pending: PendingPhoto }

/** 400 for a `photo_id` that is malformed or names no photo: Photos' own text (docs/photos.md "Errors"). */
export const invalidPhotoId = (): ApiError => new ApiError(400, 'Invalid photo id')

const sent = (value: unknown): boolean => value !== undefined && value !== null && value !== ''

/**
 * Reads what a create or update asks of the record's primary photo (docs/api.md "Primary photos"),
 * before anything is stored: `photo` (an upload) makes a new photo, `photo_id` attaches a stored
 * one, `photo=` or `photo_id=` sent empty removes it, neither keeps it.
 *
 * @throws ApiError 400 `Invalid photo parameter: send photo or photo_id, not both`; 400 `Invalid
 *   photo id` for a `photo_id` that is malformed or names no photo; the refusals of
 *   {@link PhotoStore.readUpload}.
 */
export async function readPhotoChange(params: Params, store: PhotoStore, rules: UploadRules = PHOTO_UPLOAD_RULES): Promise<PhotoChange> {
  const { photo, photo_id } = params
  if (sent(photo) && sent(photo_id)) throw new ApiError(400, 'Invalid photo parameter: send photo or photo_id, not both')
  if (sent(photo)) return { kind: 'upload', pending: await store.readUpload(params, rules) }
  if (sent(photo_id)) {
    const id = typeof photo_id === 'string' ? photo_id.trim().toLowerCase() : ''
    if (!isObjectId(id) || !store.exists(id)) throw invalidPhotoId()
    return { kind: 'attach', id }
  }
  return photo === '' || photo_id === '' ? { kind: 'remove' } : { kind: 'keep' }
}

/**
 * Carries out a change read by {@link readPhotoChange} for a record owned by user `ownerId`,
 * synchronously (in memory; the caller writes the data set): stores an upload, and deletes the
 * record's uploaded photo when it is removed. Returns what the record keeps now (undefined: no photo).
 */
export function applyPhotoChange(change: PhotoChange, current: PrimaryPhotoRef | undefined, ownerId: string, store: PhotoStore): PrimaryPhotoRef | undefined {
  switch (change.kind) {
    case 'keep':
      return current
    case 'attach':
      return { id: change.id }
    case 'upload':
      return { id: change.pending.store(ownerId), uploaded_bytes: change.pending.size }
    case 'remove':
      if (current?.uploaded_bytes !== undefined) store.remove(current.id)
      return undefined
  }
}

/**
 * A reply with each listed record's primary photo embedded (docs/api.md "Primary photos"): every
 * record of every list in `response` that shows a `photo_id` gets `photo`, the photo as `viewer`
 * sees it, while it exists and the viewer may read it. Records are copied, never changed.
 */
export function withPrimaryPhotos(
  response: Record<string, unknown>,
  store: PhotoStore,
  viewer: Principal | undefined,
  origin: string,
): Record<string, unknown> {
  const embed = (record: unknown): unknown => {
    if (!isPlainObject(record) || typeof record.photo_id !== 'string') return record
    const photo = store.embedded(record.photo_id, viewer, origin)
    return photo === undefined ? record : { ...record, photo }
  }
  return Object.fromEntries(Object.entries(response).map(([key, value]) => [key, Array.isArray(value) ? value.map(embed) : value]))
}

/**
 * What makes a stored primary photo unusable (from a data file or an import), for the record checks
 * of the objects that keep one: true when `value` is present and not `{ id: string, uploaded_bytes?: number }`.
 */
export function badPrimaryPhoto(value: unknown): boolean {
  if (value === undefined) return false
  if (!isPlainObject(value) || typeof value.id !== 'string') return true
  return value.uploaded_bytes !== undefined && !Number.isSafeInteger(value.uploaded_bytes)
}
