import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import { ical, type Occurrence } from './occurrences.js'
import type { EventRecord } from './record.js'

/** An event as a client sees it in `response.events`, or an occurrence in `response.event_occurrences`. */
export type WireEvent = Record<string, unknown>

/** What an event's reply embeds: its owner, its place and its ACL, as the viewer may see them. */
export interface EventRelations {
  owner?: Record<string, unknown> | undefined
  place?: Record<string, unknown> | undefined
  acls?: Record<string, unknown>[] | undefined
}

/**
 * Renders a stored event for the wire (docs/events.md "The event"): `id`, `name`, `start_time`,
 * `duration`, `details`, `recurring`, `recurring_count`, `recurring_until` when set, `ical`,
 * `num_occurences` (sic), `place` (while it exists) and `place_id`, `tags`, `custom_fields` when
 * set, `photo_id` with a primary photo (the pipeline embeds it as `photo`), `created_at`, `updated_at`, `user` (the embedded owner) and `acls` while an ACL is attached.
 * Never `user_id`, `acl_id` or an `end_time`.
 *
 * @param occurrences - how many occurrences the event has.
 */
export function toWireEvent(record: EventRecord, occurrences: number, { owner, place, acls }: EventRelations): WireEvent {
  const wire: WireEvent = { id: record.id, name: record.name, start_time: toWireDate(record.start_time) }
  if (record.duration !== undefined) wire.duration = record.duration
  if (record.details !== undefined) wire.details = record.details
  if (record.recurring !== undefined) wire.recurring = record.recurring
  if (record.recurring_count !== undefined) wire.recurring_count = record.recurring_count
  if (record.recurring_until !== undefined) wire.recurring_until = toWireDate(record.recurring_until)
  wire.ical = ical(record)
  wire.num_occurences = occurrences
  if (place !== undefined) wire.place = place
  if (record.place_id !== undefined) wire.place_id = record.place_id
  if (record.tags !== undefined) wire.tags = [...record.tags]
  if (record.photo !== undefined) wire.photo_id = record.photo.id
  if (Object.keys(record.custom_fields).length > 0) wire.custom_fields = wireCustomFields(record.custom_fields)
  wire.created_at = toWireDate(record.created_at)
  wire.updated_at = toWireDate(record.updated_at)
  if (owner !== undefined) wire.user = owner
  if (acls !== undefined) wire.acls = acls
  return wire
}

/** An occurrence for the wire (docs/events.md "Occurrences"): `id`, `start_time`, `end_time` and its `event`. */
export function toWireOccurrence(id: string, occurrence: Occurrence, event: WireEvent): WireEvent {
  return { id, start_time: toWireDate(occurrence.start_time), end_time: toWireDate(occurrence.end_time), event }
}
