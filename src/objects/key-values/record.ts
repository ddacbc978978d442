import { isObjectId } from '../../ids.js'
import { storedRecordProblem } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The name of the key-values' collection in a data set. */
export const KEYVALUES = 'keyvalues'

/**
 * One stored name/value pair (docs/key-values.md "Stores"): in the public store
 * (`access_private` false, one per app) or in its owner's private store. `user_id` is the owner:
 * the user who first set it (or the `su_id` target). A `binary` pair keeps its bytes as base64
 * text in `value`; a `string` pair keeps text, or a number after `incrby` or a JSON body number.
 */
export interface KeyValueRecord extends StoredRecord {
  readonly name: string
  readonly value: string | number
  readonly type: 'string' | 'binary'
  readonly access_private: boolean
  readonly user_id: string
}

/**
 * The pair's unique key in its collection: the store (`public`, or `private:<user id>`) and the
 * name. The store part holds no `:` after its own, so no two (store, name) give the same key.
 *
 * @example
 * pairKey(false, '5f...', 'score') // 'public:score'
 */
export function pairKey(access_private: boolean, userId: string, name: string): string {
  return access_private ? `private:${userId}:${name}` : `public:${name}`
}

/** The unique keys of a stored pair besides its id, for the Collection's index. */
export const pairKeys = (record: KeyValueRecord) => ({ pair: pairKey(record.access_private, record.user_id, record.name) })

/**
 * What makes a stored pair (from a data file or an import) unusable, as `field is missing or
 * malformed`, or undefined.
 */
export function keyValueRecordProblem(record: unknown): string | undefined {
  const base = storedRecordProblem(record)
  if (base !== undefined) return base
  const pair = record as Record<string, unknown>
  const field =
    typeof pair.name !== 'string' || pair.name === ''
      ? 'name'
      : pair.type !== 'string' && pair.type !== 'binary'
        ? 'type'
        : !(typeof pair.value === 'string' || (pair.type === 'string' && typeof pair.value === 'number' && Number.isFinite(pair.value)))
          ? 'value'
          : typeof pair.access_private !== 'boolean'
            ? 'access_private'
            : typeof pair.user_id !== 'string' || !isObjectId(pair.user_id)
              ? 'user_id'
              : undefined
  return field === undefined ? undefined : `${field} is missing or malformed`
}
