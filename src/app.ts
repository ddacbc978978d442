import { dirname, resolve } from 'node:path'
import { Hono } from 'hono'
import { Clock, parseDuration } from './clock.js'
import { exportData, importData } from './data-transfer.js'
import { ApiError, unknownEndpoint } from './errors.js'
import { loadFixtureFileWith, parseFixtureWith } from './fixtures.js'
import { OBJECTS, type Fixture } from './objects/index.js'
import { adminRoutes } from './http/admin.js'
import { apiRoutes } from './http/api.js'
import { storageRoutes } from './http/storage.js'
import { renderFailure } from './http/envelope.js'
import { queryParams } from './http/params.js'
import { limits, whereLimitsOf } from './limits.js'
import type { MockCloudOptions } from './options.js'
import { checkOptions, MOCK_CLOUD_OPTIONS } from './option-check.js'
import { DataSets } from './data-sets.js'
import { Faults, type Fault, type FaultSpec } from './faults.js'
import { Journal, parseJournalFilter, type JournalEntry, type JournalFilter } from './journal.js'
import { DETERMINISTIC_START, serverRuntimes } from './runtime.js'
import { Snapshots, type SnapshotInfo } from './snapshots.js'
import { closeStore, openStore, type AppData, type Store, type StoreData } from './store/db.js'
import { readOutbox, type OutboxMail } from './outbox.js'
import { readPushes, type OutboxPush } from './push-outbox.js'
import { passwordHasher, type PasswordHashing } from './engine/password-hashing.js'
import { Router } from './engine/router.js'
import { ServiceDirectory } from './engine/services.js'
import { parseSettings } from './engine/settings-input.js'
import type { AppSettings } from './engine/settings.js'
import type { UnprocessedUpload } from './engine/processing.js'
import type { ServerConfig } from './engine/server-config.js'
import { baselinesOf, checkSeedClashes, fixtureParts, readFixture, recordChecks } from './registry.js'

