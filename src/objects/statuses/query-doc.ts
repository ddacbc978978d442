import type { QueryDoc } from '../../engine/query-run.js'
import { queryCustomFields } from '../../engine/custom-dates.js'
import type { StatusRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/**
 * The document a `where` or `order` sees for a status (docs/statuses.md "Queries"): its custom
 * fields by bare name (dates as `Date`s), and the predefined `id`/`_id`, `user_id`, `message`,
 * `place_id`, `event_id`, `tags_array`, `created_at` and `updated_at`, which win over a custom
 * field of the same name. Cached per record and shared: read it, never change it.
 */
export const toQueryDoc = perRecord((record: StatusRecord): QueryDoc => {
  const built = queryCustomFields(record.custom_fields)
  built.id = record.id
  built._id = record.id
  built.user_id = record.user_id
  built.message = record.message
  if (record.place_id !== undefined) built.place_id = record.place_id
  if (record.event_id !== undefined) built.event_id = record.event_id
  if (record.tags !== undefined) built.tags_array = [...record.tags]
  built.created_at = new Date(record.created_at)
  built.updated_at = new Date(record.updated_at)
  return built
})
