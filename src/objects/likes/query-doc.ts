import type { QueryDoc } from '../../engine/query-run.js'
import type { LikeRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/**
 * The document a `where` or `order` sees for a like (docs/likes.md "Queries"): `id`/`_id`,
 * `likeable_type`, `likeable_id`, `user_id` (who liked), `created_at` and `updated_at`. Cached per
 * record and shared: read it, never change it.
 */
export const toQueryDoc = perRecord(
  (record: LikeRecord): QueryDoc => ({
    id: record.id,
    _id: record.id,
    likeable_type: record.target_type,
    likeable_id: record.target_id,
    user_id: record.user_id,
    created_at: new Date(record.created_at),
    updated_at: new Date(record.updated_at),
  }),
)
