import { afterEach } from 'vitest'
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
