import type { UserRecord } from './record.js'

/**
 * The positions of a users array in id order, kept beside the array in a WeakMap (as its index is,
 * `user-index.ts`), so `users/query`, `users/count` and `users/search` do not sort every user on
 * every call (issue 5); their results come in id order, which is creation order (spec §11 "order").
 *
 * Positions, not records, so a replaced record (an update: same place, same id) leaves the order
 * as it is. Users pushed onto the array are placed on the next use, one binary search each; a
 * removal ({@link forgetIdOrder}) moves positions, and the next use sorts again.
 */
interface IdOrder {
  /** Positions in the array, ascending by the id of the user there. */
  positions: number[]
  /** How many users of the array are placed: users pushed past it are placed on the next use. */
  covered: number
}

const orders = new WeakMap<readonly UserRecord[], IdOrder>()

/**
 * The positions of `users` in ascending id order: sorted on first use (O(n log n)), then brought up
 * to date with users pushed since (as `UserCollection.insert` and `DataSets.seed` do). Read it, do
 * not change it.
 *
 * @example
 * for (const position of idOrder(users)) visit(users[position]!)
 */
export function idOrder(users: readonly UserRecord[]): readonly number[] {
  let order = orders.get(users)
  if (order === undefined || order.covered > users.length) {
    const positions = Array.from(users, (_, position) => position)
    positions.sort((a, b) => compareIds(users[a]!.id, users[b]!.id))
    order = { positions, covered: users.length }
    orders.set(users, order)
  }
  for (; order.covered < users.length; order.covered++) place(order.positions, users, order.covered)
  return order.positions
}

/** Drops the order of `users` after positions moved (a removal); the next {@link idOrder} sorts again. */
export function forgetIdOrder(users: readonly UserRecord[]): void {
  orders.delete(users)
}

/** Gives `copy`, a shallow copy of `users` (same records at the same positions), a copy of its order. */
export function copyIdOrder(users: readonly UserRecord[], copy: readonly UserRecord[]): void {
  const order = orders.get(users)
  if (order !== undefined) orders.set(copy, { positions: [...order.positions], covered: order.covered })
}

// New users usually have the highest id (ids grow with time), so the common case is a push.
function place(positions: number[], users: readonly UserRecord[], position: number): void {
  const id = users[position]!.id
  let low = 0
  let high = positions.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareIds(users[positions[middle]!]!.id, id) <= 0) low = middle + 1
    else high = middle
  }
  if (low === positions.length) positions.push(position)
  else positions.splice(low, 0, position)
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
