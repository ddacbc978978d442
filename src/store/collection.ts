import type { DataSet } from '../data-set.js'
import { isObjectId } from '../ids.js'
import { forgetIdOrder, idOrder } from './id-order.js'
import { groupsOf, type GroupOf } from './group-index.js'
import { indexOf, type UniqueKeys } from './record-index.js'
import type { StoredRecord } from './stored-record.js'

const NONE: readonly never[] = Object.freeze([])

/**
 * One stored collection of a data set (`users`, `acls`, `objects:cars`, ...) and the only writer
 * of its records: lookups by id and by the collection's unique keys go through an index
 * (`record-index.ts`), scans go in id order (`id-order.ts`), and both stay correct because every
 * write goes through here. A grouped collection (reviews and likes, by the object they are about)
 * also keeps its records by group (`group-index.ts`), changed in the same step as each write. A
 * collection that was never written reads as empty and is created by its first insert.
 *
 * Stored records are values shared with baselines, snapshots and per-record caches: never change
 * one, give {@link replace} (or {@link change}) a new one.
 *
 * @typeParam R - the record type, `readonly` all through.
 * @example
 * const acls = new Collection<AclRecord>(dataSet, 'acls')
 * acls.insert(record); acls.byId(record.id) === record
 */
export class Collection<R extends StoredRecord> {
  /**
   * @param name - the collection's name in the data set (`AppData.collections`).
   * @param keysOf - its unique keys besides `id`; uniqueness itself is the object's check, before a write.
   * @param groupOf - its grouping, for {@link group}; the same function for every `Collection` of this name.
   */
  constructor(
    private readonly dataSet: DataSet,
    readonly name: string,
    private readonly keysOf?: UniqueKeys<R>,
    private readonly groupOf?: GroupOf<R>,
  ) {}

  /** Every record in insertion order (the order ties keep). Do not mutate the array. */
  all(): readonly R[] {
    const collections = this.dataSet.data.collections
    return Object.hasOwn(collections, this.name) ? (collections[this.name] as R[]) : NONE
  }

  /** Whether the collection was ever written (and not dropped) in this data set. */
  exists(): boolean {
    return Object.hasOwn(this.dataSet.data.collections, this.name)
  }

  /** How many records it holds. */
  get size(): number {
    return this.all().length
  }

  /** The record with this id, or undefined. */
  byId(id: string): R | undefined {
    return indexOf(this.all(), this.keysOf).get('id', id)
  }

  /**
   * The record an id as a client sent it names (docs/api.md: ids are 24 hex digits, in any case),
   * or undefined for a malformed id or one of no record.
   *
   * @example
   * posts.byIdAsSent('5F00000000000000000000AA') === posts.byId('5f00000000000000000000aa')
   */
  byIdAsSent(id: string): R | undefined {
    return isObjectId(id) ? this.byId(id.toLowerCase()) : undefined
  }

  /** The record whose unique key `name` (as `keysOf` gives it) is `key`, or undefined. */
  by(name: string, key: string): R | undefined {
    return indexOf(this.all(), this.keysOf).get(name, key)
  }

  /**
   * The records filed under group `key` by the collection's `groupOf`, in no promised order; empty
   * for a collection made without one. Do not change the set.
   */
  group(key: string): ReadonlySet<R> {
    return this.groupOf === undefined ? new Set() : groupsOf(this.all(), this.groupOf).get(key)
  }

  /**
   * The records `accept` takes (all without it), in id order, which is creation order; the first
   * `wanted` of them only, when fewer are needed (a page with no order and no count).
   */
  scan(accept?: (record: R) => boolean, wanted = Infinity): R[] {
    const records = this.all()
    const found: R[] = []
    for (const position of idOrder(records)) {
      if (found.length >= wanted) break
      const record = records[position]!
      if (accept === undefined || accept(record)) found.push(record)
    }
    return found
  }

  /** Adds a record at the end of the insertion order. */
  insert(record: R): void {
    const records = this.writable()
    const index = indexOf(records, this.keysOf)
    const groups = this.groupOf && groupsOf(records, this.groupOf)
    records.push(record)
    index.add(record)
    index.covered = records.length
    if (groups) {
      groups.add(record)
      groups.covered = records.length
    }
  }

  /**
   * Puts `next` where `current` is (same place in the insertion order).
   *
   * @throws Error when `current` is not stored: read it and replace it with no await between.
   */
  replace(current: R, next: R): void {
    const records = this.writable()
    const position = records.indexOf(current)
    if (position === -1) throw new Error(`${this.name} record ${current.id} is not stored; read it again before replacing it`)
    const index = indexOf(records, this.keysOf)
    const groups = this.groupOf && groupsOf(records, this.groupOf)
    records[position] = next
    index.drop(current)
    index.add(next)
    groups?.drop(current)
    groups?.add(next)
    if (next.id !== current.id) forgetIdOrder(records)
  }

  /** `current` with `changes` applied, as a new record put in its place; returns it. */
  change(current: R, changes: Partial<R>): R {
    const next = { ...current, ...changes }
    this.replace(current, next)
    return next
  }

  /** Removes these records; ids that match none are ignored. Returns how many went. */
  remove(ids: ReadonlySet<string>): number {
    if (!this.exists()) return 0
    const records = this.writable()
    const index = indexOf(records, this.keysOf)
    const groups = this.groupOf && groupsOf(records, this.groupOf)
    let kept = 0
    for (const record of records) {
      if (ids.has(record.id)) {
        index.drop(record)
        groups?.drop(record)
      } else records[kept++] = record
    }
    const removed = records.length - kept
    records.length = kept
    index.covered = kept
    if (groups) groups.covered = kept
    forgetIdOrder(records)
    return removed
  }

  /** Drops the whole collection: it reads as never written again. */
  drop(): void {
    delete this.dataSet.data.collections[this.name]
  }

  private writable(): R[] {
    const collections = this.dataSet.data.collections
    if (!Object.hasOwn(collections, this.name)) collections[this.name] = []
    return collections[this.name] as R[]
  }
}
