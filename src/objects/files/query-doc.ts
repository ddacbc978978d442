import type { QueryDoc } from '../../engine/query-run.js'
import { queryCustomFields } from '../../engine/custom-dates.js'
import type { FileRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/**
 * The document a `where` or `order` sees for a file (docs/files.md "Queries"): its custom fields by
 * bare name (dates as `Date`s), and the predefined `id`/`_id`, `user_id`, `name`, `created_at`
 * and `updated_at`, which win over a custom field of the same name. Cached per record and
 * shared: read it, never change it.
 */
export const toQueryDoc = perRecord((record: FileRecord): QueryDoc => {
  const built = queryCustomFields(record.custom_fields)
  built.id = record.id
  built._id = record.id
  built.user_id = record.user_id
  built.name = record.name
  built.created_at = new Date(record.created_at)
  built.updated_at = new Date(record.updated_at)
  return built
})
