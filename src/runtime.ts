import { randomBytes } from 'node:crypto'
import type { Clock } from './clock.js'
import { objectIdMaker, systemObjectId, type ObjectIdMaker } from './ids.js'
import { seededRandom } from './seeded-random.js'

/**
 * What the service takes from the world outside: the time and randomness.
 * Each server has its own (its {@link Clock}, and in deterministic mode its
 * seeded generators), so the test toolkit controls them without touching the
 * rules that use them (docs/toolkit.md).
 */
export interface Runtime {
  /** The current time: the server's clock. */
  now(): Date
  /** `size` random bytes; from the CSPRNG unless the server runs deterministic (docs/api.md "Sessions"). */
  randomBytes(size: number): Buffer
  /** A new ObjectId-layout id whose time part is `at` (docs/api.md "Ids and dates"). */
  objectId: ObjectIdMaker
}

/**
 * The runtimes of one server: `of(key)` for an app key's data set, `of(undefined)`
 * for the fixture baseline and users seeded for every key.
 */
export interface Runtimes {
  of(key: string | undefined): Runtime
  /**
   * Starts `key`'s generator again from the seed (without a key, every app
   * key's), so a test that resets its data set sees the same ids and session
   * ids whatever ran before it. No effect unless deterministic.
   */
  restart(key?: string): void
}

/**
 * The clock the deterministic mode starts frozen at, unless the test sets it:
 * 2020-01-01T00:00:00Z (docs/toolkit.md).
 */
export const DETERMINISTIC_START = new Date('2020-01-01T00:00:00.000Z')

/**
 * The runtimes of a server over `clock`.
 *
 * Without `seed`: one runtime for all, the CSPRNG and process-wide ids.
 *
 * With `seed` (deterministic mode, docs/toolkit.md): one generator per data set,
 * seeded from `seed` and the app key, for ids (process part, counter start),
 * session ids and tokens. What key K's calls return then depends only on the
 * seed, K, the calls made with K since its last reset, and the clock, not on the
 * calls other test files make with other keys at the same time.
 *
 * @example
 * const runtimes = serverRuntimes(new Clock(DETERMINISTIC_START), '42')
 * runtimes.of('TESTKEY').objectId(new Date()) // '5e0be100…': the same on every run
 */
export function serverRuntimes(clock: Clock, seed?: string): Runtimes {
  const now = () => clock.now()
  if (seed === undefined) {
    const system: Runtime = { now, randomBytes: (size) => randomBytes(size), objectId: systemObjectId }
    return { of: () => system, restart: () => {} }
  }
  const seeded = new Map<string | undefined, Runtime>()
  return {
    of(key) {
      let runtime = seeded.get(key)
      if (!runtime) {
        const random = seededRandom(key === undefined ? `${seed}/baseline` : `${seed}/app:${key}`)
        runtime = { now, randomBytes: random, objectId: objectIdMaker(random) }
        seeded.set(key, runtime)
      }
      return runtime
    },
    restart(key) {
      if (key !== undefined) seeded.delete(key)
      else for (const name of [...seeded.keys()]) if (name !== undefined) seeded.delete(name)
    },
  }
}
