import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import type { PhotoRecord } from './record.js'

/** A photo as a client sees it in `response.photos`. */
export type WirePhoto = Record<string, unknown>

/**
 * Renders a stored photo for the wire (docs/photos.md "Replies"): `id`, `filename`, `size`,
 * `md5`, `created_at`, `updated_at`, `processed`, `user` (the embedded owner, while the owner
 * exists), `urls` while processed, `content_type`, then `title`, `tags`, `custom_fields` when set,
 * `collections` (one) while filed in a collection, and `acls` while an ACL is attached. Never the bytes, `user_id` or `acl_id`.
 *
 * @param urls - size name → URL (every asked-for size and `original`, docs/photos.md "URLs"), or
 *   undefined while the photo is not processed (the reply that stored new bytes).
 * @param owner - the owner as the viewer may see it (`UsersService.wireOwner`), or undefined.
 * @param acls - `{ acls: [acl] }` from the access mechanism (docs/acls.md), or `{}`.
 * @param collection - the collection the photo is filed in, as `collections` embeds it
 *   (docs/photo-collections.md), or undefined.
 */
export function toWirePhoto(
  record: PhotoRecord,
  urls: Record<string, string> | undefined,
  owner: Record<string, unknown> | undefined,
  acls: { acls?: Record<string, unknown>[] } = {},
  collection?: Record<string, unknown>,
): WirePhoto {
  const wire: WirePhoto = {
    id: record.id,
    filename: record.filename,
    size: record.size,
    md5: record.md5,
    created_at: toWireDate(record.created_at),
    updated_at: toWireDate(record.updated_at),
    processed: urls !== undefined,
  }
  if (owner !== undefined) wire.user = owner
  if (urls !== undefined) wire.urls = urls
  wire.content_type = record.content_type
  if (record.title !== undefined) wire.title = record.title
  if (record.tags !== undefined) wire.tags = [...record.tags]
  if (Object.keys(record.custom_fields).length > 0) wire.custom_fields = wireCustomFields(record.custom_fields)
  if (collection !== undefined) wire.collections = [collection]
  if (acls.acls !== undefined) wire.acls = acls.acls
  return wire
}
