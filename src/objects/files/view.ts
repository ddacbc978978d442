import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import type { FileRecord } from './record.js'

/** A file as a client sees it in `response.files`. */
export type WireFile = Record<string, unknown>

/**
 * Renders a stored file for the wire (docs/files.md "Replies"): `id`, `name`, `processed`, `url`
 * while processed, `created_at`, `updated_at`, `custom_fields` when any are set, `user` (the
 * embedded owner, while the owner exists) and `acls` while an ACL is attached. Never the bytes,
 * `user_id` or `acl_id`.
 *
 * @param url - where the file is served (docs/files.md "Download URL"), or undefined while it is
 *   not processed (the reply to a create or a content-changing update).
 * @param owner - the owner as the viewer may see it (`UsersService.wireOwner`), or undefined.
 * @param acls - `{ acls: [acl] }` from the access mechanism (docs/acls.md), or `{}`.
 */
export function toWireFile(
  record: FileRecord,
  url: string | undefined,
  owner: Record<string, unknown> | undefined,
  acls: { acls?: Record<string, unknown>[] } = {},
): WireFile {
  const wire: WireFile = {
    id: record.id,
    name: record.name,
    processed: url !== undefined,
    ...(url !== undefined && { url }),
    created_at: toWireDate(record.created_at),
    updated_at: toWireDate(record.updated_at),
  }
  if (Object.keys(record.custom_fields).length > 0) wire.custom_fields = wireCustomFields(record.custom_fields)
  if (owner !== undefined) wire.user = owner
  if (acls.acls !== undefined) wire.acls = acls.acls
  return wire
}
