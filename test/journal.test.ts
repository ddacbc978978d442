import { describe, expect, it } from 'vitest'
import { Journal, parseJournalFilter, redactParams, type JournalRecord } from '../src/journal.js'
import { expectApiError } from './support/expect-api-error.js'

// The request journal's rules, without HTTP (docs/toolkit.md).
const call = (key: string | null, n: number, extra: Partial<JournalRecord> = {}): JournalRecord => ({
  key,
  time: new Date(Date.UTC(2024, 0, 1, 0, 0, n)).toISOString(),
  method: 'GET',
  path: '/v1/users/count.json',
  method_name: 'usersCount',
  params: { n },
  user_id: null,
  status: 200,
  meta: { code: 200 },
  duration_ms: 1,
  ...extra,
})
const names = new Set(['usersCount', 'loginUser'])

describe('Journal', () => {
  it('keeps at most the limit per key, dropping the oldest, and other keys keep theirs', () => {
    const journal = new Journal(3)
    for (let n = 1; n <= 5; n++) journal.record(call('A', n))
    journal.record(call('B', 6))
    expect(journal.entries({ key: 'A' }).map((entry) => entry.params.n)).toEqual([3, 4, 5])
    expect(journal.entries({ key: 'B' }).map((entry) => entry.params.n)).toEqual([6])
  })

  it('lists every key in arrival order without a key filter', () => {
    const journal = new Journal()
    journal.record(call('A', 1))
    journal.record(call('B', 2))
    journal.record(call('A', 3))
    journal.record(call(null, 4))
    expect(journal.entries().map((entry) => [entry.key, entry.id])).toEqual([['A', 1], ['B', 2], ['A', 3], [null, 4]])
    expect(journal.entries({ key: null }).map((entry) => entry.id)).toEqual([4])
  })

  it('keeps nothing with a limit of 0 and refuses a negative or fractional limit', () => {
    const journal = new Journal(0)
    journal.record(call('A', 1))
    expect(journal.entries()).toEqual([])
    expect(() => new Journal(-1)).toThrow(RangeError)
    expect(() => new Journal(1.5)).toThrow('journalLimit must be a whole number of 0 or more, got 1.5')
  })

  it('filters by method_name, status and since together', () => {
    const journal = new Journal()
    journal.record(call('A', 1, { method_name: 'loginUser', status: 401 }))
    journal.record(call('A', 2, { method_name: 'loginUser', status: 200 }))
    journal.record(call('A', 3, { method_name: 'loginUser', status: 401 }))
    journal.record(call('A', 4, { status: 401 }))
    const since = new Date(Date.UTC(2024, 0, 1, 0, 0, 2))
    expect(journal.entries({ method_name: 'loginUser', status: 401, since }).map((entry) => entry.params.n)).toEqual([3])
  })

  it('finds a call by its ArrowDB code as well as by its HTTP status (a failure sent as 200 under suppress_response_codes)', () => {
    const journal = new Journal()
    journal.record(call('A', 1, { method_name: 'loginUser', status: 200, meta: { status: 'fail', code: 400 } }))
    journal.record(call('A', 2, { method_name: 'loginUser', status: 400, meta: { status: 'fail', code: 400 } }))
    journal.record(call('A', 3, { method_name: 'loginUser', status: 200, meta: { status: 'ok', code: 200 } }))
    journal.record(call('A', 4, { status: null, meta: null }))
    expect(journal.entries({ status: 400 }).map((entry) => entry.params.n)).toEqual([1, 2])
    expect(journal.entries({ status: 200 }).map((entry) => entry.params.n)).toEqual([1, 3])
  })

  it('clears one key or all and says how many entries went', () => {
    const journal = new Journal()
    journal.record(call('A', 1))
    journal.record(call('A', 2))
    journal.record(call('B', 3))
    expect(journal.clear('A')).toBe(2)
    expect(journal.entries().map((entry) => entry.key)).toEqual(['B'])
    expect(journal.clear()).toBe(1)
    expect(journal.entries()).toEqual([])
  })
})

describe('redactParams', () => {
  it('hides passwords, tokens, secrets and session ids at any depth, keeping the names', () => {
    const params = {
      login: 'alice',
      password: 'pw',
      password_confirmation: 'pw',
      new_password: 'x',
      _session_id: 's',
      reset_password_token: 't',
      custom_fields: { api_secret: 'k', nested: [{ Password: 'deep' }], color: 'red' },
    }
    expect(redactParams(params)).toEqual({
      login: 'alice',
      password: '[redacted]',
      password_confirmation: '[redacted]',
      new_password: '[redacted]',
      _session_id: '[redacted]',
      reset_password_token: '[redacted]',
      custom_fields: { api_secret: '[redacted]', nested: [{ Password: '[redacted]' }], color: 'red' },
    })
    expect(params.password).toBe('pw')
  })

  it('describes a file by name and size and keeps a __proto__ parameter as a plain key', () => {
    const params = Object.fromEntries([['photo', new File(['abc'], 'me.jpg')], ['__proto__', 'x']])
    const redacted = redactParams(params)
    expect(redacted.photo).toBe('[file me.jpg, 3 bytes]')
    expect(Object.hasOwn(redacted, '__proto__')).toBe(true)
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype)
  })
})

describe('parseJournalFilter', () => {
  it('reads text values as a query string sends them and ignores empty ones', () => {
    expect(parseJournalFilter({ key: 'K', method_name: 'loginUser', status: '401', since: '2024-03-01', pretty: undefined }, names)).toEqual({
      key: 'K',
      method_name: 'loginUser',
      status: 401,
      since: new Date('2024-03-01T00:00:00Z'),
    })
    expect(parseJournalFilter({ since: '1700000000000', status: '' }, names)).toEqual({ since: new Date(1700000000000) })
  })

  it('refuses an unknown method_name, a status outside 100–599 and an unreadable since', () => {
    expectApiError(() => parseJournalFilter({ method_name: 'loginUsr' }, names), 400, /^Invalid method_name parameter: unknown method_name "loginUsr"; known: usersCount, loginUser$/)
    expectApiError(() => parseJournalFilter({ status: '42' }, names), 400, 'Invalid status parameter: must be an HTTP status from 100 to 599, got "42"')
    expectApiError(() => parseJournalFilter({ status: 'ok' }, names), 400, /^Invalid status parameter/)
    expectApiError(() => parseJournalFilter({ since: 'yesterday' }, names), 400, /^Invalid since parameter: must be an ISO 8601 date/)
  })
})
