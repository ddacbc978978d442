import { createCloud, type Cloud } from 'mock-cloud/ti-cloud'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import type { MockCloudOptions } from '../../src/options.js'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer, type Call } from './client.js'
import { installTitaniumGlobals, outcome, type TitaniumGlobals } from './titanium.js'

/** What a test of Titanium app code works with; the fields change from test to test. */
export interface TitaniumTestbed {
  server: RunningMockCloud
  /** HTTP calls beside the app's, to look at what the server holds. */
  call: Call
  /** The app's Cloud (no session at the start of a test); `settled(Cloud)` waits for it. */
  Cloud: Cloud
  /** The installed globals; a test may replace them (the old ones removed first). */
  app: TitaniumGlobals
}

/**
 * Registers the hooks of a test file that runs Titanium app code against one mock-cloud server:
 * the server starts once (fixture S unless `options.server` says otherwise) and stops at the end;
 * before each test the data go back to the baseline, a new Cloud is made and the globals (`Cloud`,
 * `alert` and `options.globals`) are installed; after each test they are removed.
 */
export function useTitaniumApp(options: { server?: MockCloudOptions; globals?: Record<string, unknown> } = {}): TitaniumTestbed {
  const testbed = {} as TitaniumTestbed
  beforeAll(async () => {
    Object.assign(testbed, await startServer(options.server))
  })
  afterAll(() => testbed.server.stop())
  beforeEach(async () => {
    await testbed.server.reset()
    testbed.Cloud = createCloud({ url: testbed.server.url, key: 'TESTKEY' })
    testbed.app = installTitaniumGlobals(testbed.Cloud, options.globals)
  })
  afterEach(() => testbed.app.remove())
  return testbed
}

/** Logs `login` in on `cloud` (fixture S passwords are `pw-<username>`); fails the test if that fails. */
export async function logIn(cloud: Cloud, login: string, password = `pw-${login}`): Promise<void> {
  const e = await outcome((cb) => cloud.Users.login({ login, password }, cb))
  expect(e.success, `login of ${login}: ${String(e.message)}`).toBe(true)
}
