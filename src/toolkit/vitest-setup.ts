import { startMockCloud, type StartOptions } from '../server.js'

/** What the global setup hands to the test files (vitest `provide`/`inject` name `mockCloud`). */
export interface ProvidedMockCloud {
  /** The server's base URL, `http://127.0.0.1:PORT`. */
  url: string
  /** The server's admin token, when it was started with one (`adminToken`); the test files' clients send it. */
  adminToken?: string
}

/** The part of vitest's `TestProject` the setup uses (so this module needs no vitest at run time). */
interface ProvidingProject {
  provide(key: 'mockCloud', value: ProvidedMockCloud): void
}

/**
 * A vitest global setup that starts one mock-cloud for the whole run, hands its
 * URL to the test files (`inject('mockCloud')`, read by `useMockCloud()` from
 * `mock-cloud/vitest`) and stops it after the last file (issue 4 §7). Export it
 * as the default of a file named in `test.globalSetup`.
 *
 * Test files get their own app keys, so do not restrict the server with `appKeys`.
 *
 * @param options - as for `startMockCloud` (`fixtures`, `seed`, `sessionLifetime`, ...); port 0 unless given.
 * @example
 * // test/mock-cloud.setup.ts
 * import { mockCloudSetup } from 'mock-cloud/vitest-setup'
 * export default mockCloudSetup({ fixtures: 'fixtures/users.json' })
 */
export function mockCloudSetup(options: StartOptions = {}): (project: ProvidingProject) => Promise<() => Promise<void>> {
  return async (project) => {
    const server = await startMockCloud(options)
    project.provide('mockCloud', { url: server.url, ...(options.adminToken !== undefined && { adminToken: options.adminToken }) })
    return () => server.stop()
  }
}
