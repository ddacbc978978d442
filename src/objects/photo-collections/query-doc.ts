import type { QueryDoc } from '../../engine/query-run.js'
import { queryCustomFields } from '../../engine/custom-dates.js'
import { perRecord } from '../../store/per-record.js'
import type { PhotoCollectionRecord } from './record.js'

/**
 * The document a `where` or `order` sees for a collection (docs/photo-collections.md "Queries"):
 * its custom fields by bare name (dates as `Date`s), and the predefined `id`/`_id`, `user_id`,
 * `name`, `parent_collection_id`, `created_at` and `updated_at`, which win over a custom field of
 * the same name. Cached per record and shared: read it, never change it.
 */
export const toQueryDoc = perRecord((record: PhotoCollectionRecord): QueryDoc => {
  const built = queryCustomFields(record.custom_fields)
  built.id = record.id
  built._id = record.id
  built.user_id = record.user_id
  built.name = record.name
  if (record.parent_id !== undefined) built.parent_collection_id = record.parent_id
  built.created_at = new Date(record.created_at)
  built.updated_at = new Date(record.updated_at)
  return built
})
