import type { ClockState } from '../clock.js'
import type { UnprocessedUpload } from '../engine/processing.js'
import type { AppSettings } from '../engine/settings.js'
import type { Fault, FaultSpec } from '../faults.js'
import type { JournalEntry, JournalFilter } from '../journal.js'
import type { OutboxMail } from '../outbox.js'
import type { OutboxPush } from '../push-outbox.js'
import type { SnapshotInfo } from '../snapshots.js'
import type { AppData } from '../store/db.js'

/**
 * The test controls of a mock-cloud running elsewhere (another process, a test
 * runner's global setup), over its `/__mock/` routes, for one app key's data set: what a
 * test file holds when it did not start the server itself (docs/toolkit.md).
 * Every method rejects with an Error carrying the reply's `meta.message` and `code`.
 */
export interface MockCloudClient {
  /** The server's base URL, `http://127.0.0.1:PORT`. */
  readonly url: string
  /** The app key whose data set this client controls; send it as `?key=` on your API calls. */
  readonly key: string
  /** Puts the data set back to the fixture baseline (`POST /__mock/reset?key=K`). */
  reset(): Promise<void>
  /** Saves the data set as snapshot `name` (`POST /__mock/snapshots/NAME?key=K`). */
  snapshot(name: string): Promise<SnapshotInfo>
  /** Puts snapshot `name` back (`POST /__mock/snapshots/NAME/restore?key=K`); rejects (code 404) for an unknown one. */
  restore(name: string): Promise<void>
  /** Forgets this key's part of snapshot `name` (`DELETE /__mock/snapshots/NAME?key=K`). */
  deleteSnapshot(name: string): Promise<void>
  /** The data set as `{ users, sessions }` (`GET /__mock/data?key=K`). */
  exportData(): Promise<AppData>
  /** Replaces the data set with an export (`PUT /__mock/data?key=K`); rejects (code 400) naming a problem. */
  importData(data: AppData): Promise<void>
  /** The mails recorded instead of sent to this key's users, oldest first (`GET /__mock/outbox?key=K`). */
  outbox(): Promise<OutboxMail[]>
  /** The pushes recorded instead of delivered for this key, oldest first (`GET /__mock/pushes?key=K`). */
  pushes(): Promise<OutboxPush[]>
  /**
   * The uploads (files, photos) of this key held unprocessed by the `processing` app setting's
   * `manual` mode (`GET /__mock/processing?key=K`), docs/app-settings.md "processing".
   */
  unprocessed(): Promise<UnprocessedUpload[]>
  /**
   * Processes this key's held uploads: those `ids` names, or every one (`POST /__mock/processing?key=K`).
   * Resolves with those released; rejects (code 400) for an id that is not held, releasing nothing.
   */
  release(ids?: readonly string[]): Promise<UnprocessedUpload[]>
  /** This key's request journal, oldest first (`GET /__mock/requests?key=K&...`); see `MockCloud.requests`. */
  requests(filter?: Omit<JournalFilter, 'key'>): Promise<JournalEntry[]>
  /** Empties this key's journal (`DELETE /__mock/requests?key=K`); resolves with how many calls went. */
  clearRequests(): Promise<number>
  /** Adds a fault scoped to this key (`POST /__mock/faults?key=K`); resolves with its id. See `MockCloud.fault`. */
  fault(spec: Omit<FaultSpec, 'key'>): Promise<string>
  /** The faults scoped to this key (`GET /__mock/faults?key=K`). */
  faults(): Promise<Fault[]>
  /** Removes the faults scoped to this key (`DELETE /__mock/faults?key=K`); resolves with how many. */
  clearFaults(): Promise<number>
  /** The app settings in force for this key (`GET /__mock/settings?key=K`), docs/app-settings.md. */
  settings(): Promise<AppSettings>
  /**
   * Changes this key's app settings until its next reset (`PUT /__mock/settings?key=K`);
   * `null` puts a setting back. Resolves with the settings then in force; rejects (code 400)
   * for an unknown setting or a value it cannot take, changing nothing.
   */
  setSettings(changes: { [name in keyof AppSettings]?: AppSettings[name] | null }): Promise<AppSettings>
  /**
   * The server's clock (`/__mock/clock`). It is the server's, not the key's: a test
   * file that moves it moves it for every file running on that server at the time.
   */
  clock: {
    state(): Promise<ClockState>
    freeze(): Promise<ClockState>
    unfreeze(): Promise<ClockState>
    /** `at`: a Date or ISO 8601 text. */
    set(at: Date | string): Promise<ClockState>
    /** `by`: ms or a duration text, `'25h'`, `'30m'`. */
    advance(by: number | string): Promise<ClockState>
  }
}

