import { badPrimaryPhoto, type PrimaryPhotoRef } from '../../engine/primary-photo.js'
import { isObjectId } from '../../ids.js'
import { recordCheck } from '../../store/db.js'
import { badCustomFields, badOptionalId, badTags } from '../../store/record-fields.js'
import type { StoredRecord } from '../../store/stored-record.js'

/**
 * A post as mock-cloud stores it (docs/posts.md "Replies" for what a client sees): its owner's id,
 * its `content`, and its title, event, tags, custom fields and ACL when set. Dates are ISO 8601 UTC
 * strings.
 */
export interface PostRecord extends StoredRecord {
  readonly user_id: string
  readonly content: string
  readonly title?: string
  /** The event the post belongs to (kept when the event is deleted). */
  readonly event_id?: string
  readonly tags?: readonly string[]
  readonly custom_fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
  /** The primary photo, a Photos object (`photo` / `photo_id`, docs/posts.md "Writes"), if any. */
  readonly photo?: PrimaryPhotoRef
}

/**
 * What makes a stored post (from a data file or an import) unusable: the first field the API could
 * not render or match, as `field is missing or malformed`, or undefined.
 */
export const postRecordProblem = recordCheck(fieldProblem)

function fieldProblem(record: Record<string, unknown>): string | undefined {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  if (typeof record.content !== 'string') return 'content'
  if (record.title !== undefined && typeof record.title !== 'string') return 'title'
  if (badOptionalId(record.event_id)) return 'event_id'
  if (badTags(record.tags)) return 'tags'
  if (badOptionalId(record.acl_id)) return 'acl_id'
  if (badPrimaryPhoto(record.photo)) return 'photo'
  if (badCustomFields(record.custom_fields)) return 'custom_fields'
  return undefined
}
