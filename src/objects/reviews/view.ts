import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import { targetParam } from '../../engine/social.js'
import type { ReviewRecord } from './record.js'

/** A review as a client sees it in `response.reviews`. */
export type WireReview = Record<string, unknown>

/**
 * Renders a stored review for the wire (docs/reviews.md "Replies"): `id`, `content` and `rating`
 * when set, `created_at`, `updated_at`, `reviewed_object` (`{ type, id }`), the reviewed object's
 * id under its own name (`post_id`, `custom_object_id`; none for a user), `tags` and
 * `custom_fields` when set, `user` (the author, while the author exists) and `acls` while an ACL
 * is attached. The counters of the review's own reviews and likes are added by the pipeline.
 *
 * @param author - the author as the viewer may see them (`UsersService.wireOwner`), or undefined.
 * @param acls - `{ acls: [acl] }` from the access mechanism (docs/acls.md), or `{}`.
 */
export function toWireReview(
  record: ReviewRecord,
  author: Record<string, unknown> | undefined,
  acls: { acls?: Record<string, unknown>[] } = {},
): WireReview {
  const wire: WireReview = { id: record.id }
  if (record.content !== undefined) wire.content = record.content
  if (record.rating !== undefined) wire.rating = record.rating
  wire.created_at = toWireDate(record.created_at)
  wire.updated_at = toWireDate(record.updated_at)
  wire.reviewed_object = { type: record.target_type, id: record.target_id }
  if (record.target_type !== 'User') wire[targetParam(record.target_type)] = record.target_id
  if (record.tags !== undefined) wire.tags = [...record.tags]
  if (Object.keys(record.custom_fields).length > 0) wire.custom_fields = wireCustomFields(record.custom_fields)
  if (author !== undefined) wire.user = author
  if (acls.acls !== undefined) wire.acls = acls.acls
  return wire
}
