import { before, beforeEach } from 'mocha'
import type { StartOptions } from '../server.js'
import { fileHandle, fileKey, type MockCloudHandle } from './file-handle.js'
import { providedByEnvironment, startRunServer, stopRunServer } from './run-server.js'
import { checkRunOptions } from './run-options.js'

export type { MockCloudHandle } from './file-handle.js'

/** The global fixtures mocha reads from a `--require` file (docs/toolkit.md "Mocha set-up"). */
export interface MockCloudFixtures {
  /** Starts the run's one mock-cloud, before any test file runs. */
  mochaGlobalSetup(): Promise<void>
  /** Stops it, after the last test file. */
  mochaGlobalTeardown(): Promise<void>
}

/** Options of {@link useMockCloud}. */
export interface UseMockCloudOptions {
  /** Reset the file's data set to the fixture baseline before each test. Default true. */
  resetBeforeEach?: boolean
}

const SET_UP =
  "add a file with `export const { mochaGlobalSetup, mochaGlobalTeardown } = mockCloudFixtures({...})` from 'mock-cloud/mocha' to `require` in .mocharc"

/**
 * Mocha global fixtures that start one mock-cloud for the whole run (parallel or not) and hand
 * its URL to the test files, where `useMockCloud()` reads it. Export both from a file that
 * `.mocharc`'s `require` names. Test files get their own app keys, so `appKeys` is refused.
 *
 * @param options - as for `startMockCloud` (`fixtures`, `seed`, `sessionLifetime`, ...); port 0 unless given.
 * @throws OptionError at once for an option `startMockCloud` refuses, or `appKeys` (see `checkRunOptions`).
 * @example
 * // test/mock-cloud.fixtures.js, with "require": ["test/mock-cloud.fixtures.js"] in .mocharc.json
 * import { mockCloudFixtures } from 'mock-cloud/mocha'
 * export const { mochaGlobalSetup, mochaGlobalTeardown } = mockCloudFixtures({ fixtures: 'node_modules/mock-cloud/fixtures/users.json' })
 */
export function mockCloudFixtures(options: StartOptions = {}): MockCloudFixtures {
  checkRunOptions('mockCloudFixtures', 'mocha', options)
  let server: Awaited<ReturnType<typeof startRunServer>> | undefined
  return {
    mochaGlobalSetup: async () => {
      server = await startRunServer(options)
    },
    mochaGlobalTeardown: async () => {
      const running = server
      server = undefined
      if (running) await stopRunServer(running)
    },
  }
}

/**
 * For the tests of a `describe` block under {@link mockCloudFixtures}: the server's URL and an
 * app key of the file's own, `mocha:<path of the file>` (e.g. `mocha:test/login.test.js`), so
 * files running in parallel (`--parallel`) never see each other's data (docs/toolkit.md "Mocha set-up").
 *
 * Call it inside `describe()`: mocha runs hooks written at the top level of a file before the
 * tests of every file. The handle is ready once the block runs: read `cloud.url`, `cloud.key`
 * and call its methods inside `it()`, `before()` or `beforeEach()`, not while the file loads
 * (in a serial run the server starts after the files are loaded).
 *
 * @throws Error (from the block's first hook) when it was called outside `describe()` or no
 *   global fixture started the server; Error when the handle is used before the block runs.
 * @example
 * import { mockCloudFixtures, useMockCloud } from 'mock-cloud/mocha'
 * describe('login', function () {
 *   const cloud = useMockCloud()
 *   it('counts the fixture users', async () => {
 *     const res = await fetch(`${cloud.url}/v1/users/count.json?key=${cloud.key}`)
 *   })
 * })
 */
export function useMockCloud(options: UseMockCloudOptions = {}): MockCloudHandle {
  let handle: MockCloudHandle | undefined
  before(function () {
    const suite = this.test?.parent
    if (!suite || suite.root || !suite.file) {
      throw new Error('useMockCloud: call it inside describe(): mocha runs hooks written at the top level of a file before the tests of every file')
    }
    handle = fileHandle(providedByEnvironment(SET_UP), fileKey('mocha', suite.file))
  })
  if (options.resetBeforeEach ?? true) beforeEach(() => handle?.reset())
  return new Proxy({} as MockCloudHandle, {
    get(_target, name) {
      if (handle) return Reflect.get(handle, name)
      if (typeof name === 'symbol' || name === 'then') return undefined
      throw new Error(
        `useMockCloud: cloud.${name} is ready once the describe() block runs: use the handle inside it(), before() or beforeEach(), not while the file loads`,
      )
    },
  })
}
