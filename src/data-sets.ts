import type { DataSet } from './data-set.js'
import type { Runtime } from './runtime.js'
import { Sessions } from './sessions.js'
import type { AppData, Store, StoreData } from './store/db.js'
import type { PasswordHasher } from './users/password.js'
import type { UserRecord } from './users/record.js'
import { checkClashes } from './users/seed.js'
import { UsersService } from './users/service.js'

/**
 * Stored users (already hashed) by where they go: `users` for every app key
 * that `apps` does not name (spec §11 "fixtures"). As baselines, what each
 * data set starts from; as seed, what {@link DataSets.seed} adds.
 */
export interface UserLists {
  users: UserRecord[]
  apps: ReadonlyMap<string, UserRecord[]>
}

/**
 * The data sets of all app keys: each made from its baseline on first use,
 * reset alone or all together (spec §11 "unknown app key", "fixtures").
 * The store holds their data (`store.data.apps[key]`); this class holds the
 * services over them.
 */
export class DataSets {
  private readonly services = new Map<string, UsersService>()
  /** Seeded without a key: part of every data set, also those made later, until {@link reset} of all. */
  private seededForAll: UserRecord[] = []

  constructor(
    private readonly store: Store,
    private readonly baselines: UserLists,
    private readonly runtime: Runtime,
    private readonly hashPassword: PasswordHasher,
  ) {}

  /** The Users service of `key`'s data set (made on first use). */
  users(key: string): UsersService {
    let service = this.services.get(key)
    if (!service) {
      const dataSet = this.dataSet(key)
      service = new UsersService(dataSet, new Sessions(dataSet), this.hashPassword)
      this.services.set(key, service)
    }
    return service
  }

  /** The data of `key`'s data set, made from its baseline (and users seeded for all) on first use. */
  data(key: string): AppData {
    const apps = this.store.data.apps
    let data = apps[key]
    if (!data) {
      data = { users: structuredClone([...this.baseline(key), ...this.seededForAll]), sessions: {} }
      apps[key] = data
    }
    return data
  }

  /** The app keys whose data sets exist now, in order of first use. */
  keys(): string[] {
    return Object.keys(this.store.data.apps)
  }

  /**
   * Puts `key`'s data set back to its baseline, or with no key drops every
   * data set (each is made anew from its baseline on next use) and forgets
   * users seeded for all. Every session of the data sets reset ends.
   */
  async reset(key?: string): Promise<void> {
    if (key === undefined) {
      this.store.data.apps = Object.create(null) as StoreData['apps']
      this.seededForAll = []
    } else {
      this.store.data.apps[key] = { users: structuredClone(this.baseline(key)), sessions: {} }
    }
    await this.store.write()
  }

  /**
   * Adds seeded users: `users` to `key`'s data set, or without a key to every
   * data set until the next full reset, also those first used later; `apps`
   * to the data set of each key. `reset()` removes them again.
   *
   * @throws FixtureError when a user clashes (id, username or email) with a user
   *   of a data set it would join, or of a baseline; nothing is added then.
   */
  async seed(records: UserLists, key?: string, source = 'seed'): Promise<void> {
    const targets = new Map<string, UserRecord[]>()
    if (key !== undefined) targets.set(key, [...records.users])
    for (const [appKey, users] of records.apps) targets.set(appKey, [...(targets.get(appKey) ?? []), ...users])
    for (const [appKey, users] of targets) checkClashes(users, this.data(appKey).users, source)
    if (key === undefined && records.users.length > 0) {
      for (const appKey of this.keys()) checkClashes(records.users, this.data(appKey).users, source)
      for (const stored of [this.baselines.users, ...this.baselines.apps.values(), this.seededForAll]) {
        checkClashes(records.users, stored, source)
      }
      for (const appKey of this.keys()) this.data(appKey).users.push(...structuredClone(records.users))
      this.seededForAll.push(...records.users)
    }
    for (const [appKey, users] of targets) this.data(appKey).users.push(...structuredClone(users))
    await this.store.write()
  }

  private baseline(key: string): UserRecord[] {
    return this.baselines.apps.get(key) ?? this.baselines.users
  }

  private dataSet(key: string): DataSet {
    const sets = this
    return {
      key,
      get data() {
        return sets.data(key)
      },
      runtime: this.runtime,
      write: () => this.store.write(),
    }
  }
}
