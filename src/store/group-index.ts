import type { StoredRecord } from './stored-record.js'

/**
 * The group of a record: the key under which a grouped collection files it (a review or a like
 * under the object it is about, `Photo:<id>`); undefined files it nowhere.
 */
export type GroupOf<R> = (record: R) => string | undefined

const NONE: ReadonlySet<never> = new Set()

/**
 * The records of one array by group, kept beside the array in a WeakMap (as its unique index is,
 * `record-index.ts`) and brought up to date by every write of its `Collection`, in the same
 * synchronous step as the write: what is read from it is always what the array holds, so counts
 * made from it (a photo's `likes_count`, docs/architecture.md "Reviews and likes") cannot drift.
 * Get it with {@link groupsOf}.
 */
export class GroupIndex<R extends StoredRecord> {
  private readonly groups = new Map<string, Set<R>>()

  constructor(
    readonly groupOf: GroupOf<R>,
    /** How many records of the array are filed: records pushed past it are filed on the next use. */
    public covered: number,
  ) {}

  /** The records filed under `key`, in no promised order; empty when none. Do not change it. */
  get(key: string): ReadonlySet<R> {
    return this.groups.get(key) ?? NONE
  }

  /** Files `record` under its group (the caller pushed it or put it in place). */
  add(record: R): void {
    const key = this.groupOf(record)
    if (key === undefined) return
    let group = this.groups.get(key)
    if (group === undefined) {
      group = new Set()
      this.groups.set(key, group)
    }
    group.add(record)
  }

  /** Takes `record` out of its group (the caller removed or replaced it). */
  drop(record: R): void {
    const key = this.groupOf(record)
    if (key === undefined) return
    const group = this.groups.get(key)
    if (group === undefined) return
    group.delete(record)
    if (group.size === 0) this.groups.delete(key)
  }
}

const indexes = new WeakMap<readonly StoredRecord[], GroupIndex<StoredRecord>>()

/**
 * The group index of `records`, built on first use (one pass) and brought up to date with records
 * pushed onto the array since (a seed, an insert). A copy of the array (a reset, a snapshot) gets
 * an index of its own on its first use.
 *
 * @param groupOf - the collection's grouping; the same function on every call for one array.
 */
export function groupsOf<R extends StoredRecord>(records: readonly R[], groupOf: GroupOf<R>): GroupIndex<R> {
  let index = indexes.get(records) as GroupIndex<R> | undefined
  if (index === undefined || index.covered > records.length || index.groupOf !== groupOf) {
    index = new GroupIndex<R>(groupOf, 0)
    indexes.set(records, index as unknown as GroupIndex<StoredRecord>)
  }
  for (; index.covered < records.length; index.covered++) index.add(records[index.covered]!)
  return index
}