/** Options of {@link mockCloudClient}. */
export interface MockCloudClientOptions {
  /** The server's admin token (`--admin-token`), sent as `Authorization: Bearer TOKEN` on every call. */
  adminToken?: string
}

/**
 * A {@link MockCloudClient} for app key `key` of the server at `url`.
 *
 * @example
 * const cloud = mockCloudClient('http://127.0.0.1:8080', 'TESTKEY')
 * await cloud.reset()
 * await cloud.clock.advance('25h')
 */
export function mockCloudClient(url: string, key: string, options: MockCloudClientOptions = {}): MockCloudClient {
  const call = async (method: string, path: string, body?: unknown, query: Record<string, string> = {}): Promise<any> => {
    const target = new URL(`${url}/__mock/${path}`)
    target.searchParams.set('key', key)
    for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value)
    const headers: Record<string, string> = {}
    if (options.adminToken !== undefined) headers.authorization = `Bearer ${options.adminToken}`
    const init: RequestInit = { method, headers }
    if (body !== undefined) Object.assign(init, { body: JSON.stringify(body), headers: { ...headers, 'content-type': 'application/json' } })
    const response = await fetch(target, init)
    const reply = (await response.json()) as { meta?: { status?: string; code?: number; message?: string } }
    if (!response.ok || reply.meta?.status === 'fail') {
      const meta = reply.meta ?? {}
      throw Object.assign(new Error(`mock-cloud ${method} /__mock/${path}: ${meta.message ?? response.statusText}`), { code: meta.code ?? response.status })
    }
    return reply
  }
  const named = (name: string) => `snapshots/${encodeURIComponent(name)}`
  const clock = async (body: Record<string, unknown>): Promise<ClockState> => (await call('POST', 'clock', body)).response.clock
  return {
    url,
    key,
    reset: async () => void (await call('POST', 'reset')),
    snapshot: async (name) => (await call('POST', named(name))).response.snapshot,
    restore: async (name) => void (await call('POST', `${named(name)}/restore`)),
    deleteSnapshot: async (name) => void (await call('DELETE', named(name))),
    exportData: () => call('GET', 'data'),
    importData: async (data) => void (await call('PUT', 'data', data)),
    outbox: async () => (await call('GET', 'outbox')).response.mails,
    pushes: async () => (await call('GET', 'pushes')).response.pushes,
    unprocessed: async () => (await call('GET', 'processing')).response.unprocessed,
    release: async (ids) => (await call('POST', 'processing', ids === undefined ? undefined : { ids })).response.released,
    requests: async (filter = {}) => (await call('GET', 'requests', undefined, filterQuery(filter))).response.requests,
    clearRequests: async () => (await call('DELETE', 'requests')).meta.count,
    fault: async (spec) => (await call('POST', 'faults', spec)).response.faults[0].id,
    faults: async () => (await call('GET', 'faults')).response.faults,
    clearFaults: async () => (await call('DELETE', 'faults')).meta.count,
    settings: async () => (await call('GET', 'settings')).response.settings,
    setSettings: async (changes) => (await call('PUT', 'settings', changes)).response.settings,
    clock: {
      state: async () => (await call('GET', 'clock')).response.clock,
      freeze: () => clock({ action: 'freeze' }),
      unfreeze: () => clock({ action: 'unfreeze' }),
      set: (at) => clock({ action: 'set', iso: typeof at === 'string' ? at : at.toISOString() }),
      advance: (by) => clock({ action: 'advance', by }),
    },
  }
}

/** A journal filter as query parameters: `since` as ISO 8601 or milliseconds, the rest as text. */
function filterQuery(filter: Omit<JournalFilter, 'key'>): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(filter)) {
    if (value !== undefined) query[name] = value instanceof Date ? value.toISOString() : String(value)
  }
  return query
}
