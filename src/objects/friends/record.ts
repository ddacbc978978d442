import { isObjectId } from '../../ids.js'
import { recordCheck } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The name of the friendships' collection in a data set. */
export const FRIENDSHIPS = 'friendships'

/**
 * One friend request, approved or pending (docs/friends.md "Modes"): `user_id` asked `friend_id`.
 * Approved, it is a friendship in `two-way` mode (each user is the other's friend) and a follow in
 * `one-way` mode (`user_id` follows `friend_id`); the mode is read when the record is, so one
 * record serves both. An approved request is stored again under a new id, so id order is the
 * order friendships were made; `updated_at` is when it was approved.
 */
export interface FriendshipRecord extends StoredRecord {
  /** The requester (the follower in `one-way` mode). */
  readonly user_id: string
  /** The user asked (the one followed in `one-way` mode). */
  readonly friend_id: string
  /** False while the request waits for `friend_id`'s approval. */
  readonly approved: boolean
}

/** What makes a stored friendship (from a data file or an import) unusable, or undefined. */
export const friendshipProblem = recordCheck((record) => {
  for (const field of ['user_id', 'friend_id'] as const) {
    const id = record[field]
    if (typeof id !== 'string' || !isObjectId(id) || id !== id.toLowerCase()) return field
  }
  if (record.user_id === record.friend_id) return 'friend_id'
  return typeof record.approved === 'boolean' ? undefined : 'approved'
})
