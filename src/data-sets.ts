import type { DataSet } from './data-set.js'
import type { Runtimes } from './runtime.js'
import type { AppSettings } from './engine/settings.js'
import { copyRecords } from './store/record-index.js'
import type { StoredRecord } from './store/stored-record.js'
import type { AppData, Collections, Store, StoreData } from './store/db.js'

/**
 * What one data set starts from: its stored collections and the app settings the fixture gives
 * it (docs/fixtures.md). Records are shared values, never changed.
 */
export interface Baseline {
  readonly collections: Readonly<Record<string, readonly StoredRecord[]>>
  readonly settings: Readonly<Partial<AppSettings>>
}

/**
 * Baselines by where they go: `all` for every app key that `apps` does not name
 * (docs/fixtures.md "Per app key"). As seed, what {@link DataSets.seed} adds.
 */
export interface Baselines {
  readonly all: Baseline
  readonly apps: ReadonlyMap<string, Baseline>
}

/**
 * A copy of data sets as they are at one moment, to put back later (snapshots,
 * docs/toolkit.md "Snapshots"): `apps` holds copies of the data sets captured; `everyKey`
 * says it was taken of all of them, with the records seeded for every key.
 */
export interface CapturedState {
  apps: Map<string, AppData>
  everyKey?: { seededForAll: Collections }
}

/**
 * A data set as a copy that changes apart from `data`: the one copy routine for baselines,
 * resets, snapshots, exports and imports. Missing parts (a baseline; an export or data file
 * written before them) start empty. Records are shared with their index and id order
 * (`copyRecords`): stored records are values, replaced and never changed, so a reset of 100,000
 * records copies arrays, not records.
 */
export function copyAppData(data: Readonly<Partial<AppData>>): AppData {
  const collections = Object.create(null) as Collections
  for (const [name, records] of Object.entries(data.collections ?? {})) collections[name] = copyRecords(records)
  return {
    collections,
    ...structuredClone({ sessions: data.sessions ?? {}, tokens: data.tokens ?? {}, outbox: data.outbox ?? [], pushes: data.pushes ?? [] }),
    ...(data.settings !== undefined && { settings: { ...data.settings } }),
  }
}

/**
 * The data sets of all app keys: each made from its baseline on first use, reset alone or all
 * together (docs/toolkit.md "Isolation by app key"). The store holds their data
 * (`store.data.apps[key]`).
 */
export class DataSets {
  /** Seeded without a key: part of every data set, also those made later, until {@link reset} of all. */
  private seededForAll: Collections = Object.create(null) as Collections

  constructor(
    private readonly store: Store,
    private readonly baselines: Baselines,
    private readonly runtimes: Runtimes,
  ) {}

  /** The data of `key`'s data set, made from its baseline (and records seeded for all) on first use. */
  data(key: string): AppData {
    const apps = this.store.data.apps
    let data = apps[key]
    if (!data) {
      data = this.fresh(key)
      for (const [name, records] of Object.entries(this.seededForAll)) (data.collections[name] ??= []).push(...records)
      apps[key] = data
    }
    return data
  }

  /** The app settings the fixture gives `key` (its own, else those of every key). */
  fixtureSettings(key: string): Readonly<Partial<AppSettings>> {
    return this.baseline(key).settings
  }

