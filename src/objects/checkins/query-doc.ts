import type { QueryDoc } from '../../engine/query-run.js'
import { queryCustomFields } from '../../engine/custom-dates.js'
import { perRecord } from '../../store/per-record.js'
import type { CheckinRecord } from './record.js'

/**
 * The document a `where` or `order` sees for a checkin (docs/checkins.md "Queries"): its custom
 * fields by bare name (dates as `Date`s), and the predefined `id`/`_id`, `user_id`, `place_id`,
 * `event_id`, `message`, `tags_array`, `created_at` and `updated_at`, which win. Cached per record
 * and shared: read it, never change it.
 */
export const toQueryDoc = perRecord((record: CheckinRecord): QueryDoc => {
  const built = queryCustomFields(record.custom_fields)
  built.id = record.id
  built._id = record.id
  built.user_id = record.user_id
  for (const name of ['place_id', 'event_id', 'message'] as const) if (record[name] !== undefined) built[name] = record[name]
  if (record.tags !== undefined) built.tags_array = [...record.tags]
  built.created_at = new Date(record.created_at)
  built.updated_at = new Date(record.updated_at)
  return built
})
