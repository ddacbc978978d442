import { relative } from 'node:path'
import { beforeEach, expect, inject } from 'vitest'
import { mockCloudClient, type MockCloudClient } from './admin-client.js'
import type { ProvidedMockCloud } from './vitest-setup.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by `mockCloudSetup` from `mock-cloud/vitest-setup`. */
    mockCloud: ProvidedMockCloud
  }
}

/** Options of {@link useMockCloud}. */
export interface UseMockCloudOptions {
  /** Reset the file's data set to the fixture baseline before each test. Default true. */
  resetBeforeEach?: boolean
}

/** What a test file gets from {@link useMockCloud}: the client of its own data set, and more keys on demand. */
export interface MockCloudHandle extends MockCloudClient {
  /**
   * A client of a new app key of its own, made from the fixture baseline on first use:
   * for a test that wants a data set no other test touches.
   */
  freshAppKey(): MockCloudClient
}

let fileKeys = 0

/**
 * For a test file under `mockCloudSetup` (from `mock-cloud/vitest-setup`): the
 * server's URL and an app key of the file's own, so files run in parallel on one
 * server without seeing each other's users, sessions or snapshots (issue 4 §7).
 * The key is made from the file's path (`vitest:test/login.test.ts`; characters other
 * than letters, digits and `._~:/-` become `_`), the same on every run, so a
 * deterministic server (`seed`) gives the same ids every run.
 * Call it once, at the top of the file.
 *
 * @throws Error when no global setup provided the server.
 * @example
 * import { useMockCloud } from 'mock-cloud/vitest'
 * const cloud = useMockCloud()
 * it('counts the fixture users', async () => {
 *   const res = await fetch(`${cloud.url}/v1/users/count.json?key=${cloud.key}`)
 * })
 */
export function useMockCloud(options: UseMockCloudOptions = {}): MockCloudHandle {
  const provided = inject('mockCloud')
  if (!provided?.url) {
    throw new Error(
      "useMockCloud: no mock-cloud was started for this run; add a global setup file with `export default mockCloudSetup({...})` from 'mock-cloud/vitest-setup' to test.globalSetup in vitest.config",
    )
  }
  const testPath = expect.getState().testPath
  const path = testPath ? relative(process.cwd(), testPath).split('\\').join('/') : `file-${++fileKeys}`
  // Only characters a query string carries as they are, so `?key=${cloud.key}` needs no encoding.
  const fileKey = `vitest:${path.replace(/[^\w.~:/-]/g, '_')}`
  let fresh = 0
  const clientOptions = provided.adminToken === undefined ? {} : { adminToken: provided.adminToken }
  const handle: MockCloudHandle = {
    ...mockCloudClient(provided.url, fileKey, clientOptions),
    freshAppKey: () => mockCloudClient(provided.url, `${fileKey}:${++fresh}`, clientOptions),
  }
  if (options.resetBeforeEach ?? true) beforeEach(() => handle.reset())
  return handle
}
