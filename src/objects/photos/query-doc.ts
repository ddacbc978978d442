import type { QueryDoc } from '../../engine/query-run.js'
import { queryCustomFields } from '../../engine/custom-dates.js'
import type { PhotoRecord } from './record.js'

/** One query doc per stored record, made on first use; records are values, so it never goes stale. */
const docs = new WeakMap<PhotoRecord, QueryDoc>()

/**
 * The document a `where` or `order` sees for a photo (docs/photos.md "Queries"): its custom fields
 * by bare name (dates as `Date`s), and the predefined `id`/`_id`, `user_id`, `title`, `filename`,
 * `tags_array`, `created_at` and `updated_at`, which win over a custom field of the same name.
 * Cached per record and shared: read it, never change it.
 */
export function toQueryDoc(record: PhotoRecord): QueryDoc {
  let doc = docs.get(record)
  if (doc === undefined) {
    const built = queryCustomFields(record.custom_fields)
    built.id = record.id
    built._id = record.id
    built.user_id = record.user_id
    built.filename = record.filename
    if (record.title !== undefined) built.title = record.title
    if (record.tags !== undefined) built.tags_array = [...record.tags]
    built.created_at = new Date(record.created_at)
    built.updated_at = new Date(record.updated_at)
    doc = built
    docs.set(record, doc)
  }
  return doc
}
