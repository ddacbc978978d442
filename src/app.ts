import { Hono } from 'hono'
import { unknownEndpoint } from './errors.js'
import { loadFixtureFile, parseFixture, type Fixture } from './fixtures.js'
import { adminRoutes } from './http/admin.js'
import { apiRoutes } from './http/api.js'
import { renderFailure } from './http/envelope.js'
import { queryParams } from './http/params.js'
import type { MockCloudOptions } from './options.js'
import { DataSets, type UserLists } from './data-sets.js'
import { systemRuntime, type Runtime } from './runtime.js'
import { openStore, type Store } from './store/db.js'
import { passwordHasher, type PasswordHasher } from './users/password.js'
import { fixtureRecords } from './users/seed.js'

/** An in-process mock-cloud: the Hono app, its store and the test controls. */
export interface MockCloud {
  /** The HTTP app: serve it, or call `app.request('/v1/users/count.json?key=K')` with no socket. */
  app: Hono
  /** The lowdb store behind the app: `store.data.apps[KEY].users`, `.sessions`, one data set per app key used. */
  store: Store
  /** The data sets of the app keys (spec §11 "unknown app key"). */
  dataSets: DataSets
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
  /** Waits for the last write to reach the data file. */
  close(): Promise<void>
}

/**
 * Builds a mock-cloud without opening a port, for in-process tests.
 *
 * @throws RangeError when `passwordHashing` is neither `fast` nor `strict`.
 * @throws FixtureError when the fixtures are invalid (names the file, entry and field).
 * @throws DataFileError when the `data` file exists but cannot be used.
 * @example
 * const cloud = await createMockCloud({ fixtures: 'fixtures/users.json' })
 * const res = await cloud.app.request('/v1/users/count.json?key=TESTKEY')
 * // (await res.json()).meta.count → 6
 */
export async function createMockCloud(options: MockCloudOptions = {}): Promise<MockCloud> {
  const runtime: Runtime = systemRuntime
  const hashPassword = passwordHasher(options.passwordHashing)
  const hashed = (fixture: Fixture) => hashedUsers(fixture, runtime, hashPassword)
  const baselines = await hashed(await readFixture(options.fixtures))
  const store = await openStore(options.data)
  const dataSets = new DataSets(store, baselines, runtime, hashPassword)

  const cloud: MockCloud = {
    app: new Hono(),
    store,
    dataSets,
    reset: (key) => dataSets.reset(key),
    async seed(extra, key) {
      // Clashes are checked after the hashing, against the users stored then.
      await dataSets.seed(await hashed(parseFixture(extra, 'seed')), key)
    },
    async close() {
      await store.write()
    },
  }
  cloud.app.route('/', apiRoutes((key) => dataSets.users(key), new Set(options.appKeys ?? [])))
  cloud.app.route('/', adminRoutes(cloud))
  // Clients parse every reply as an envelope, also for paths outside /v1/ (e.g. a doubled slash).
  cloud.app.notFound((c) =>
    renderFailure(c, queryParams(c), unknownEndpoint(c.req.method, c.req.path), undefined),
  )
  return cloud
}

/** A fixture's users as stored users, each list hashed once. */
async function hashedUsers(fixture: Fixture, runtime: Runtime, hashPassword: PasswordHasher): Promise<UserLists> {
  const records = (users: Fixture['users']) => fixtureRecords(users, runtime, hashPassword)
  const apps = await Promise.all(Object.entries(fixture.apps ?? {}).map(async ([key, app]) => [key, await records(app.users)] as const))
  return { users: await records(fixture.users), apps: new Map(apps) }
}

async function readFixture(fixtures: MockCloudOptions['fixtures']): Promise<Fixture> {
  if (fixtures === undefined) return { users: [] }
  if (typeof fixtures === 'string') return loadFixtureFile(fixtures)
  return parseFixture(fixtures, 'fixtures option')
}