/** An in-process mock-cloud: the Hono app, its store and the test controls. */
export interface MockCloud {
  /** The HTTP app: serve it, or call `app.request('/v1/users/count.json?key=K')` with no socket. */
  app: Hono
  /**
   * The lowdb store behind the app: `store.data.apps[KEY].users`, `.sessions`, one data set per app key used.
   * Read it only: stored users are shared with the fixture baseline and snapshots.
   */
  store: Store
  /** The data sets of the app keys (docs/api.md "App keys"). */
  dataSets: DataSets
  /** The object services of every app key, and the app settings in force for each. */
  services: ServiceDirectory
  /**
   * The app settings in force for `key` now (docs/app-settings.md): its run-time changes, over
   * the fixture's, over the server's, over the defaults.
   */
  settings(key: string): AppSettings
  /**
   * Changes app settings for `key` until its next reset (docs/app-settings.md); `null` for a
   * setting puts back the value it had before any change.
   * @throws ApiError 400 naming an unknown setting or a value it cannot take.
   */
  setSettings(key: string, changes: Readonly<Record<string, unknown>>): Promise<AppSettings>
  /**
   * Puts `key`'s data set back to its fixture baseline, or without a key every
   * data set: users created since are gone, their sessions end.
   */
  reset(key?: string): Promise<void>
  /**
   * Adds the users of a fixture (same format as a fixture file): its `users` to
   * `key`'s data set, or without a key to every data set (also those first used
   * later) until the next `reset()`; its `apps` to each named key. `reset()` removes them again.
   * @throws FixtureError for an invalid fixture or a user clashing with a stored one.
   */
  seed(fixture: Fixture, key?: string): Promise<void>
  /**
   * The server's clock (docs/toolkit.md): `freeze()`, `set(date | ISO)`, `advance('25h' | ms)`,
   * `now()`, `unfreeze()`. It drives created_at/updated_at, ids' time part and session expiry.
   */
  clock: Clock
  /**
   * Saves `key`'s data set, or without a key every data set, as snapshot `name`
   * (in memory; same as `POST /__mock/snapshots/NAME[?key=K]`). A name taken again is replaced.
   */
  snapshot(name: string, key?: string): Promise<SnapshotInfo>
  /**
   * Puts snapshot `name` back: `key`'s data set, or without a key all it holds
   * (`POST /__mock/snapshots/NAME/restore[?key=K]`).
   * @throws ApiError (code 404) for an unknown snapshot, or one that holds nothing for `key`.
   */
  restore(name: string, key?: string): Promise<void>
  /** The snapshots taken (`GET /__mock/snapshots`). */
  snapshots(): SnapshotInfo[]
  /**
   * Forgets snapshot `name`, or only `key`'s part of it (`DELETE /__mock/snapshots/NAME[?key=K]`).
   * @throws ApiError (code 404) as `restore`.
   */
  deleteSnapshot(name: string, key?: string): void
  /**
   * A copy of `key`'s data set as `{ users, sessions, tokens, outbox }` (stored users with their password
   * hashes), or without a key of all as `{ apps }`: the data file's layout (`GET /__mock/data[?key=K]`).
   */
  exportData(key?: string): AppData | StoreData
  /**
   * Replaces `key`'s data set (or all) with an export (`PUT /__mock/data[?key=K]`).
   * @throws ApiError (code 400) naming the first problem; nothing changes then.
   */
  importData(data: unknown, key?: string): Promise<void>
  /**
   * The mails the real service would have sent (confirmation, password reset,
   * welcome; docs/users.md "Account flows"), recorded instead: `key`'s, or without a key every data
   * set's, oldest first, each with its app key. A reset of a key clears its mails.
   */
  outbox(key?: string): OutboxMail[]
  /**
   * The pushes the real service would have delivered (docs/push-notifications.md "The push
   * outbox"), recorded instead: `key`'s, or without a key every data set's, oldest first, each with
   * its app key and every recipient device with the payload it would get. A reset of a key clears them.
   */
  pushes(key?: string): OutboxPush[]
  /**
   * The uploads (Files, Photos) held unprocessed by the `processing` app setting's `manual` mode
   * (docs/app-settings.md "processing"): `key`'s, or without a key every data set's, each with its
   * app key, its object (`photos`, `files`) and its id.
   */
  unprocessed(key?: string): UnprocessedUpload[]
  /**
   * Processes held uploads (docs/app-settings.md "processing"): those `ids` names, or every held
   * one without `ids`, of `key`'s data set or without a key of every data set; from the next
   * request on they show `processed: true` and their URLs serve their bytes.
   *
   * @returns the uploads released.
   * @throws ApiError 400 naming an id that is not held unprocessed (nothing is released then).
   */
  release(ids?: readonly string[], key?: string): Promise<UnprocessedUpload[]>
  /**
   * The request journal: the `/v1` calls received, oldest first, with secrets redacted
   * (the twin of `GET /__mock/requests`). Every condition given must hold.
   *
   * @param filter - `key` (null: calls that sent none), `method_name` (`loginUser`), `status`
   *   (the HTTP status or `meta.code`), `since` (a `Date`, ISO 8601 text or milliseconds: calls that arrived then or later).
   * @throws ApiError 400 for an unknown method_name, a status outside 100–599 or an unreadable since.
   * @example
   * cloud.requests({ key: 'TESTKEY', method_name: 'loginUser', status: 401 })
   */
  requests(filter?: JournalFilter): JournalEntry[]
  /** Empties the journal of `key`, or of every key; returns how many calls were removed. */
  clearRequests(key?: string): number
  /**
   * Adds a fault: the next `times` calls (default 1) of an endpoint, for `key` or every key,
   * fail with `error`, wait `delay` ms first, or lose their connection (`drop`).
   *
   * @returns the fault's id (`fault-1`, ...).
   * @throws ApiError 400 naming the field that is wrong (see `Faults.add`).
   * @example
   * cloud.fault({ key: 'TESTKEY', method_name: 'loginUser', times: 2, error: { code: 503, message: 'Down' } })
   */
  fault(spec: FaultSpec): string
  /** The live faults scoped to `key` (without a key, all of them), oldest first. */
  faults(key?: string): Fault[]
  /** Removes the faults scoped to `key` (without a key, all); returns how many. */
  clearFaults(key?: string): number
  /** Waits for the last write to reach the data file and releases its lock (`FILE.lock`). */
  close(): Promise<void>
}