  /** `key`'s data set as its object services see it. */
  dataSet(key: string): DataSet {
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

  /** The app keys whose data sets exist now, in order of first use. */
  keys(): string[] {
    return Object.keys(this.store.data.apps)
  }

  /**
   * Puts `key`'s data set back to its baseline, or with no key drops every data set (each is made
   * anew from its baseline on next use) and forgets records seeded for all. Every session of the
   * data sets reset ends, run-time setting changes are undone. In deterministic mode their
   * generators start again from the seed.
   */
  async reset(key?: string): Promise<void> {
    if (key === undefined) {
      this.store.data.apps = Object.create(null) as StoreData['apps']
      this.seededForAll = Object.create(null) as Collections
    } else {
      this.store.data.apps[key] = this.fresh(key)
    }
    this.runtimes.restart(key)
    await this.store.write()
  }

  /**
   * A copy of `key`'s data set (made from its baseline if not used yet), or without a key of
   * every data set in use and the records seeded for every key.
   */
  capture(key?: string): CapturedState {
    if (key !== undefined) return { apps: new Map([[key, copyAppData(this.data(key))]]) }
    const apps = new Map(this.keys().map((appKey) => [appKey, copyAppData(this.data(appKey))]))
    return { apps, everyKey: { seededForAll: copyAppData({ collections: this.seededForAll }).collections } }
  }

  /**
   * Puts captured data sets back, as copies (the state can be put back again): only `key`'s when
   * given (a key the state was taken without is made anew from its baseline on next use), else
   * every one the state holds. A state of every key also drops data sets made since and brings
   * back the records seeded for all then.
   */
  async putBack(state: CapturedState, key?: string): Promise<void> {
    if (key === undefined && state.everyKey) {
      this.store.data.apps = Object.create(null) as StoreData['apps']
      this.seededForAll = copyAppData({ collections: state.everyKey.seededForAll }).collections
    }
    for (const [appKey, data] of state.apps) {
      if (key === undefined || key === appKey) this.store.data.apps[appKey] = copyAppData(data)
    }
    if (key !== undefined && !state.apps.has(key)) delete this.store.data.apps[key]
    await this.store.write()
  }

  /**
   * Replaces data sets with already validated data (`PUT /__mock/data`): `key`'s with `data`, or
   * without a key all of them with `data`'s (data sets it does not name are made anew from their
   * baselines on next use).
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
   * Adds seeded records: `all` to `key`'s data set, or without a key to every data set until the
   * next full reset, also those first used later; `apps` to the data set of each key. `reset()`
   * removes them again. The caller checked them for clashes ({@link targetsOf} names the stored
   * records they join).
   */
  async seed(records: Baselines, key?: string): Promise<void> {
    for (const [appKey, collections] of this.targets(records, key)) this.push(this.data(appKey).collections, collections)
    if (key === undefined) {
      for (const appKey of this.keys()) this.push(this.data(appKey).collections, records.all.collections)
      this.push(this.seededForAll, records.all.collections)
    }
    await this.store.write()
  }

  /**
   * Where seeded records would go, as pairs of (records to add, stored records they join), for
   * the clash checks before {@link seed}: every data set they join, and for records seeded to
   * every key also the baselines and the records seeded for all before.
   */
  targetsOf(records: Baselines, key?: string): [Readonly<Record<string, readonly StoredRecord[]>>, Readonly<Record<string, readonly StoredRecord[]>>][] {
    const pairs: [Readonly<Record<string, readonly StoredRecord[]>>, Readonly<Record<string, readonly StoredRecord[]>>][] = []
    for (const [appKey, collections] of this.targets(records, key)) pairs.push([collections, this.data(appKey).collections])
    if (key === undefined) {
      for (const appKey of this.keys()) pairs.push([records.all.collections, this.data(appKey).collections])
      for (const stored of [this.baselines.all, ...this.baselines.apps.values()]) pairs.push([records.all.collections, stored.collections])
      pairs.push([records.all.collections, this.seededForAll])
    }
    return pairs
  }

  private targets(records: Baselines, key?: string): Map<string, Record<string, StoredRecord[]>> {
    const targets = new Map<string, Record<string, StoredRecord[]>>()
    const add = (appKey: string, collections: Readonly<Record<string, readonly StoredRecord[]>>) => {
      const into = targets.get(appKey) ?? {}
      for (const [name, list] of Object.entries(collections)) (into[name] ??= []).push(...list)
      targets.set(appKey, into)
    }
    if (key !== undefined) add(key, records.all.collections)
    for (const [appKey, baseline] of records.apps) add(appKey, baseline.collections)
    return targets
  }

  private push(into: Collections, from: Readonly<Record<string, readonly StoredRecord[]>>): void {
    for (const [name, list] of Object.entries(from)) if (list.length > 0) (into[name] ??= []).push(...structuredClone(list))
  }

  private fresh(key: string): AppData {
    return copyAppData({ collections: this.baseline(key).collections as Collections })
  }

  private baseline(key: string): Baseline {
    return this.baselines.apps.get(key) ?? this.baselines.all
  }
}
