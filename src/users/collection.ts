import type { Store } from '../store/db.js'
import type { UserRecord } from './record.js'

/**
 * Lookups and writes over the stored users, in one place so that an index can
 * replace the scans without touching the service. `username` and `email` are
 * stored lowercased, so lookups lowercase their argument (spec §11 "case").
 */
export class UserCollection {
  constructor(private readonly store: Store) {}

  /** Every user, in insertion order. Do not mutate the array. */
  all(): readonly UserRecord[] {
    return this.store.data.users
  }

  get size(): number {
    return this.store.data.users.length
  }

  byId(id: string): UserRecord | undefined {
    return this.store.data.users.find((user) => user.id === id)
  }

  byUsername(username: string): UserRecord | undefined {
    const wanted = username.toLowerCase()
    return this.store.data.users.find((user) => user.username === wanted)
  }

  byEmail(email: string): UserRecord | undefined {
    const wanted = email.toLowerCase()
    return this.store.data.users.find((user) => user.email === wanted)
  }

  /** The user a `login` value names: username or email (spec §3.2, case B01). */
  byLogin(login: string): UserRecord | undefined {
    return this.byUsername(login) ?? this.byEmail(login)
  }

  insert(user: UserRecord): void {
    this.store.data.users.push(user)
  }

  /** Removes these users; returns how many were removed. */
  remove(ids: ReadonlySet<string>): number {
    const before = this.store.data.users.length
    this.store.data.users = this.store.data.users.filter((user) => !ids.has(user.id))
    return before - this.store.data.users.length
  }
}
