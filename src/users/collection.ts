import type { DataSet } from '../data-set.js'
import { forgetIdOrder } from './id-order.js'
import { storedCase, type UserRecord } from './record.js'
import { indexOf } from './user-index.js'

/**
 * Lookups and writes over the stored users: lookups by id, username, email and login through
 * an index (`user-index.ts`), so they take the same time at 100,000 users as at 1,000 (issue 5).
 * `username` and `email` are stored in {@link storedCase}, and so are the lookups' arguments
 * (spec §11 "case").
 *
 * Stored records are values shared with baselines and snapshots: never change one, give
 * {@link replace} a new one.
 */
export class UserCollection {
  constructor(private readonly dataSet: DataSet) {}

  /**
   * Every user, in insertion order, which is creation order: the order
   * `users/query` keeps for ties (spec §11 "ties in order"). Do not mutate the array.
   */
  all(): readonly UserRecord[] {
    return this.dataSet.data.users
  }

  /** The user with this id, or undefined. */
  byId(id: string): UserRecord | undefined {
    return indexOf(this.dataSet.data.users).get('id', id)
  }

  /** The user with this username, in any case, or undefined. */
  byUsername(username: string): UserRecord | undefined {
    return indexOf(this.dataSet.data.users).get('username', storedCase(username))
  }

  /** The user with this email address, in any case, or undefined. */
  byEmail(email: string): UserRecord | undefined {
    return indexOf(this.dataSet.data.users).get('email', storedCase(email))
  }

  /** The user a `login` value names: username or email (spec §3.2, case B01). */
  byLogin(login: string): UserRecord | undefined {
    return this.byUsername(login) ?? this.byEmail(login)
  }

  /**
   * Adds a user at the end of the insertion order. Uniqueness of username and
   * email is the service's check, made before this (spec §11 "create errors").
   */
  insert(user: UserRecord): void {
    const users = this.dataSet.data.users
    const index = indexOf(users)
    users.push(user)
    index.add(user)
    index.covered = users.length
  }

  /**
   * Puts `next` where `current` is (same place in the insertion order), e.g. a user with an
   * update applied; uniqueness of a changed username or email is the service's check.
   *
   * @throws Error when `current` is not stored: read it and replace it with no await between.
   */
  replace(current: UserRecord, next: UserRecord): void {
    const users = this.dataSet.data.users
    const position = users.indexOf(current)
    if (position === -1) throw new Error(`user ${current.id} is not stored; read it again before replacing it`)
    const index = indexOf(users)
    users[position] = next
    index.drop(current)
    index.add(next)
    if (next.id !== current.id) forgetIdOrder(users)
  }

  /**
   * `current` with `changes` applied, as a new record put in its place ({@link replace}).
   *
   * @returns the new record, to answer with.
   */
  change(current: UserRecord, changes: Partial<UserRecord>): UserRecord {
    const next = { ...current, ...changes }
    this.replace(current, next)
    return next
  }

  /** Removes these users; ids that match no user are ignored. */
  remove(ids: ReadonlySet<string>): void {
    const users = this.dataSet.data.users
    const index = indexOf(users)
    let kept = 0
    for (const user of users) {
      if (ids.has(user.id)) index.drop(user)
      else users[kept++] = user
    }
    users.length = kept
    index.covered = kept
    forgetIdOrder(users)
  }
}
