import { createHash } from 'node:crypto'
import { ApiError, invalidObjectId } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import type { Params } from '../../param-values.js'
import type { Runtime } from '../../runtime.js'
import { sniffImageType } from '../../engine/image-type.js'

/**
 * A user's primary photo, kept as a minimal ArrowDB Photos object (fields of
 * the Photos descriptor: `id`, `filename`, `size` in bytes, `md5` of the data,
 * `content_type`, `processed`, `created_at`, `updated_at`). mock-cloud keeps
 * no image data and makes no resized copies, so `processed` stays false and
 * there are no `urls` (docs/users.md "Photos"). A photo named by `photo_id` that
 * mock-cloud has not seen is kept as `{ id }` alone. Dates are ISO 8601 UTC
 * in the store, the wire format on the wire.
 */
export interface PhotoRecord {
  id: string
  filename?: string
  size?: number
  md5?: string
  content_type?: string
  processed?: boolean
  created_at?: string
  updated_at?: string
}

const DECLARED: ReadonlyMap<string, string> = new Map([
  ['image/jpeg', 'image/jpeg'],
  ['image/jpg', 'image/jpeg'],
  ['image/pjpeg', 'image/jpeg'],
  ['image/png', 'image/png'],
  ['image/gif', 'image/gif'],
])

/** 400 for an upload that is not a jpeg, png or gif (docs/users.md "Photos"). */
const invalidPhotoType = (): ApiError => new ApiError(400, 'Invalid photo type.')

/**
 * What `photo` / `photo_id` ask of a user's primary photo on create or update
 * (docs/users.md "Photos"): `undefined` keeps it, `null` removes it (`photo=` or
 * `photo_id=` sent empty), a record replaces it.
 *
 * `photo` must be a multipart file whose content is a jpeg, png or gif, or
 * whose declared Content-Type says so (test suites upload tiny stand-ins).
 * `photo_id` must be 24 hex characters; the photo it names is taken from
 * `known` (photos mock-cloud has seen in this data set) or kept as `{ id }`.
 *
 * @param known - the photo with this id, if mock-cloud has one.
 * @throws ApiError 400 `Invalid photo type.` for any other upload or a
 *   non-empty text `photo`; 400 `Invalid object id: '…'` for a malformed
 *   `photo_id`; 400 when both are sent.
 */
export async function photoChange(
  params: Params,
  runtime: Runtime,
  known: (id: string) => PhotoRecord | undefined,
): Promise<PhotoRecord | null | undefined> {
  const { photo, photo_id } = params
  const sent = (value: unknown) => value !== undefined && value !== null && value !== ''
  if (sent(photo) && sent(photo_id)) {
    throw new ApiError(400, 'Invalid photo parameter: send photo or photo_id, not both')
  }
  if (sent(photo)) return uploaded(photo, runtime)
  if (sent(photo_id)) {
    if (typeof photo_id !== 'string' || !isObjectId(photo_id.trim())) {
      throw invalidObjectId(typeof photo_id === 'string' ? photo_id : JSON.stringify(photo_id))
    }
    const id = photo_id.trim().toLowerCase()
    return structuredClone(known(id)) ?? { id }
  }
  return photo === '' || photo_id === '' ? null : undefined
}

async function uploaded(photo: unknown, runtime: Runtime): Promise<PhotoRecord> {
  if (!(photo instanceof Blob)) throw invalidPhotoType()
  const bytes = Buffer.from(await photo.arrayBuffer())
  const content_type = sniffImageType(bytes) ?? DECLARED.get(photo.type.split(';')[0]?.trim().toLowerCase() ?? '')
  if (content_type === undefined) throw invalidPhotoType()
  const now = runtime.now()
  const at = now.toISOString()
  return {
    id: runtime.objectId(now),
    filename: photo instanceof File && photo.name ? photo.name : 'photo',
    size: bytes.byteLength,
    md5: createHash('md5').update(bytes).digest('hex'),
    content_type,
    processed: false,
    created_at: at,
    updated_at: at,
  }
}
