import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import { PLACE_TEXTS, type PlaceRecord } from './record.js'

/** A place as a client sees it in `response.places`. */
export type WirePlace = Record<string, unknown>

/**
 * Renders a stored place for the wire (docs/places.md "The place"): `id`, `name`, each text field
 * set, `latitude`, `longitude`, `tags`, `custom_fields` when set, `photo_id` with a primary photo (the pipeline embeds it as `photo`), `created_at`, `updated_at`, `user`
 * (the embedded owner, while the owner exists) and `acls` while an ACL is attached. Never
 * `user_id`, `acl_id` or `lnglat`.
 *
 * @param owner - the owner as the viewer may see it (`UsersService.wireOwner`), or undefined.
 * @param acls - `{ acls: [acl] }` from the access mechanism (docs/acls.md), or `{}`.
 */
export function toWirePlace(record: PlaceRecord, owner: Record<string, unknown> | undefined, acls: { acls?: Record<string, unknown>[] } = {}): WirePlace {
  const wire: WirePlace = { id: record.id, name: record.name }
  for (const name of PLACE_TEXTS) if (record[name] !== undefined) wire[name] = record[name]
  if (record.latitude !== undefined) wire.latitude = record.latitude
  if (record.longitude !== undefined) wire.longitude = record.longitude
  if (record.tags !== undefined) wire.tags = [...record.tags]
  if (record.photo !== undefined) wire.photo_id = record.photo.id
  if (Object.keys(record.custom_fields).length > 0) wire.custom_fields = wireCustomFields(record.custom_fields)
  wire.created_at = toWireDate(record.created_at)
  wire.updated_at = toWireDate(record.updated_at)
  if (owner !== undefined) wire.user = owner
  if (acls.acls !== undefined) wire.acls = acls.acls
  return wire
}
