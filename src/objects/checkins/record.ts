import { badPrimaryPhoto, type PrimaryPhotoRef } from '../../engine/primary-photo.js'
import { isObjectId } from '../../ids.js'
import { recordCheck } from '../../store/db.js'
import { badCustomFields, badOptionalId, badTags } from '../../store/record-fields.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The stored collection of checkins. */
export const CHECKINS = 'checkins'

/** The validation problem of a check-in to neither a place nor an event (docs/checkins.md "Errors"). */
export const NO_PLACE_OR_EVENT = 'Place or event is required'

/**
 * A checkin as mock-cloud stores it (docs/checkins.md "The checkin" for what a client sees): its
 * owner's id, the place or the event checked in to (one of them), the message, tags, custom
 * fields and the attached ACL.
 */
export interface CheckinRecord extends StoredRecord {
  readonly user_id: string
  readonly place_id?: string
  readonly event_id?: string
  readonly message?: string
  readonly tags?: readonly string[]
  readonly custom_fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
  /** The primary photo, a Photos object (`photo` / `photo_id`, docs/api.md "Primary photos"), if any. */
  readonly photo?: PrimaryPhotoRef
}

/**
 * What makes a stored checkin (from a data file or an import) unusable: the first field the API
 * could not render, as `field is missing or malformed`, or undefined.
 */
export const checkinRecordProblem = recordCheck(fieldProblem)

const isId = (value: unknown): boolean => typeof value === 'string' && isObjectId(value)

function fieldProblem(record: Record<string, unknown>): string | undefined {
  if (!isId(record.user_id)) return 'user_id'
  if (badOptionalId(record.place_id)) return 'place_id'
  if (badOptionalId(record.event_id)) return 'event_id'
  if (record.message !== undefined && typeof record.message !== 'string') return 'message'
  if (badTags(record.tags)) return 'tags'
  if (badOptionalId(record.acl_id)) return 'acl_id'
  if (badPrimaryPhoto(record.photo)) return 'photo'
  if (badCustomFields(record.custom_fields)) return 'custom_fields'
  return undefined
}
