import type { DataSet } from '../data-set.js'
import { storedCase, type UserRecord } from './record.js'

/**
 * Lookups and writes over the stored users, in one place so that an index can
 * replace the scans without touching the service. `username` and `email` are
 * stored in {@link storedCase}, and so are the lookups' arguments (spec §11 "case").
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
    return this.dataSet.data.users.find((user) => user.id === id)
  }

  /** The user with this username, in any case, or undefined. */
  byUsername(username: string): UserRecord | undefined {
    const wanted = storedCase(username)
    return this.dataSet.data.users.find((user) => user.username === wanted)
  }

  /** The user with this email address, in any case, or undefined. */
  byEmail(email: string): UserRecord | undefined {
    const wanted = storedCase(email)
    return this.dataSet.data.users.find((user) => user.email === wanted)
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
    this.dataSet.data.users.push(user)
  }

  /** Removes these users; ids that match no user are ignored. */
  remove(ids: ReadonlySet<string>): void {
    this.dataSet.data.users = this.dataSet.data.users.filter((user) => !ids.has(user.id))
  }
}
