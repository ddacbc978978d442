import { startMockCloud, type RunningMockCloud, type StartOptions } from '../server.js'
import type { ProvidedMockCloud } from './file-handle.js'

/** The environment variable that carries the run's server URL to the test files (and workers). */
export const URL_VARIABLE = 'MOCK_CLOUD_URL'
/** The environment variable that carries the run's admin token, when the server has one. */
export const ADMIN_TOKEN_VARIABLE = 'MOCK_CLOUD_ADMIN_TOKEN'

/**
 * The environment variable that asks the test-runner set-ups to print the dashboard's address
 * when the run's server starts: `MOCK_CLOUD_UI=1 npx vitest watch -t "name"` (docs/dashboard.md
 * "Debugging a failing test"). Unset, empty or `0`: nothing is printed.
 */
export const UI_VARIABLE = 'MOCK_CLOUD_UI'

/**
 * When {@link UI_VARIABLE} asks for it, writes one line to stderr with the dashboard's address on
 * the run's server: `mock-cloud dashboard: http://127.0.0.1:PORT/__mock/ui`.
 */
export function announceDashboard(server: Pick<RunningMockCloud, 'url'>): void {
  const asked = process.env[UI_VARIABLE]
  if (asked === undefined || asked === '' || asked === '0') return
  process.stderr.write(`mock-cloud dashboard: ${server.url}/__mock/ui\n`)
}

/**
 * Starts the one mock-cloud of a jest or mocha run and tells the test files where it is through
 * the environment (`MOCK_CLOUD_URL`, and `MOCK_CLOUD_ADMIN_TOKEN` when `adminToken` is given):
 * both runners start their workers after the global setup, so the workers inherit it.
 * Port 0 unless `options.port` is given (docs/toolkit.md "Test runners"). Prints the dashboard's
 * address when `MOCK_CLOUD_UI` asks for it ({@link announceDashboard}).
 *
 * @throws what `startMockCloud` throws (a bad option, a port in use).
 */
export async function startRunServer(options: StartOptions): Promise<RunningMockCloud> {
  const server = await startMockCloud(options)
  process.env[URL_VARIABLE] = server.url
  if (options.adminToken !== undefined) process.env[ADMIN_TOKEN_VARIABLE] = options.adminToken
  announceDashboard(server)
  return server
}

/** Stops the run's server and takes its variables out of the environment. */
export async function stopRunServer(server: RunningMockCloud): Promise<void> {
  delete process.env[URL_VARIABLE]
  delete process.env[ADMIN_TOKEN_VARIABLE]
  await server.stop()
}

/**
 * The run's server as the environment gives it, for a test file.
 *
 * @throws Error naming the set-up the runner needs (`setUp`) when `MOCK_CLOUD_URL` is not set.
 */
export function providedByEnvironment(setUp: string): ProvidedMockCloud {
  const url = process.env[URL_VARIABLE]
  if (!url) throw new Error(`useMockCloud: no mock-cloud was started for this run (${URL_VARIABLE} is not set); ${setUp}`)
  const adminToken = process.env[ADMIN_TOKEN_VARIABLE]
  return adminToken === undefined ? { url } : { url, adminToken }
}
