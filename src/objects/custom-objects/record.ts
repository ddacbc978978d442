import { badPrimaryPhoto, type PrimaryPhotoRef } from '../../engine/primary-photo.js'
import { isObjectId } from '../../ids.js'
import { FORBIDDEN_KEYS, isPlainObject } from '../../json.js'
import { recordCheck } from '../../store/db.js'
import { badOptionalId } from '../../store/record-fields.js'
import type { StoredRecord } from '../../store/stored-record.js'

/**
 * A custom object as mock-cloud stores it (docs/custom-objects.md "Replies" for what a client
 * sees): its owner's id, its tags, and its fields as sent (dates as `{ "$date": ISO }`, see
 * `src/engine/custom-dates.ts`). Dates of the record itself are ISO 8601 UTC strings.
 */
export interface CustomObjectRecord extends StoredRecord {
  /** The owner: the creator, the `su_id` user, or a batch_create element's `user_id`. */
  readonly user_id: string
  /** Set only when the object has tags. */
  readonly tags?: readonly string[]
  readonly fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
  /** The primary photo, a Photos object (`photo` / `photo_id`, docs/custom-objects.md "Photos"), if any. */
  readonly photo?: PrimaryPhotoRef
}

/**
 * Keys of `fields` that name the object's own properties (docs/custom-objects.md "Fields"):
 * dropped from what a client sends, since each is set through its own parameter or by the server.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  'id', '_id', 'created_at', 'updated_at', 'user', 'user_id', 'photo', 'photo_id', 'acls', 'acl_id', 'acl_name', 'tags',
])

/**
 * What makes a stored custom object (from a data file or an import) unusable: the first field the
 * API could not render or match, as `field is missing or malformed`, or undefined.
 */
export const customObjectRecordProblem = recordCheck(fieldProblem)

function fieldProblem(record: Record<string, unknown>): string | undefined {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  const { tags, fields } = record
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))) return 'tags'
  if (badOptionalId(record.acl_id)) return 'acl_id'
  if (badPrimaryPhoto(record.photo)) return 'photo'
  // A field is a property of the query document: __proto__ would set its prototype.
  if (!isPlainObject(fields) || Object.keys(fields).some((name) => FORBIDDEN_KEYS.has(name))) return 'fields'
  return undefined
}
