import { toWireDate } from '../../dates.js'
import type { KeyValueRecord } from './record.js'

/**
 * A pair as replies show it (docs/key-values.md "Replies"): `id`, `name`, `value`, `created_at`,
 * `updated_at`, `user_id`; a binary pair shows `type: "binary"` and no `value` (its bytes come
 * only from `get`).
 */
export interface WireKeyValue {
  id: string
  name: string
  value?: string | number
  type?: 'binary'
  created_at: string
  updated_at: string
  user_id: string
}

/** The wire form of a stored pair. */
export function toWireKeyValue(pair: KeyValueRecord): WireKeyValue {
  return {
    id: pair.id,
    name: pair.name,
    ...(pair.type === 'binary' ? { type: 'binary' as const } : { value: pair.value }),
    created_at: toWireDate(pair.created_at),
    updated_at: toWireDate(pair.updated_at),
    user_id: pair.user_id,
  }
}
