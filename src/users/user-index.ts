import { copyIdOrder } from './id-order.js'
import type { UserRecord } from './record.js'

/**
 * Indexes of a users array by `id`, `username` and `email` (issue 5: a lookup takes the same
 * time at 100,000 users as at 1,000), kept beside the array in a WeakMap so the array stays
 * the plain JSON a `--data` file holds.
 *
 * Stored users are values: a write replaces a record, never changes one (see
 * `UserCollection.replace`). So a copy of a data set (a reset from its baseline, a snapshot)
 * shares the records and, through {@link copyUsers}, the index: both copies read one shared,
 * never-changed `base` and keep their own changes in a small `own` layer (a `null` there hides
 * a key of the base: a deleted user, a changed username or email). A reset of 100,000 users is
 * then a copy of the array, not of the users or their index.
 */

/** The three indexed fields. `username` and `email` are keys in their stored (lowercased) case. */
type Field = 'id' | 'username' | 'email'
const FIELDS: readonly Field[] = ['id', 'username', 'email']
type Layer = Record<Field, Map<string, UserRecord | null>>

/** The index of one users array; get it with {@link indexOf}. */
export class UserIndex {
  constructor(
    /** Shared with the copies; never changed once it is a base. */
    private base: Layer | undefined,
    private own: Layer,
    /** How many users of the array are indexed: users pushed past it are indexed on the next use. */
    public covered: number,
  ) {}

  /** The user whose `field` is `key` (`username`/`email` in stored case), or undefined. */
  get(field: Field, key: string): UserRecord | undefined {
    const own = this.own[field]
    if (own.has(key)) return own.get(key) ?? undefined
    return this.base?.[field].get(key) ?? undefined
  }

  /** Indexes `user` under its id, username and email (the caller pushed it or put it in place). */
  add(user: UserRecord): void {
    for (const field of FIELDS) {
      const key = user[field]
      if (key !== undefined) this.own[field].set(key, user)
    }
  }

  /** Hides `user`'s keys, those that still name it (a replaced user's new record may hold them). */
  drop(user: UserRecord): void {
    for (const field of FIELDS) {
      const key = user[field]
      if (key !== undefined && this.get(field, key) === user) this.own[field].set(key, null)
    }
  }

  /** An index of the same users for a copy of the array: the own layer becomes a shared base first. */
  copy(): UserIndex {
    if (this.base === undefined || this.ownSize() > 0) {
      this.base = this.base === undefined ? this.own : merged(this.base, this.own)
      this.own = emptyLayer()
    }
    return new UserIndex(this.base, emptyLayer(), this.covered)
  }

  private ownSize(): number {
    return this.own.id.size + this.own.username.size + this.own.email.size
  }
}

const indexes = new WeakMap<readonly UserRecord[], UserIndex>()

/**
 * The index of `users`, built on first use (one pass) and brought up to date with users pushed
 * onto the array since (as `DataSets.seed` does).
 */
export function indexOf(users: readonly UserRecord[]): UserIndex {
  let index = indexes.get(users)
  if (index === undefined || index.covered > users.length) {
    index = new UserIndex(undefined, emptyLayer(), 0)
    indexes.set(users, index)
  }
  for (; index.covered < users.length; index.covered++) index.add(users[index.covered]!)
  return index
}

/**
 * A shallow copy of a users array (the records are shared, being values) with a copy of its
 * index and of its id order (`id-order.ts`): O(n) for the array only, so a reset or a snapshot
 * of 100,000 users takes a millisecond.
 *
 * @example
 * const live = copyUsers(baseline) // reset: the baseline's users, its index shared
 */
export function copyUsers(users: readonly UserRecord[]): UserRecord[] {
  const copy = [...users]
  indexes.set(copy, indexOf(users).copy())
  copyIdOrder(users, copy)
  return copy
}

function emptyLayer(): Layer {
  return { id: new Map(), username: new Map(), email: new Map() }
}

/** A new base: `base` with `own`'s changes applied (only when a changed data set is copied). */
function merged(base: Layer, own: Layer): Layer {
  const layer = emptyLayer()
  for (const field of FIELDS) {
    const map = new Map(base[field])
    for (const [key, user] of own[field]) {
      if (user === null) map.delete(key)
      else map.set(key, user)
    }
    layer[field] = map
  }
  return layer
}
