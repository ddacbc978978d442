import { copyIdOrder } from './id-order.js'
import type { StoredRecord } from './stored-record.js'

/**
 * Unique indexes of a records array: by `id`, and by whatever other keys the collection names
 * (users by `username` and `email`, key-values by store and name), so a lookup takes the same time
 * at 100,000 records as at 1,000. Kept beside the array in a WeakMap, so the array stays the plain
 * JSON a `--data` file holds.
 *
 * Stored records are values: a write replaces a record, never changes one (see
 * `Collection.replace`). So a copy of a data set (a reset from its baseline, a snapshot) shares
 * the records and, through {@link copyRecords}, the index: both copies read one shared,
 * never-changed `base` and keep their own changes in a small `own` layer (a `null` there hides a
 * key of the base: a deleted record, a changed unique key). A reset of 100,000 records is then a
 * copy of the array, not of the records or their index.
 */

/**
 * The unique keys of a record by index name (`id` is always indexed): e.g. a user's
 * `{ username: 'alice', email: 'alice@example.com' }`; an undefined key is not indexed.
 */
export type UniqueKeys<R> = (record: R) => Readonly<Record<string, string | undefined>>

type Layer<R> = Map<string, Map<string, R | null>>

/** The index of one records array; get it with {@link indexOf}. */
export class RecordIndex<R extends StoredRecord> {
  constructor(
    readonly keysOf: UniqueKeys<R> | undefined,
    /** Shared with the copies; never changed once it is a base. */
    private base: Layer<R> | undefined,
    private own: Layer<R>,
    /** How many records of the array are indexed: records pushed past it are indexed on the next use. */
    public covered: number,
  ) {}

  /** The record whose unique key `name` is `key` (`id` included), or undefined. */
  get(name: string, key: string): R | undefined {
    const own = this.own.get(name)
    if (own?.has(key)) return own.get(key) ?? undefined
    return this.base?.get(name)?.get(key) ?? undefined
  }

  /** Indexes `record` under its id and unique keys (the caller pushed it or put it in place). */
  add(record: R): void {
    for (const [name, key] of this.entriesOf(record)) if (key !== undefined) this.layer(name).set(key, record)
  }

  /** Hides `record`'s keys, those that still name it (a replaced record's new version may hold them). */
  drop(record: R): void {
    for (const [name, key] of this.entriesOf(record)) {
      if (key !== undefined && this.get(name, key) === record) this.layer(name).set(key, null)
    }
  }

  /** An index of the same records for a copy of the array: the own layer becomes a shared base first. */
  copy(): RecordIndex<R> {
    if (this.base === undefined || [...this.own.values()].some((keys) => keys.size > 0)) {
      this.base = this.base === undefined ? this.own : merged(this.base, this.own)
      this.own = new Map()
    }
    return new RecordIndex(this.keysOf, this.base, new Map(), this.covered)
  }

  private entriesOf(record: R): [string, string | undefined][] {
    const entries: [string, string | undefined][] = [['id', record.id]]
    if (this.keysOf !== undefined) entries.push(...Object.entries(this.keysOf(record)))
    return entries
  }

  private layer(name: string): Map<string, R | null> {
    let layer = this.own.get(name)
    if (layer === undefined) {
      layer = new Map()
      this.own.set(name, layer)
    }
    return layer
  }
}

const indexes = new WeakMap<readonly StoredRecord[], RecordIndex<StoredRecord>>()

/**
 * The index of `records`, built on first use (one pass) and brought up to date with records pushed
 * onto the array since (as a seed does).
 *
 * @param keysOf - the collection's unique keys besides `id`; the same function on every call for one array.
 */
export function indexOf<R extends StoredRecord>(records: readonly R[], keysOf?: UniqueKeys<R>): RecordIndex<R> {
  let index = indexes.get(records) as RecordIndex<R> | undefined
  if (index === undefined || index.covered > records.length || index.keysOf !== keysOf) {
    index = new RecordIndex<R>(keysOf, undefined, new Map(), 0)
    indexes.set(records, index as unknown as RecordIndex<StoredRecord>)
  }
  for (; index.covered < records.length; index.covered++) index.add(records[index.covered]!)
  return index
}

/**
 * A shallow copy of a records array (the records are shared, being values) with a copy of its
 * index and of its id order (`id-order.ts`) when it has them: O(n) for the array only, so a reset
 * or a snapshot of 100,000 records takes a millisecond.
 *
 * @example
 * const live = copyRecords(baseline) // reset: the baseline's records, its index shared
 */
export function copyRecords<R extends StoredRecord>(records: readonly R[]): R[] {
  const copy = [...records]
  const index = indexes.get(records) as RecordIndex<R> | undefined
  if (index !== undefined) indexes.set(copy, indexOf(records, index.keysOf).copy() as unknown as RecordIndex<StoredRecord>)
  copyIdOrder(records, copy)
  return copy
}

/** A new base: `base` with `own`'s changes applied (only when a changed data set is copied). */
function merged<R>(base: Layer<R>, own: Layer<R>): Layer<R> {
  const layer: Layer<R> = new Map()
  for (const name of new Set([...base.keys(), ...own.keys()])) {
    const map = new Map(base.get(name))
    for (const [key, record] of own.get(name) ?? []) {
      if (record === null) map.delete(key)
      else map.set(key, record)
    }
    layer.set(name, map)
  }
  return layer
}
