import type { DataSet } from './data-set.js'
import type { WhereLimits } from './query/where-limits.js'
import type { Runtimes } from './runtime.js'
import { Sessions } from './sessions.js'
import type { AppData, Store, StoreData } from './store/db.js'
import type { PasswordHasher } from './users/password.js'
import type { UserRecord } from './users/record.js'
import { copyUsers } from './users/user-index.js'
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
 * A copy of data sets as they are at one moment, to put back later (snapshots,
 * issue 4 §2): `apps` holds copies of the data sets captured; `everyKey`
 * says it was taken of all of them, with the users seeded for every key.
 */
export interface CapturedState {
  apps: Map<string, AppData>
  everyKey?: { seededForAll: UserRecord[] }
}

/** Server-wide settings of the data sets. */
export interface DataSetSettings {
  /** Session lifetime in ms by the server's clock; undefined: never expire (issue 4 §5). */
  sessionLifetime?: number | undefined
  /** New users with an email must confirm it before they can log in (spec §7); default off. */
  emailVerification?: boolean | undefined
  /** Most custom fields one user may hold (issue 6 limits); default 200. */
  maxCustomFields?: number | undefined
  /** Size limits of a `where` (issue 6 limits); the query engine's defaults otherwise. */
  whereLimits?: WhereLimits | undefined
}

/**
 * A data set (users, sessions, pending tokens, outbox) as a copy that changes
 * apart from `data`: the one copy routine for baselines, resets, snapshots,
 * exports and imports. Missing `tokens` and `outbox` (a baseline, an export
 * or data file written before them) start empty. The user records are shared,
 * with their index (`copyUsers`): stored users are values, replaced and never
 * changed, so a reset of 100,000 users copies an array, not the users (issue 5).
 */
export function copyAppData(data: Readonly<Pick<AppData, 'users' | 'sessions'> & Partial<AppData>>): AppData {
  return {
    users: copyUsers(data.users),
    ...structuredClone({ sessions: data.sessions, tokens: data.tokens ?? {}, outbox: data.outbox ?? [] }),
  }
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
    private readonly runtimes: Runtimes,
    private readonly hashPassword: PasswordHasher,
    private readonly settings: DataSetSettings = {},
  ) {}

  /** The Users service of `key`'s data set (made on first use). */
  users(key: string): UsersService {
    let service = this.services.get(key)
    if (!service) {
      const dataSet = this.dataSet(key)
      service = new UsersService(dataSet, new Sessions(dataSet, this.settings.sessionLifetime), {
        hashPassword: this.hashPassword,
        emailVerification: this.settings.emailVerification ?? false,
        maxCustomFields: this.settings.maxCustomFields,
        whereLimits: this.settings.whereLimits,
      })
      this.services.set(key, service)
    }
    return service
  }

  /** The data of `key`'s data set, made from its baseline (and users seeded for all) on first use. */
  data(key: string): AppData {
    const apps = this.store.data.apps
    let data = apps[key]
    if (!data) {
      data = copyAppData({ users: this.baseline(key), sessions: {} })
      data.users.push(...this.seededForAll)
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
   * users seeded for all. Every session of the data sets reset ends. In
   * deterministic mode their generators start again from the seed.
   */
  async reset(key?: string): Promise<void> {
    if (key === undefined) {
      this.store.data.apps = Object.create(null) as StoreData['apps']
      this.seededForAll = []
    } else {
      this.store.data.apps[key] = copyAppData({ users: this.baseline(key), sessions: {} })
    }
    this.runtimes.restart(key)
    await this.store.write()
  }

  /**
   * A copy of `key`'s data set (made from its baseline if not used yet), or
   * without a key of every data set in use and the users seeded for every key.
   */
  capture(key?: string): CapturedState {
    if (key !== undefined) return { apps: new Map([[key, copyAppData(this.data(key))]]) }
    const apps = new Map(this.keys().map((appKey) => [appKey, copyAppData(this.data(appKey))]))
    return { apps, everyKey: { seededForAll: structuredClone(this.seededForAll) } }
  }

  /**
   * Puts captured data sets back, as copies (the state can be put back again):
   * only `key`'s when given (a key the state was taken without is made anew from
   * its baseline on next use), else every one the state holds. A state of every
   * key also drops data sets made since and brings back the users seeded for all then.
   */
  async putBack(state: CapturedState, key?: string): Promise<void> {
    if (key === undefined && state.everyKey) {
      this.store.data.apps = Object.create(null) as StoreData['apps']
      this.seededForAll = structuredClone(state.everyKey.seededForAll)
    }
    for (const [appKey, data] of state.apps) {
      if (key === undefined || key === appKey) this.store.data.apps[appKey] = copyAppData(data)
    }
    if (key !== undefined && !state.apps.has(key)) delete this.store.data.apps[key]
    await this.store.write()
  }

  /**
   * Replaces data sets with already validated data (`PUT /__mock/data`): `key`'s
   * with `data`, or without a key all of them with `data`'s (data sets it does not
   * name are made anew from their baselines on next use).
   */
  async replace(data: AppData | StoreData, key?: string): Promise<void> {
    if (key !== undefined) {
      this.store.data.apps[key] = copyAppData(data as AppData)
    } else {
      const apps = Object.create(null) as StoreData['apps']
      for (const [appKey, app] of Object.entries((data as StoreData).apps)) apps[appKey] = copyAppData(app)
      this.store.data.apps = apps
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
      get runtime() {
        return sets.runtimes.of(key)
      },
      write: () => this.store.write(),
    }
  }
}
