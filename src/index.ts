/**
 * mock-cloud: a local emulator of the ArrowDB REST API v1 (Users) for tests.
 *
 * @example
 * import { startMockCloud } from 'mock-cloud'
 * const cloud = await startMockCloud({ fixtures: 'fixtures/users.json' })
 * // point the client at `${cloud.url}/v1/...`, call cloud.reset() between tests
 * await cloud.stop()
 */
export { createMockCloud, loadFixtureFile, parseFixture, type MockCloud } from './app.js'
export { startMockCloud, type RunningMockCloud, type StartOptions } from './server.js'
export type { MockCloudOptions } from './options.js'
export type { MailKind, OutboxMail } from './outbox.js'
export type { OutboxPush, PushDelivery } from './push-outbox.js'
export type { PasswordHashing } from './engine/password-hashing.js'
export { FixtureError } from './fixtures.js'
export { OptionError } from './option-check.js'
export type { Fixture, FixtureUser } from './objects/index.js'
export type { AppSettings, ProcessingMode } from './engine/settings.js'
export type { UnprocessedUpload } from './engine/processing.js'
export { DataFileError } from './store/db.js'
export { mockCloudClient, type MockCloudClient, type MockCloudClientOptions } from './toolkit/admin-client.js'
export type { ClockState } from './clock.js'
export type { SnapshotInfo } from './snapshots.js'
export type { JournalEntry, JournalFilter } from './journal.js'
export type { Fault, FaultError, FaultSpec } from './faults.js'
