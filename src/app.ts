import { Hono } from 'hono'
import { unknownEndpoint } from './errors.js'
import { loadFixtureFile, parseFixture, type Fixture } from './fixtures.js'
import { adminRoutes } from './http/admin.js'
import { apiRoutes } from './http/api.js'
import { renderFailure } from './http/envelope.js'
import { queryParams } from './http/params.js'
import type { MockCloudOptions } from './options.js'
import { Sessions } from './sessions.js'
import { openStore, type Store, type StoreData } from './store/db.js'
import { passwordHasher } from './users/password.js'
import { checkClashes, fixtureRecords } from './users/seed.js'
import { UsersService } from './users/service.js'

/** An in-process mock-cloud: the Hono app, its store and the test controls. */
export interface MockCloud {
  /** The HTTP app: serve it, or call `app.request('/v1/users/count.json?key=K')` with no socket. */
  app: Hono
  /** The lowdb store behind the app (`store.data.users`, `store.data.sessions`). */
  store: Store
  /** Puts the data back to the fixture baseline: users created since are gone, every session ends. */
  reset(): Promise<void>
  /**
   * Adds the users of a fixture (same format as a fixture file) to the current data.
   * `reset()` removes them again.
   * @throws FixtureError for an invalid fixture or a user clashing with a stored one.
   */
  seed(fixture: Fixture): Promise<void>
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
  const hashPassword = passwordHasher(options.passwordHashing)
  const fixture = await readFixture(options.fixtures)
  // The baseline is cloned on every use: lowdb keeps the object it is given,
  // so handing it over directly would let test writes leak into resets (case B23).
  const baseline: StoreData = { users: await fixtureRecords(fixture, hashPassword), sessions: {} }
  const store = await openStore(structuredClone(baseline), options.data)
  const service = new UsersService(store, new Sessions(store), hashPassword)

  const cloud: MockCloud = {
    app: new Hono(),
    store,
    async reset() {
      store.data = structuredClone(baseline)
      await store.write()
    },
    async seed(extra) {
      const records = await fixtureRecords(parseFixture(extra, 'seed'), hashPassword)
      // Checked after the hashing, against the users stored now.
      checkClashes(records, store.data.users, 'seed')
      store.data.users.push(...records)
      await store.write()
    },
    async close() {
      await store.write()
    },
  }
  cloud.app.route('/', apiRoutes(service, new Set(options.appKeys ?? [])))
  cloud.app.route('/', adminRoutes(cloud))
  // Clients parse every reply as an envelope, also for paths outside /v1/ (e.g. a doubled slash).
  cloud.app.notFound((c) =>
    renderFailure(c, queryParams(c), unknownEndpoint(c.req.method, c.req.path), undefined),
  )
  return cloud
}

async function readFixture(fixtures: MockCloudOptions['fixtures']): Promise<Fixture> {
  if (fixtures === undefined) return { users: [] }
  if (typeof fixtures === 'string') return loadFixtureFile(fixtures)
  return parseFixture(fixtures, 'fixtures option')
}