/**
 * Builds a mock-cloud without opening a port, for in-process tests.
 *
 * @throws OptionError (a RangeError) naming an unknown option, with the closest known one, or an
 *   option of the wrong type or out of range (docs/toolkit.md "Options"); RangeError when
 *   `settings` holds an unknown setting or a value it cannot take.
 * @throws FixtureError when the fixtures are invalid (names the file, entry and field).
 * @throws DataFileError when the `data` file exists but cannot be used.
 * @example
 * const cloud = await createMockCloud({ fixtures: 'fixtures/users.json' })
 * const res = await cloud.app.request('/v1/users/count.json?key=TESTKEY')
 * // (await res.json()).meta.count → 6
 */
export async function createMockCloud(options: MockCloudOptions = {}): Promise<MockCloud> {
  checkOptions('createMockCloud', MOCK_CLOUD_OPTIONS, options)
  const serverLimits = limits(options.limits)
  const server: ServerConfig = {
    hashPassword: passwordHasher(options.passwordHashing as PasswordHashing | undefined),
    maxCustomFields: serverLimits.maxCustomFields,
    whereLimits: whereLimitsOf(serverLimits),
  }
  const serverSettings = settingsOption(options)
  // Every option is checked before the data file is opened: a throw after it would keep its lock.
  const journal = new Journal(options.journalLimit)
  const seed = options.seed === undefined ? undefined : String(options.seed)
  const clock = seed === undefined ? new Clock() : new Clock(DETERMINISTIC_START)
  const runtimes = serverRuntimes(clock, seed)
  const fixtureSource = typeof options.fixtures === 'string' ? options.fixtures : 'fixtures option'
  // Paths in a fixture file's entries start from its folder; in a fixture given in code, from the current directory.
  const fixtureFolder = typeof options.fixtures === 'string' ? dirname(resolve(options.fixtures)) : process.cwd()
  const baselines = await baselinesOf(OBJECTS, await readFixture(OBJECTS, options.fixtures), runtimes, server, fixtureSource, fixtureFolder)
  const store = await openStore(recordChecks(OBJECTS), options.data)
  const dataSets = new DataSets(store, baselines, runtimes)
  const services = new ServiceDirectory(OBJECTS, dataSets, server, serverSettings)
  const snapshots = new Snapshots(dataSets)
  const router = new Router(OBJECTS)
  const faults = new Faults(router, clock)
  const methodNames = new Set(router.methodNames())
  /** `key` when its data set is in use, else none; without a key, every app key in use. */
  const keysInUse = (key: string | undefined): string[] =>
    key === undefined ? Object.keys(store.data.apps) : store.data.apps[key] === undefined ? [] : [key]

  const cloud: MockCloud = {
    app: new Hono(),
    store,
    dataSets,
    services,
    settings: (key) => services.settings(key),
    async setSettings(key, changes) {
      const parsed = parseSettings(Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null)))
      if (typeof parsed === 'string') throw new ApiError(400, `Invalid settings: ${parsed}`)
      const data = dataSets.data(key)
      const kept = Object.fromEntries(Object.entries(data.settings ?? {}).filter(([name]) => !(name in changes)))
      data.settings = { ...kept, ...parsed }
      // Back to instant processing, the uploads still held are processed before the next request.
      if (services.settings(key).processing === 'instant') services.release(key)
      await store.write()
      return services.settings(key)
    },
    async reset(key) {
      await dataSets.reset(key)
      journal.clear(key)
      faults.clear(key)
    },
    async seed(extra, key) {
      // A seeded entry may name a user the data set it joins already has (the records of every key: a baseline user).
      const storedUsers = (appKey: string | undefined) => {
        const target = appKey ?? key
        return target === undefined ? (baselines.all.collections.users ?? []) : (dataSets.data(target).collections.users ?? [])
      }
      const records = await baselinesOf(OBJECTS, parseFixtureWith(fixtureParts(OBJECTS), extra, 'seed'), runtimes, server, 'seed', process.cwd(), { key, storedUsers })
      checkSeedClashes(OBJECTS, dataSets.targetsOf(records, key), 'seed')
      await dataSets.seed(records, key)
    },
    clock,
    snapshot: async (name, key) => snapshots.save(name, key),
    restore: (name, key) => snapshots.restore(name, key),
    snapshots: () => snapshots.list(),
    deleteSnapshot: (name, key) => snapshots.delete(name, key),
    exportData: (key) => exportData(dataSets, key),
    importData: (data, key) => importData(dataSets, recordChecks(OBJECTS), data, key),
    outbox: (key) => readOutbox(store.data.apps, key),
    pushes(key) {
      // Due schedules fire first, in memory: the store holds the sends and the schedules' progress
      // together, so the next write persists both (docs/push-schedules.md "Firing").
      for (const appKey of keysInUse(key)) services.due(appKey)
      return readPushes(store.data.apps, key)
    },
    unprocessed: (key) => keysInUse(key).flatMap((appKey) => services.held(appKey)),
    async release(ids, key) {
      const keys = keysInUse(key)
      const wanted = ids === undefined ? undefined : new Set(ids.map((id) => id.toLowerCase()))
      if (wanted !== undefined) {
        const held = new Set(keys.flatMap((appKey) => services.held(appKey).map((upload) => upload.id)))
        const missing = [...wanted].find((id) => !held.has(id))
        if (missing !== undefined) throw new ApiError(400, `Invalid ids parameter: no upload ${JSON.stringify(missing)} is held unprocessed${key === undefined ? '' : ` for key ${JSON.stringify(key)}`}`)
      }
      const released = keys.flatMap((appKey) => services.release(appKey, wanted))
      if (released.length > 0) await store.write()
      return released
    },
    requests: (filter = {}) => journal.entries(parseJournalFilter(filter, methodNames)),
    clearRequests: (key) => journal.clear(key),
    fault: (spec) => faults.add(spec).id,
    faults: (key) => faults.list(key),
    clearFaults: (key) => faults.clear(key),
    close: () => closeStore(store),
  }
  const toolkit = { journal, faults, clock }
  const api = { appKeys: new Set(options.appKeys ?? []), maxBodyBytes: serverLimits.maxBodyBytes, defaultAppKey: options.defaultAppKey }
  cloud.app.route('/', apiRoutes(router, services, api, toolkit))
  cloud.app.route('/', storageRoutes(OBJECTS, services, api))
  cloud.app.route('/', adminRoutes(cloud, options.adminToken, api, server.whereLimits))
  // Clients parse every reply as an envelope, also for paths outside /v1/ (e.g. a doubled slash).
  cloud.app.notFound((c) =>
    renderFailure(c, queryParams(c), unknownEndpoint(c.req.method, c.req.path), undefined),
  )
  return cloud
}

