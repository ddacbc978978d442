import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import type { StatusRecord } from './record.js'

/** A status as a client sees it in `response.statuses`. */
export type WireStatus = Record<string, unknown>

/** What a status embeds, as the viewer may see it: its owner, place, event and ACL. */
export interface StatusEmbeds {
  owner?: Record<string, unknown> | undefined
  place?: Record<string, unknown> | undefined
  event?: Record<string, unknown> | undefined
  acls?: Record<string, unknown>[]
}

/**
 * Renders a stored status for the wire (docs/statuses.md "Replies"): `id`, `message`,
 * `created_at`, `updated_at`, then `place_id` and `place`, `event_id` and `event`, `photo_id` with a
 * primary photo (the pipeline embeds the photo as `photo`), `tags` and
 * `custom_fields` when set, `user` (the embedded owner, while the owner exists) and `acls` while an
 * ACL is attached. The counters of reviews and likes are added by the pipeline.
 */
export function toWireStatus(record: StatusRecord, embeds: StatusEmbeds): WireStatus {
  const wire: WireStatus = {
    id: record.id,
    message: record.message,
    created_at: toWireDate(record.created_at),
    updated_at: toWireDate(record.updated_at),
  }
  if (record.place_id !== undefined) wire.place_id = record.place_id
  if (embeds.place !== undefined) wire.place = embeds.place
  if (record.event_id !== undefined) wire.event_id = record.event_id
  if (embeds.event !== undefined) wire.event = embeds.event
  if (record.photo !== undefined) wire.photo_id = record.photo.id
  if (record.tags !== undefined) wire.tags = [...record.tags]
  if (Object.keys(record.custom_fields).length > 0) wire.custom_fields = wireCustomFields(record.custom_fields)
  if (embeds.owner !== undefined) wire.user = embeds.owner
  if (embeds.acls !== undefined) wire.acls = embeds.acls
  return wire
}
