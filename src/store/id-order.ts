import type { StoredRecord } from './stored-record.js'

/**
 * The positions of a records array in id order, kept beside the array in a WeakMap (as its index
 * is, `record-index.ts`), so queries and counts do not sort every record on every call; results
 * come in id order, which is creation order (docs/api.md "Queries").
 *
 * Positions, not records, so a replaced record (an update: same place, same id) leaves the order
 * as it is. Records pushed onto the array are placed on the next use, one binary search each; a
 * removal ({@link forgetIdOrder}) moves positions, and the next use sorts again.
 */
interface IdOrder {
  /** Positions in the array, ascending by the id of the record there. */
  positions: number[]
  /** How many records of the array are placed: records pushed past it are placed on the next use. */
  covered: number
}

const orders = new WeakMap<readonly StoredRecord[], IdOrder>()

/**
 * The positions of `records` in ascending id order: sorted on first use (O(n log n)), then brought
 * up to date with records pushed since. Read it, do not change it.
 *
 * @example
 * for (const position of idOrder(records)) visit(records[position]!)
 */
export function idOrder(records: readonly StoredRecord[]): readonly number[] {
  let order = orders.get(records)
  if (order === undefined || order.covered > records.length) {
    const positions = Array.from(records, (_, position) => position)
    positions.sort((a, b) => compareIds(records[a]!.id, records[b]!.id))
    order = { positions, covered: records.length }
    orders.set(records, order)
  }
  for (; order.covered < records.length; order.covered++) place(order.positions, records, order.covered)
  return order.positions
}

/** Drops the order of `records` after positions moved (a removal); the next {@link idOrder} sorts again. */
export function forgetIdOrder(records: readonly StoredRecord[]): void {
  orders.delete(records)
}

/** Gives `copy`, a shallow copy of `records` (same records at the same positions), a copy of its order. */
export function copyIdOrder(records: readonly StoredRecord[], copy: readonly StoredRecord[]): void {
  const order = orders.get(records)
  if (order !== undefined) orders.set(copy, { positions: [...order.positions], covered: order.covered })
}

// New records usually have the highest id (ids grow with time), so the common case is a push.
function place(positions: number[], records: readonly StoredRecord[], position: number): void {
  const id = records[position]!.id
  let low = 0
  let high = positions.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareIds(records[positions[middle]!]!.id, id) <= 0) low = middle + 1
    else high = middle
  }
  if (low === positions.length) positions.push(position)
  else positions.splice(low, 0, position)
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * `records` (a group of `group-index.ts`, in no promised order) as a new array in ascending id
 * order, which is creation order (docs/api.md "Queries").
 */
export function inIdOrder<R extends StoredRecord>(records: Iterable<R>): R[] {
  return [...records].sort((a, b) => compareIds(a.id, b.id))
}

/** The record of `records` with the smallest id, the first made (docs/api.md "Queries"); undefined when none. */
export function firstInIdOrder<R extends StoredRecord>(records: Iterable<R>): R | undefined {
  let first: R | undefined
  for (const record of records) if (first === undefined || compareIds(record.id, first.id) < 0) first = record
  return first
}
