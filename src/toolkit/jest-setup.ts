import type { RunningMockCloud, StartOptions } from '../server.js'
import { checkRunOptions } from './run-options.js'
import { startRunServer, stopRunServer } from './run-server.js'

/** Where the global setup leaves the server for the global teardown (jest runs both in its main process). */
const RUN_SERVER = Symbol.for('mock-cloud.jest.server')

type WithServer = typeof globalThis & { [RUN_SERVER]?: RunningMockCloud }

/**
 * A jest global setup that starts one mock-cloud for the whole run and hands its URL to the
 * test files, where `useMockCloud()` from `mock-cloud/jest` reads it (docs/toolkit.md "Jest set-up").
 * Export it as the default of the file named in `globalSetup`, and name a file exporting
 * {@link mockCloudTeardown} in `globalTeardown`.
 *
 * Test files get their own app keys, so `appKeys` is refused.
 *
 * @param options - as for `startMockCloud` (`fixtures`, `seed`, `sessionLifetime`, ...); port 0 unless given.
 * @throws OptionError at once for an option `startMockCloud` refuses, or `appKeys` (see `checkRunOptions`).
 * @returns the function jest calls; it rejects with what `startMockCloud` throws.
 * @example
 * // test/mock-cloud.setup.js
 * import { mockCloudSetup } from 'mock-cloud/jest-setup'
 * export default mockCloudSetup({ fixtures: 'node_modules/mock-cloud/fixtures/users.json' })
 */
export function mockCloudSetup(options: StartOptions = {}): () => Promise<void> {
  checkRunOptions('mockCloudSetup', 'jest', options)
  return async () => {
    const global = globalThis as WithServer
    // jest --watch runs the global setup again for every run, after the teardown of the last.
    if (global[RUN_SERVER]) await mockCloudTeardown()
    global[RUN_SERVER] = await startRunServer(options)
  }
}

/**
 * A jest global teardown that stops the server {@link mockCloudSetup} started; nothing when
 * none runs. Export it as the default of the file named in `globalTeardown`.
 *
 * @example
 * // test/mock-cloud.teardown.js
 * export { mockCloudTeardown as default } from 'mock-cloud/jest-setup'
 */
export async function mockCloudTeardown(): Promise<void> {
  const global = globalThis as WithServer
  const server = global[RUN_SERVER]
  delete global[RUN_SERVER]
  if (server) await stopRunServer(server)
}
