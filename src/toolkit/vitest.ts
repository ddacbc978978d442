import { beforeEach, expect, inject } from 'vitest'
import { fileHandle, fileKey, type MockCloudHandle, type ProvidedMockCloud } from './file-handle.js'

export type { MockCloudHandle } from './file-handle.js'

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

let fileKeys = 0

/**
 * For a test file under `mockCloudSetup` (from `mock-cloud/vitest-setup`): the
 * server's URL and an app key of the file's own, so files run in parallel on one
 * server without seeing each other's users, sessions or snapshots (docs/toolkit.md "Vitest set-up").
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
  const handle = fileHandle(provided, testPath ? fileKey('vitest', testPath) : `vitest:file-${++fileKeys}`)
  if (options.resetBeforeEach ?? true) beforeEach(() => handle.reset())
  return handle
}
