import { invalidParameter, unknownMethodName } from './errors.js'
import { isPlainObject } from './json.js'
import { integerValue, type Params } from './param-values.js'
import { parseIsoDate } from './query/date-value.js'

/**
 * The request journal (docs/toolkit.md): every `/v1` call as the server saw it, kept per app
 * key, so a test can ask what its client sent and what it got back. Free of HTTP: the HTTP
 * layer hands each finished call to {@link Journal.record}.
 */

/** The default of {@link Journal}'s cap: calls kept per app key before the oldest are dropped. */
export const DEFAULT_JOURNAL_LIMIT = 1000

/** What a redacted parameter value is replaced with: the parameter stays, its value is gone. */
export const REDACTED = '[redacted]'

/** One call in the journal, as `requests()` and `GET /__mock/requests` return it. */
export interface JournalEntry {
  /** Position in the journal of the whole server, from 1: later calls have larger ids. */
  id: number
  /** The app key the call named (`key` parameter), the server's default key when it sent none, or null. */
  key: string | null
  /** When the call arrived, ISO 8601, by the server's clock (`Runtime.now()`, so a test clock drives it). */
  time: string
  /** The HTTP verb as sent (`POST`, `GET`, ...). */
  method: string
  /** The request path without the query string, e.g. `/v1/users/login.json`. */
  path: string
  /** The endpoint's method_name (`loginUser`), or null for a path that names no endpoint. */
  method_name: string | null
  /**
   * Query string and body merged as the endpoint read them, with secrets replaced by
   * {@link REDACTED} (see {@link redactParams}); files as `[file NAME, SIZE bytes]`.
   */
  params: Record<string, unknown>
  /** The user of the session the call carried, or null (no session, or not a live one). */
  user_id: string | null
  /** The HTTP status sent (200 under `suppress_response_codes`), or null when a fault dropped the connection. */
  status: number | null
  /** The `meta` of the reply's envelope, or null when no reply was sent. */
  meta: Record<string, unknown> | null
  /** Wall time from arrival to reply, in milliseconds (fractional), injected delays included. */
  duration_ms: number
  /** The id of the fault that acted on this call, if one did (see `faults.ts`). */
  fault?: string
}

/** A call to record: an entry without the id the journal gives it. */
export type JournalRecord = Omit<JournalEntry, 'id'>

/**
 * Which entries `requests()` returns; every given condition must hold. Absent
 * fields do not filter.
 */
export interface JournalFilter {
  /** Only this app key's calls (null: calls that sent no key). */
  key?: string | null
  /** Only calls of this endpoint (`loginUser`, ...). */
  method_name?: string
  /**
   * Only calls whose HTTP status or ArrowDB code (`meta.code`) is this: `400` finds a failure
   * sent as HTTP 200 under `suppress_response_codes` (as Titanium's `Cloud` asks) as well as one
   * sent as HTTP 400.
   */
  status?: number
  /** Only calls that arrived at or after this instant: a `Date`, ISO 8601 text or milliseconds since 1970. */
  since?: Date | string | number
}

/** A {@link JournalFilter} once read by {@link parseJournalFilter}: `since` is a `Date`. */
export type CheckedFilter = Omit<JournalFilter, 'since'> & { since?: Date }

/**
 * Parameter names whose values are secrets: passwords (`password`,
 * `password_confirmation`, `new_password`...), tokens (`token`,
 * `reset_password_token`, `access_token`...), secrets and session ids (passwords never appear in the
 * journal, docs/toolkit.md).
 */
const SECRET_NAME = /password|passwd|token|secret|session_id/i

/**
 * The parameters as the journal keeps them: secret values (names matching
 * `password`, `token`, `secret`, `session_id`, in any case, at any depth of a
 * JSON body) replaced by {@link REDACTED}; files described by name and size.
 * The input is not changed.
 *
 * @example
 * redactParams({ login: 'alice', password: 'pw' }) // { login: 'alice', password: '[redacted]' }
 */
export function redactParams(params: Params): Record<string, unknown> {
  return redactObject(params)
}

function redactObject(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // fromEntries defines own properties, so a "__proto__" parameter stays a plain key.
  return Object.fromEntries(
    Object.entries(object).map(([name, value]) => [name, SECRET_NAME.test(name) ? REDACTED : redactValue(value)]),
  )
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue)
  if (isPlainObject(value)) return redactObject(value)
  if (value instanceof File) return `[file ${value.name}, ${value.size} bytes]`
  return value
}

