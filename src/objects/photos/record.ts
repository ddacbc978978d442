import { isObjectId } from '../../ids.js'
import { FORBIDDEN_KEYS, isPlainObject } from '../../json.js'
import { recordCheck } from '../../store/db.js'
import { badCustomFields, badOptionalId } from '../../store/record-fields.js'
import { processingProblem, type ProcessableRecord } from '../../engine/processing.js'
import type { GroupOf } from '../../store/group-index.js'

/**
 * A photo as mock-cloud stores it (docs/photos.md "Replies" for what a client sees): its owner's
 * id, the uploaded file name, the image bytes (base64, so the data file and an export keep them)
 * with the type read from them, their size in bytes and md5, the sizes the client asked for
 * (`photo_sizes`: name → geometry, reported and never made), its title and tags.
 * Dates are ISO 8601 UTC strings; `unprocessed: true` while the `processing` setting holds it
 * (docs/app-settings.md "processing").
 */
export interface PhotoRecord extends ProcessableRecord {
  readonly user_id: string
  readonly filename: string
  /** The image bytes as base64. */
  readonly data: string
  /** `image/jpeg`, `image/png` or `image/gif`, read from the bytes. */
  readonly content_type: string
  /** Bytes of the original. */
  readonly size: number
  /** md5 of the original, 32 hex digits. */
  readonly md5: string
  /** The sizes asked for with `photo_sizes`: name → `<width>x<height>[#]`. */
  readonly sizes: Readonly<Record<string, string>>
  readonly title?: string
  readonly tags?: readonly string[]
  readonly custom_fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
  /** The PhotoCollection it is filed in (`collection_id` / `collection_name`), if any; a collection that is gone no longer counts. */
  readonly collection_id?: string
}

/**
 * The grouping of the `photos` collection (`group-index.ts`): a photo is filed under the id of the
 * PhotoCollection it names (`collection_id`), nowhere without one; the counts and cover photo of a
 * collection read it (docs/photo-collections.md "Counts"). The one function every `Collection` of
 * `photos` that writes is opened with.
 */
export const byCollection: GroupOf<PhotoRecord> = (record) => record.collection_id

/**
 * What makes a stored photo (from a data file or an import) unusable: the first field the API
 * could not render or serve, as `field is missing or malformed`, or undefined.
 */
export const photoRecordProblem = recordCheck(fieldProblem)

function fieldProblem(record: Record<string, unknown>): string | undefined {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  const text = (['filename', 'data', 'content_type', 'md5'] as const).find((name) => typeof record[name] !== 'string')
  if (text !== undefined) return text
  if (!Number.isSafeInteger(record.size)) return 'size'
  const { sizes, tags } = record
  if (!isPlainObject(sizes) || Object.entries(sizes).some(([name, value]) => FORBIDDEN_KEYS.has(name) || typeof value !== 'string')) return 'sizes'
  if (record.title !== undefined && typeof record.title !== 'string') return 'title'
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))) return 'tags'
  const badId = (['acl_id', 'collection_id'] as const).find((name) => badOptionalId(record[name]))
  if (badId !== undefined) return badId
  if (badCustomFields(record.custom_fields)) return 'custom_fields'
  return processingProblem(record)
}