/**
 * Checks and normalises a fixture given in code (same format as a fixture file, docs/fixtures.md).
 *
 * @throws FixtureError naming the entry and the field of the first problem.
 */
export function parseFixture(json: unknown, source: string): Fixture {
  return parseFixtureWith(fixtureParts(OBJECTS), json, source) as Fixture
}

/**
 * Reads and checks a fixture file (docs/fixtures.md).
 *
 * @throws FixtureError when it is missing, not JSON (line and column), or breaks a rule.
 */
export function loadFixtureFile(path: string): Promise<Fixture> {
  return loadFixtureFileWith(fixtureParts(OBJECTS), path) as Promise<Fixture>
}

/** The server-wide app settings from the options: `settings`, and the older `emailVerification` and `sessionLifetime`. */
function settingsOption(options: MockCloudOptions): Partial<AppSettings> {
  const given: Record<string, unknown> = { ...options.settings }
  if (options.emailVerification !== undefined) given.emailVerification = options.emailVerification
  // Checked by createMockCloud's option schema: a positive duration.
  if (options.sessionLifetime !== undefined) given.sessionLifetime = parseDuration(options.sessionLifetime)
  const parsed = parseSettings(given)
  if (typeof parsed === 'string') throw new RangeError(parsed)
  return parsed
}
