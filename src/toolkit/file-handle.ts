import { relative } from 'node:path'
import { mockCloudClient, type MockCloudClient } from './admin-client.js'

/**
 * Where a test run's one mock-cloud is: what a test runner's global setup hands to the test
 * files (docs/toolkit.md).
 */
export interface ProvidedMockCloud {
  /** The server's base URL, `http://127.0.0.1:PORT`. */
  url: string
  /** The server's admin token, when it was started with one (`adminToken`); the test files' clients send it. */
  adminToken?: string
}

/** What a test file gets from a runner's `useMockCloud()`: the client of its own data set, and more keys on demand. */
export interface MockCloudHandle extends MockCloudClient {
  /**
   * A client of a new app key of its own (the file's key plus `:1`, `:2`, …), made from the
   * fixture baseline on first use: for a test that wants a data set no other test touches.
   */
  freshAppKey(): MockCloudClient
}

/**
 * The app key of a test file: `RUNNER:PATH`, PATH relative to the current directory with `/`
 * separators, e.g. `jest:test/login.test.js`; characters other than letters, digits and
 * `._~:/-` become `_`, so `?key=${key}` needs no encoding. The same on every run, so a
 * deterministic server (`seed`) gives the same ids every run.
 */
export function fileKey(runner: 'vitest' | 'jest' | 'mocha', testPath: string): string {
  const path = relative(process.cwd(), testPath).split('\\').join('/')
  return `${runner}:${path.replace(/[^\w.~:/-]/g, '_')}`
}

/** The handle of app key `key` on the provided server; `freshAppKey()` numbers its keys from 1. */
export function fileHandle(provided: ProvidedMockCloud, key: string): MockCloudHandle {
  const clientOptions = provided.adminToken === undefined ? {} : { adminToken: provided.adminToken }
  let fresh = 0
  return {
    ...mockCloudClient(provided.url, key, clientOptions),
    freshAppKey: () => mockCloudClient(provided.url, `${key}:${++fresh}`, clientOptions),
  }
}
