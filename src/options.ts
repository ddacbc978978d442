import type { Fixture } from './fixtures.js'

/**
 * Options of {@link createMockCloud} and `startMockCloud`.
 *
 * @example
 * const options: MockCloudOptions = { fixtures: 'fixtures/users.json', appKeys: ['TESTKEY'] }
 */
export interface MockCloudOptions {
  /**
   * The baseline data: a path to a fixture JSON file (`{ "users": [...] }`, see
   * `fixtures.ts`) or an already parsed fixture. Loaded at start and restored by
   * `reset()`. Default: no users.
   */
  fixtures?: string | Fixture
  /**
   * Keep the data in this JSON file (lowdb's file adapter) instead of memory.
   * Read once at start; every write is on disk before its reply (spec §11 "--data FILE").
   * A missing file is created from the fixtures.
   */
  data?: string
  /**
   * The app keys the server answers. Empty or absent: any non-empty key.
   * Another key gets 401 `Invalid app key` (spec §11 "unknown app key").
   */
  appKeys?: string[]
}
