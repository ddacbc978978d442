import { toWireDate } from '../../dates.js'
import type { LikeRecord } from './record.js'

/** A like as a client sees it in `response.likes`. */
export type WireLike = Record<string, unknown>

/**
 * Renders a stored like for the wire (docs/likes.md "Replies"): `id`, `likeable_type`,
 * `likeable_id`, `created_at`, `updated_at` and `user` (who liked, while that user exists); never
 * the liked object itself.
 *
 * @param liker - who liked, as the viewer may see them (`UsersService.wireOwner`), or undefined.
 */
export function toWireLike(record: LikeRecord, liker: Record<string, unknown> | undefined): WireLike {
  const wire: WireLike = {
    id: record.id,
    likeable_type: record.target_type,
    likeable_id: record.target_id,
    created_at: toWireDate(record.created_at),
    updated_at: toWireDate(record.updated_at),
  }
  if (liker !== undefined) wire.user = liker
  return wire
}
