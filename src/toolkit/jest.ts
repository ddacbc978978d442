import { beforeEach, expect } from '@jest/globals'
import { fileHandle, fileKey, type MockCloudHandle } from './file-handle.js'
import { providedByEnvironment } from './run-server.js'

export type { MockCloudHandle } from './file-handle.js'

/** Options of {@link useMockCloud}. */
export interface UseMockCloudOptions {
  /** Reset the file's data set to the fixture baseline before each test. Default true. */
  resetBeforeEach?: boolean
}

/**
 * For a jest test file under `mockCloudSetup` (from `mock-cloud/jest-setup`): the server's
 * URL and an app key of the file's own, `jest:<path of the file>` (e.g.
 * `jest:test/login.test.js`), so files run in parallel on one server without seeing each
 * other's data (docs/toolkit.md "Jest set-up"). Call it once, at the top of the file. Test files must be
 * ES modules run with `--experimental-vm-modules`.
 *
 * @throws Error when no global setup started the server (`MOCK_CLOUD_URL` is not set).
 * @example
 * import { useMockCloud } from 'mock-cloud/jest'
 * const cloud = useMockCloud()
 * test('counts the fixture users', async () => {
 *   const res = await fetch(`${cloud.url}/v1/users/count.json?key=${cloud.key}`)
 * })
 */
export function useMockCloud(options: UseMockCloudOptions = {}): MockCloudHandle {
  const provided = providedByEnvironment(
    "add a file with `export default mockCloudSetup({...})` from 'mock-cloud/jest-setup' as globalSetup in the jest config, and one with `export { mockCloudTeardown as default } from 'mock-cloud/jest-setup'` as globalTeardown",
  )
  const testPath = expect.getState().testPath
  if (!testPath) throw new Error('useMockCloud: call it at the top of a jest test file (jest gave no test path)')
  const handle = fileHandle(provided, fileKey('jest', testPath))
  if (options.resetBeforeEach ?? true) beforeEach(() => handle.reset())
  return handle
}
