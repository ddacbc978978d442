import type { QueryDoc } from '../../engine/query-run.js'
import { queryCustomFields } from '../../engine/custom-dates.js'
import type { CustomObjectRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/**
 * The document a `where` or `order` sees for a custom object (docs/custom-objects.md "query"):
 * its fields by bare name (dates as `Date`s), and the predefined `id`/`_id`, `user_id`,
 * `tags_array`, `created_at` and `updated_at`, which win over a field of the same name. Cached
 * per record and shared: read it, never change it.
 */
export const toQueryDoc = perRecord((record: CustomObjectRecord): QueryDoc => {
  const built = queryCustomFields(record.fields)
  built.id = record.id
  built._id = record.id
  built.user_id = record.user_id
  if (record.tags === undefined) delete built.tags_array
  else built.tags_array = [...record.tags]
  built.created_at = new Date(record.created_at)
  built.updated_at = new Date(record.updated_at)
  return built
})