/**
 * The journal of a server: up to `limit` entries per app key, oldest dropped
 * first. A limit of 0 keeps nothing.
 *
 * @example
 * const journal = new Journal(100)
 * journal.record({ key: 'K', method: 'GET', path: '/v1/users/count.json', ... })
 * journal.entries({ key: 'K', method_name: 'usersCount' })
 */
export class Journal {
  private readonly byKey = new Map<string | null, JournalEntry[]>()
  private lastId = 0

  /**
   * @param limit - entries kept per app key; a non-negative integer.
   * @throws RangeError for any other limit.
   */
  constructor(readonly limit: number = DEFAULT_JOURNAL_LIMIT) {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`journalLimit must be a whole number of 0 or more, got ${String(limit)}`)
    }
  }

  /** Adds a finished call under its key, dropping that key's oldest entry when over the limit. */
  record(call: JournalRecord): void {
    if (this.limit === 0) return
    let entries = this.byKey.get(call.key)
    if (!entries) {
      entries = []
      this.byKey.set(call.key, entries)
    }
    entries.push({ id: ++this.lastId, ...call })
    if (entries.length > this.limit) entries.shift()
  }

  /** The entries that match `filter`, oldest first, across keys unless it names one. */
  entries(filter: CheckedFilter = {}): JournalEntry[] {
    const lists = filter.key !== undefined ? [this.byKey.get(filter.key) ?? []] : [...this.byKey.values()]
    const since = filter.since?.getTime()
    const found = lists.flat().filter(
      (entry) =>
        (filter.method_name === undefined || entry.method_name === filter.method_name) &&
        (filter.status === undefined || entry.status === filter.status || entry.meta?.code === filter.status) &&
        (since === undefined || Date.parse(entry.time) >= since),
    )
    return lists.length > 1 ? found.sort((a, b) => a.id - b.id) : found
  }

  /**
   * Forgets the entries of `key` (null: calls that sent no key), or without a key every entry.
   * @returns how many entries were removed.
   */
  clear(key?: string | null): number {
    if (key === undefined) {
      const removed = [...this.byKey.values()].reduce((sum, entries) => sum + entries.length, 0)
      this.byKey.clear()
      return removed
    }
    const removed = this.byKey.get(key)?.length ?? 0
    this.byKey.delete(key)
    return removed
  }
}

/**
 * Reads a journal filter from outside (query parameters of `GET /__mock/requests`, or
 * the object given to `requests()`): `key`, `method_name` (one of `methodNames`),
 * `key` null for the calls that sent none,
 * `status` (an HTTP status or ArrowDB code, 100–599, number or digits; it matches either), `since` (a `Date`, an ISO 8601
 * text, or milliseconds since 1970). Empty values do not filter.
 *
 * @throws ApiError 400 `Invalid <name> parameter: <what it takes>`.
 * @example
 * parseJournalFilter({ method_name: 'loginUser', status: '401' }, names) // { method_name: 'loginUser', status: 401 }
 */
export function parseJournalFilter(
  filter: JournalFilter | Readonly<Record<string, unknown>>,
  methodNames: ReadonlySet<string>,
): CheckedFilter {
  const raw = filter as Readonly<Record<string, unknown>>
  const checked: CheckedFilter = {}
  const given = (name: string) => raw[name] !== undefined && raw[name] !== ''
  if (raw.key === null) checked.key = null
  else if (given('key')) {
    if (typeof raw.key !== 'string') throw invalidParameter('key', 'must be an app key')
    checked.key = raw.key
  }
  if (given('method_name')) {
    if (typeof raw.method_name !== 'string' || !methodNames.has(raw.method_name)) {
      throw unknownMethodName(raw.method_name, methodNames)
    }
    checked.method_name = raw.method_name
  }
  if (given('status')) {
    const status = integerValue(raw.status)
    if (status === undefined || status < 100 || status > 599) {
      throw invalidParameter('status', `must be an HTTP status from 100 to 599, got ${JSON.stringify(raw.status)}`)
    }
    checked.status = status
  }
  if (given('since')) {
    const since = readInstant(raw.since)
    if (since === undefined) {
      throw invalidParameter('since', `must be an ISO 8601 date (2024-03-01T10:15:00Z) or milliseconds since 1970, got ${JSON.stringify(raw.since)}`)
    }
    checked.since = since
  }
  return checked
}

function readInstant(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined
  if (typeof value !== 'string') return undefined
  return /^\d+$/.test(value) ? new Date(Number(value)) : parseIsoDate(value)
}

