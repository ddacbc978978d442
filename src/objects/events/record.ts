import { badPrimaryPhoto, type PrimaryPhotoRef } from '../../engine/primary-photo.js'
import { isObjectId } from '../../ids.js'
import { recordCheck } from '../../store/db.js'
import { badCustomFields, badOptionalId, badTags } from '../../store/record-fields.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The stored collection of events. */
export const EVENTS = 'events'

/** How often an event recurs (docs/events.md "Recurrence"). */
export const RECURRENCES = ['daily', 'weekly', 'monthly', 'yearly'] as const

/** One of {@link RECURRENCES}. */
export type Recurrence = (typeof RECURRENCES)[number]

/**
 * An event as mock-cloud stores it (docs/events.md "The event" for what a client sees): its owner's
 * id, name, first start (ISO 8601 UTC), duration in seconds, details, recurrence (how often, how
 * many times, until when), the place it happens at, tags, custom fields and the attached ACL. Its
 * occurrences are not stored: they are worked out from these fields at every read.
 */
export interface EventRecord extends StoredRecord {
  readonly user_id: string
  readonly name: string
  /** ISO 8601 UTC. */
  readonly start_time: string
  /** Seconds. */
  readonly duration?: number
  readonly details?: string
  readonly recurring?: Recurrence
  readonly recurring_count?: number
  /** ISO 8601 UTC. */
  readonly recurring_until?: string
  readonly place_id?: string
  readonly tags?: readonly string[]
  readonly custom_fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
  /** The primary photo, a Photos object (`photo` / `photo_id`, docs/api.md "Primary photos"), if any. */
  readonly photo?: PrimaryPhotoRef
}

/**
 * What makes a stored event (from a data file or an import) unusable: the first field the API
 * could not render, as `field is missing or malformed`, or undefined.
 */
export const eventRecordProblem = recordCheck(fieldProblem)

const isIsoDate = (value: unknown): boolean => typeof value === 'string' && !Number.isNaN(Date.parse(value))

function fieldProblem(record: Record<string, unknown>): string | undefined {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  if (typeof record.name !== 'string') return 'name'
  if (!isIsoDate(record.start_time)) return 'start_time'
  if (record.duration !== undefined && !Number.isFinite(record.duration)) return 'duration'
  if (record.details !== undefined && typeof record.details !== 'string') return 'details'
  if (record.recurring !== undefined && !RECURRENCES.includes(record.recurring as Recurrence)) return 'recurring'
  if (record.recurring_count !== undefined && !Number.isSafeInteger(record.recurring_count)) return 'recurring_count'
  if (record.recurring_until !== undefined && !isIsoDate(record.recurring_until)) return 'recurring_until'
  if (badOptionalId(record.place_id)) return 'place_id'
  if (badTags(record.tags)) return 'tags'
  if (badOptionalId(record.acl_id)) return 'acl_id'
  if (badPrimaryPhoto(record.photo)) return 'photo'
  if (badCustomFields(record.custom_fields)) return 'custom_fields'
  return undefined
}
