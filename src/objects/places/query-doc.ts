import type { QueryDoc } from '../../engine/query-run.js'
import { queryCustomFields } from '../../engine/custom-dates.js'
import { perRecord } from '../../store/per-record.js'
import { lngLatOf, PLACE_TEXTS, type PlaceRecord } from './record.js'

/**
 * The document a `where` or `order` sees for a place (docs/places.md "Queries"): its custom fields
 * by bare name (dates as `Date`s), and the predefined `id`/`_id`, `user_id`, `name`, the text
 * fields, `latitude`, `longitude`, `tags_array`, `lnglat` (`[longitude, latitude]`, for
 * `$nearSphere`), `coordinates` (`[lnglat]`, the same point as the reserved geo field),
 * `created_at` and `updated_at`, which win over a custom field of the same name. Cached per record
 * and shared: read it, never change it.
 */
export const toQueryDoc = perRecord((record: PlaceRecord): QueryDoc => {
  const built = queryCustomFields(record.custom_fields)
  built.id = record.id
  built._id = record.id
  built.user_id = record.user_id
  built.name = record.name
  for (const name of PLACE_TEXTS) if (record[name] !== undefined) built[name] = record[name]
  if (record.latitude !== undefined) built.latitude = record.latitude
  if (record.longitude !== undefined) built.longitude = record.longitude
  if (record.tags !== undefined) built.tags_array = [...record.tags]
  const lnglat = lngLatOf(record)
  if (lnglat !== undefined) {
    built.lnglat = lnglat
    built.coordinates = [lnglat]
  }
  built.created_at = new Date(record.created_at)
  built.updated_at = new Date(record.updated_at)
  return built
})
