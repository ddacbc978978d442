import { badPrimaryPhoto, type PrimaryPhotoRef } from '../../engine/primary-photo.js'
import { isObjectId } from '../../ids.js'
import { recordCheck } from '../../store/db.js'
import { badCustomFields, badOptionalId, badTags } from '../../store/record-fields.js'
import type { StoredRecord } from '../../store/stored-record.js'

/**
 * A status as mock-cloud stores it (docs/statuses.md "Replies" for what a client sees): its owner's
 * id, its `message`, the place or the event it is tied to (at most one), tags, custom fields and
 * ACL when set. Dates are ISO 8601 UTC strings.
 */
export interface StatusRecord extends StoredRecord {
  readonly user_id: string
  readonly message: string
  readonly place_id?: string
  readonly event_id?: string
  readonly tags?: readonly string[]
  readonly custom_fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
  /** The primary photo, a Photos object (`photo` / `photo_id`, docs/statuses.md "Writes"), if any. */
  readonly photo?: PrimaryPhotoRef
}

/**
 * What makes a stored status (from a data file or an import) unusable: the first field the API
 * could not render or match, as `field is missing or malformed`, or undefined.
 */
export const statusRecordProblem = recordCheck((record) => {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  if (typeof record.message !== 'string') return 'message'
  for (const name of ['place_id', 'event_id', 'acl_id'] as const) {
    if (badOptionalId(record[name])) return name
  }
  if (badTags(record.tags)) return 'tags'
  if (badPrimaryPhoto(record.photo)) return 'photo'
  if (badCustomFields(record.custom_fields)) return 'custom_fields'
  return undefined
})
