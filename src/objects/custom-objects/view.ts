import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import type { CustomObjectRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/** A custom object as a client sees it in `response.<classname>`. */
export type WireCustomObject = Record<string, unknown>

/**
 * Renders a stored custom object for the wire (docs/custom-objects.md "Replies"): its fields at
 * the top level (dates in the wire format), then `id`, `created_at`, `updated_at`, `tags` when
 * set, `photo_id` with a primary photo (the pipeline embeds the photo as `photo`), `user`, the embedded owner, when the owner still exists, and `acls` while an ACL is attached.
 * Never `user_id`, `acl_id` or `fields`.
 *
 * @param owner - the owner as the viewer may see it (`UsersService.wireOwner`), or undefined.
 * @param acls - `{ acls: [acl] }` from the access mechanism (docs/acls.md), or `{}`.
 */
export function toWireObject(
  record: CustomObjectRecord,
  owner: Record<string, unknown> | undefined,
  acls: { acls?: Record<string, unknown>[] } = {},
): WireCustomObject {
  const wire: WireCustomObject = wireCustomFields(record.fields)
  const dates = wireDatesOf(record)
  wire.id = record.id
  wire.created_at = dates.created_at
  wire.updated_at = dates.updated_at
  if (record.tags !== undefined) wire.tags = [...record.tags]
  if (record.photo !== undefined) wire.photo_id = record.photo.id
  if (owner !== undefined) wire.user = owner
  if (acls.acls !== undefined) wire.acls = acls.acls
  return wire
}

/**
 * The wire form of each stored object's `created_at` and `updated_at`, made on its first
 * rendering: the two conversions were an eighth of an `objects/<classname>/query` of 10 objects
 * (docs/performance.md). Records are values, never changed (an update stores a new one), so the
 * cache cannot go stale.
 */
const wireDatesOf = perRecord((record: CustomObjectRecord) => ({
  created_at: toWireDate(record.created_at),
  updated_at: toWireDate(record.updated_at),
}))
