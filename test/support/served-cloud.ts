import { createMockCloud, type MockCloud } from '../../src/app.js'
import type { MockCloudOptions } from '../../src/options.js'
import { serveMockCloud, type RunningMockCloud } from '../../src/server.js'
import { client, type Call } from './client.js'
import { fixtureS } from './fixture-s.js'

/**
 * A mock-cloud on a real port (127.0.0.1, port 0) whose in-process parts stay reachable, so a
 * test can read the store a request left behind (seeded with fixture S unless told otherwise).
 */
export async function serveCloud(
  options: MockCloudOptions = {},
): Promise<{ cloud: MockCloud; server: RunningMockCloud; call: Call }> {
  const cloud = await createMockCloud({ fixtures: fixtureS, ...options })
  const server = await serveMockCloud(cloud, 0, '127.0.0.1')
  return { cloud, server, call: client(server.url) }
}
