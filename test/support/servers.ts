import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { MockCloudOptions } from '../../src/options.js'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer, type Call } from './client.js'

/**
 * For a test file that starts its own servers: returns a `start(options)` like
 * {@link startServer} whose servers are all stopped after each test.
 *
 * @example
 * const start = serversStoppedAfterEach()
 * it('...', async () => { const { server, call } = await start({ seed: 1 }) })
 */
export function serversStoppedAfterEach(): (options?: MockCloudOptions) => Promise<{ server: RunningMockCloud; call: Call }> {
  const running: RunningMockCloud[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()))
  })
  return async (options = {}) => {
    const started = await startServer(options)
    running.push(started.server)
    return started
  }
}

/**
 * For a test file that shares one server between its tests: starts it (on 127.0.0.1, port 0,
 * fixture S unless `options` say otherwise, as {@link startServer}) before the file's first test
 * and stops it after the last; unless `resetEachTest` is false, resets every data set to its
 * fixtures (`server.reset()`, docs/toolkit.md "Resets") before each test.
 * Returns a getter for the running server; calling it outside a test or hook throws.
 *
 * @example
 * const server = serverForFile()
 * it('...', async () => { const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url }) })
 */
export function serverForFile(options: MockCloudOptions = {}, { resetEachTest = true } = {}): () => RunningMockCloud {
  let running: RunningMockCloud | undefined
  beforeAll(async () => {
    ;({ server: running } = await startServer(options))
  })
  afterAll(() => running?.stop())
  if (resetEachTest) beforeEach(() => running!.reset())
  return () => {
    if (!running) throw new Error('serverForFile: the server runs only inside the test file\'s tests and hooks')
    return running
  }
}
