import type { QueryDoc } from '../../engine/query-run.js'
import { queryCustomFields } from '../../engine/custom-dates.js'
import type { PostRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/**
 * The document a `where` or `order` sees for a post (docs/posts.md "Queries"): its custom fields by
 * bare name (dates as `Date`s), and the predefined `id`/`_id`, `user_id`, `content`, `title`,
 * `event_id`, `tags_array`, `created_at` and `updated_at`, which win over a custom field of the
 * same name. Cached per record and shared: read it, never change it.
 */
export const toQueryDoc = perRecord((record: PostRecord): QueryDoc => {
  const built = queryCustomFields(record.custom_fields)
  built.id = record.id
  built._id = record.id
  built.user_id = record.user_id
  built.content = record.content
  if (record.title !== undefined) built.title = record.title
  if (record.event_id !== undefined) built.event_id = record.event_id
  if (record.tags !== undefined) built.tags_array = [...record.tags]
  built.created_at = new Date(record.created_at)
  built.updated_at = new Date(record.updated_at)
  return built
})
