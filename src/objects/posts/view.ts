import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import type { PostRecord } from './record.js'

/** A post as a client sees it in `response.posts`. */
export type WirePost = Record<string, unknown>

/**
 * Renders a stored post for the wire (docs/posts.md "Replies"): `id`, `content`, `created_at`,
 * `updated_at`, then `title`, `event_id` and `event` (embedded, while the viewer may see it),
 * `photo_id` with a primary photo (the pipeline embeds the photo as `photo`), `tags`
 * and `custom_fields` when set, `user` (the embedded owner, while the owner exists) and `acls` while
 * an ACL is attached. Never `user_id` or `acl_id`.
 * The counters of reviews and likes are added by the pipeline (docs/architecture.md "Reviews and likes").
 *
 * @param owner - the owner as the viewer may see it (`UsersService.wireOwner`), or undefined.
 * @param event - the post's event as the viewer may see it (`EventsService.wireEvent`), or undefined.
 * @param acls - `{ acls: [acl] }` from the access mechanism (docs/acls.md), or `{}`.
 */
export function toWirePost(
  record: PostRecord,
  owner: Record<string, unknown> | undefined,
  event: Record<string, unknown> | undefined,
  acls: { acls?: Record<string, unknown>[] } = {},
): WirePost {
  const wire: WirePost = {
    id: record.id,
    content: record.content,
    created_at: toWireDate(record.created_at),
    updated_at: toWireDate(record.updated_at),
  }
  if (record.title !== undefined) wire.title = record.title
  if (record.event_id !== undefined) wire.event_id = record.event_id
  if (event !== undefined) wire.event = event
  if (record.photo !== undefined) wire.photo_id = record.photo.id
  if (record.tags !== undefined) wire.tags = [...record.tags]
  if (Object.keys(record.custom_fields).length > 0) wire.custom_fields = wireCustomFields(record.custom_fields)
  if (owner !== undefined) wire.user = owner
  if (acls.acls !== undefined) wire.acls = acls.acls
  return wire
}
