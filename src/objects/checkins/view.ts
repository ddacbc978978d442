import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import type { CheckinRecord } from './record.js'

/** A checkin as a client sees it in `response.checkins`. */
export type WireCheckin = Record<string, unknown>

/** What a checkin's reply embeds: its owner, place, event and ACL, as the viewer may see them. */
export interface CheckinRelations {
  owner?: Record<string, unknown> | undefined
  place?: Record<string, unknown> | undefined
  event?: Record<string, unknown> | undefined
  acls?: Record<string, unknown>[] | undefined
}

/**
 * Renders a stored checkin for the wire (docs/checkins.md "The checkin"): `id`, `message`, `tags`,
 * `custom_fields` when set, `photo_id` with a primary photo (the pipeline embeds it as `photo`), `created_at`, `updated_at`, `user` (the embedded owner), `place` and
 * `place_id` or `event` and `event_id` (the embedded one while it exists and the viewer may read
 * it, the id always), and `acls` while an ACL is attached. Never `user_id` or `acl_id`.
 */
export function toWireCheckin(record: CheckinRecord, { owner, place, event, acls }: CheckinRelations): WireCheckin {
  const wire: WireCheckin = { id: record.id }
  if (record.message !== undefined) wire.message = record.message
  if (record.tags !== undefined) wire.tags = [...record.tags]
  if (record.photo !== undefined) wire.photo_id = record.photo.id
  if (Object.keys(record.custom_fields).length > 0) wire.custom_fields = wireCustomFields(record.custom_fields)
  wire.created_at = toWireDate(record.created_at)
  wire.updated_at = toWireDate(record.updated_at)
  if (owner !== undefined) wire.user = owner
  if (place !== undefined) wire.place = place
  if (record.place_id !== undefined) wire.place_id = record.place_id
  if (event !== undefined) wire.event = event
  if (record.event_id !== undefined) wire.event_id = record.event_id
  if (acls !== undefined) wire.acls = acls
  return wire
}
