import { startMockCloud, type StartOptions } from '../server.js'
import { checkRunOptions } from './run-options.js'
import { announceDashboard } from './run-server.js'
import type { ProvidedMockCloud } from './file-handle.js'

/** What the global setup hands to the test files (vitest `provide`/`inject` name `mockCloud`). */
export type { ProvidedMockCloud } from './file-handle.js'

/** The part of vitest's `TestProject` the setup uses (so this module needs no vitest at run time). */
interface ProvidingProject {
  provide(key: 'mockCloud', value: ProvidedMockCloud): void
}

/**
 * A vitest global setup that starts one mock-cloud for the whole run, hands its
 * URL to the test files (`inject('mockCloud')`, read by `useMockCloud()` from
 * `mock-cloud/vitest`) and stops it after the last file (docs/toolkit.md "Vitest set-up"). Export it
 * as the default of a file named in `test.globalSetup`.
 *
 * Test files get their own app keys, so `appKeys` is refused. With `MOCK_CLOUD_UI=1` in the
 * environment it prints the dashboard's address to stderr (docs/dashboard.md "Debugging a failing test").
 *
 * @param options - as for `startMockCloud` (`fixtures`, `seed`, `sessionLifetime`, ...); port 0 unless given.
 * @throws OptionError at once for an option `startMockCloud` refuses, or `appKeys` (see `checkRunOptions`).
 * @example
 * // test/mock-cloud.setup.ts
 * import { mockCloudSetup } from 'mock-cloud/vitest-setup'
 * export default mockCloudSetup({ fixtures: 'fixtures/users.json' })
 */
export function mockCloudSetup(options: StartOptions = {}): (project: ProvidingProject) => Promise<() => Promise<void>> {
  checkRunOptions('mockCloudSetup', 'vitest', options)
  return async (project) => {
    const server = await startMockCloud(options)
    announceDashboard(server)
    project.provide('mockCloud', { url: server.url, ...(options.adminToken !== undefined && { adminToken: options.adminToken }) })
    return () => server.stop()
  }
}
