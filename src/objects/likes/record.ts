import { isObjectId } from '../../ids.js'
import type { SocialLink } from '../../engine/social.js'
import { recordCheck } from '../../store/db.js'

/**
 * A like as mock-cloud stores it (docs/likes.md "Replies" for what a client sees): who liked
 * (`user_id`) and the object liked (`target_type`, `target_id`, shown as `likeable_type` and
 * `likeable_id`). Dates are ISO 8601 UTC strings.
 */
export type LikeRecord = SocialLink

/**
 * What makes a stored like (from a data file or an import) unusable: the first field the API could
 * not render or count, as `field is missing or malformed`, or undefined.
 */
export const likeRecordProblem = recordCheck((record) => {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  if (typeof record.target_type !== 'string') return 'target_type'
  if (typeof record.target_id !== 'string' || !isObjectId(record.target_id)) return 'target_id'
  return undefined
})
