import { isObjectId } from '../../ids.js'
import type { SocialLink } from '../../engine/social.js'
import { recordCheck } from '../../store/db.js'
import { badCustomFields, badOptionalId, badTags } from '../../store/record-fields.js'

/**
 * A review as mock-cloud stores it (docs/reviews.md "Replies" for what a client sees): its author
 * (`user_id`), the object reviewed (`target_type`, `target_id`), its content and integer rating
 * (at least one of them), tags, custom fields and ACL when set. Dates are ISO 8601 UTC strings.
 */
export interface ReviewRecord extends SocialLink {
  readonly content?: string
  readonly tags?: readonly string[]
  readonly custom_fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
}

/**
 * What makes a stored review (from a data file or an import) unusable: the first field the API
 * could not render or count, as `field is missing or malformed`, or undefined.
 */
export const reviewRecordProblem = recordCheck(fieldProblem)

function fieldProblem(record: Record<string, unknown>): string | undefined {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  if (typeof record.target_type !== 'string') return 'target_type'
  if (typeof record.target_id !== 'string' || !isObjectId(record.target_id)) return 'target_id'
  if (record.content !== undefined && typeof record.content !== 'string') return 'content'
  if (record.rating !== undefined && !Number.isSafeInteger(record.rating)) return 'rating'
  if (badTags(record.tags)) return 'tags'
  if (badOptionalId(record.acl_id)) return 'acl_id'
  if (badCustomFields(record.custom_fields)) return 'custom_fields'
  return undefined
}
