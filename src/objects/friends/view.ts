import { toWireDate } from '../../dates.js'
import type { FriendshipRecord } from './record.js'

/**
 * A pending request as friends/requests answers it (docs/friends.md "Replies"): its `id`,
 * the other user as `user_id` and embedded as `user`, and its dates in the wire format.
 *
 * @param other - the id of the user the list shows: the requester, or the user asked (`requests_to`).
 * @param user - that user as the caller may see them.
 */
export function toWireRequest(record: FriendshipRecord, other: string, user: Record<string, unknown>): Record<string, unknown> {
  return { id: record.id, user_id: other, user, created_at: toWireDate(record.created_at), updated_at: toWireDate(record.updated_at) }
}
