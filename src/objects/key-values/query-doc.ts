import type { QueryDoc } from '../../engine/query-run.js'
import type { KeyValueRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/**
 * What a `where` or `order` of keyvalues/query sees for a pair (docs/key-values.md "Endpoints"):
 * `id` (also `_id`), `name`, `value` (not for binary pairs), `user_id`, and the dates as `Date`s.
 * Cached per record and shared: read it, never change it.
 */
export const toQueryDoc = perRecord((pair: KeyValueRecord): QueryDoc => {
  return {
    id: pair.id,
    _id: pair.id,
    name: pair.name,
    ...(pair.type === 'string' && { value: pair.value }),
    user_id: pair.user_id,
    created_at: new Date(pair.created_at),
    updated_at: new Date(pair.updated_at),
  }
})
