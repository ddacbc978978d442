import { describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { ids } from '../support/fixture-s.js'
import { login } from '../support/client.js'
import { serversStoppedAfterEach } from '../support/servers.js'
import { rawRequest } from '../support/raw-http.js'

// The request journal over real HTTP and in code (docs/toolkit.md).
const start = serversStoppedAfterEach()

async function admin(server: RunningMockCloud, method: string, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}${path}`, { method })
  return { status: response.status, body: await response.json() }
}

describe('the request journal', () => {
  it('records each call with its params, session user, status, meta and method_name, in code and at GET /__mock/requests', async () => {
    const { server, call } = await start()
    const session = await login(call, 'alice', 'pw-alice')
    await call('GET', 'users/show/me', { pretty_json: false }, { session })
    await call('GET', 'users/show', {}, { key: 'OTHER' })

    const inCode = server.requests({ key: 'TESTKEY' })
    expect(inCode).toHaveLength(2)
    expect(inCode[1]).toMatchObject({
      key: 'TESTKEY',
      method: 'GET',
      path: '/v1/users/show/me.json',
      method_name: 'showMe',
      params: { key: 'TESTKEY', _session_id: '[redacted]', pretty_json: 'false' },
      user_id: ids.alice,
      status: 200,
      meta: { code: 200, status: 'ok', method_name: 'showMe' },
    })
    expect(inCode[1]!.duration_ms).toBeGreaterThanOrEqual(0)
    expect(Date.parse(inCode[1]!.time)).not.toBeNaN()

    const overHttp = await admin(server, 'GET', '/__mock/requests?key=TESTKEY')
    expect(overHttp.status).toBe(200)
    expect(overHttp.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'mockRequests', count: 2 })
    expect(overHttp.body.response.requests).toEqual(inCode)

    const all = await admin(server, 'GET', '/__mock/requests')
    expect(all.body.response.requests.map((entry: any) => [entry.key, entry.method_name, entry.status])).toEqual([
      ['TESTKEY', 'loginUser', 200],
      ['TESTKEY', 'showMe', 200],
      ['OTHER', 'showUsers', 400],
    ])
  })

  it('never keeps a password, confirmation or session id, from a form or a JSON body', async () => {
    const { server, call } = await start()
    await call('POST', 'users/create', {}, { form: { username: 'zed', password: 'secret-1', password_confirmation: 'secret-1' } })
    await call('POST', 'users/login', {}, { json: { login: 'zed', password: 'secret-1' } })
    const text = await (await fetch(`${server.url}/__mock/requests`)).text()
    expect(text).not.toContain('secret-1')
    const [create, loginCall] = server.requests()
    expect(create?.params).toEqual({ key: 'TESTKEY', username: 'zed', password: '[redacted]', password_confirmation: '[redacted]' })
    expect(loginCall?.params).toEqual({ key: 'TESTKEY', login: 'zed', password: '[redacted]' })
    // The meta of a login carries the new session id; the journal shows what the client got.
    expect(loginCall?.meta?.session_id).toEqual(expect.any(String))
  })

  it('records failures, unknown paths and calls without a key too', async () => {
    const { server, call } = await start()
    await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'wrong' } })
    await call('GET', 'users/fly')
    await call('GET', 'users/count', {}, { key: null })
    const entries = server.requests()
    expect(entries.map((entry) => [entry.key, entry.method_name, entry.status, entry.meta?.code])).toEqual([
      ['TESTKEY', 'loginUser', 401, 401],
      ['TESTKEY', null, 404, 404],
      [null, 'usersCount', 401, 401],
    ])
    expect(server.requests({ key: null })).toHaveLength(1)
  })

  it('filters by method_name, status and since, over HTTP and in code', async () => {
    const { server, call } = await start()
    await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'wrong' } })
    const between = server.requests()[0]!.time
    await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice' } })
    await call('POST', 'users/login', {}, { form: { login: 'bob', password: 'wrong' } })
    await call('GET', 'users/count')

    const failedLogins = await admin(server, 'GET', '/__mock/requests?method_name=loginUser&status=401')
    expect(failedLogins.body.response.requests.map((entry: any) => entry.params.login)).toEqual(['alice', 'bob'])
    expect(server.requests({ method_name: 'loginUser', status: 401 })).toEqual(failedLogins.body.response.requests)

    const since = server.requests()[1]!.time
    const recent = await admin(server, 'GET', `/__mock/requests?since=${encodeURIComponent(since)}`)
    expect(recent.body.response.requests.map((entry: any) => entry.method_name)).toEqual(
      server.requests({ since: new Date(since) }).map((entry) => entry.method_name),
    )
    expect(server.requests({ since: between })).toHaveLength(4)
    expect(server.requests({ since: Date.parse(since) + 60_000 })).toEqual([])
  })

  it('status=400 finds a failure sent as HTTP 200 under suppress_response_codes, as Titanium\'s Cloud asks', async () => {
    const { server, call } = await start()
    await call('GET', 'keyvalues/get', { name: 'score', suppress_response_codes: 'true' })
    await call('GET', 'users/count')
    const failed = await admin(server, 'GET', '/__mock/requests?status=400')
    expect(failed.body.response.requests.map((entry: any) => [entry.method_name, entry.status, entry.meta.status, entry.meta.code])).toEqual([
      ['getKeyvalue', 200, 'fail', 400],
    ])
    expect(server.requests({ status: 400 })).toEqual(failed.body.response.requests)
  })

  it('drops the oldest calls of a key beyond --journal-limit, leaving other keys alone', async () => {
    const { server, call } = await start({ journalLimit: 3 })
    for (const n of [1, 2, 3, 4, 5]) await call('GET', 'users/query', { limit: n })
    await call('GET', 'users/count', {}, { key: 'OTHER' })
    const kept = await admin(server, 'GET', '/__mock/requests?key=TESTKEY')
    expect(kept.body.response.requests.map((entry: any) => entry.params.limit)).toEqual(['3', '4', '5'])
    expect(server.requests({ key: 'OTHER' })).toHaveLength(1)
  })

  it('DELETE /__mock/requests?key=K clears one key, without key all; clearRequests() the same in code', async () => {
    const { server, call } = await start()
    for (const key of ['A', 'A', 'B', 'C']) await call('GET', 'users/count', {}, { key })
    const cleared = await admin(server, 'DELETE', '/__mock/requests?key=A')
    expect(cleared.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'mockClearRequests', count: 2 })
    expect(server.requests().map((entry) => entry.key)).toEqual(['B', 'C'])
    expect(server.clearRequests('B')).toBe(1)
    expect(server.requests().map((entry) => entry.key)).toEqual(['C'])
    expect((await admin(server, 'DELETE', '/__mock/requests')).body.meta.count).toBe(1)
    expect(server.requests()).toEqual([])
  })

  it('reset of a key empties that key\'s journal only', async () => {
    const { server, call } = await start()
    await call('GET', 'users/count', {}, { key: 'A' })
    await call('GET', 'users/count', {}, { key: 'B' })
    await admin(server, 'POST', '/__mock/reset?key=A')
    expect(server.requests().map((entry) => entry.key)).toEqual(['B'])
    await server.reset()
    expect(server.requests()).toEqual([])
  })

  it('answers bad filters with a 400 envelope', async () => {
    const { server } = await start()
    const unknown = await admin(server, 'GET', '/__mock/requests?method_name=logon')
    expect(unknown.status).toBe(400)
    expect(unknown.body.meta).toMatchObject({ status: 'fail', code: 400, method_name: 'mockRequests' })
    expect(unknown.body.meta.message).toMatch(/^Invalid method_name parameter: unknown method_name "logon"; known: createUser, loginUser/)
    const status = await admin(server, 'GET', '/__mock/requests?status=abc')
    expect(status.body.meta.message).toBe('Invalid status parameter: must be an HTTP status from 100 to 599, got "abc"')
    const since = await admin(server, 'GET', '/__mock/requests?since=soon')
    expect(since.body.meta.code).toBe(400)
    const typo = await admin(server, 'GET', '/__mock/requests?methodname=loginUser')
    expect(typo.body.meta.message).toBe('Unknown parameter "methodname" for /__mock/requests; it takes key, method_name, status, since')
    expect(() => server.requests({ method_name: 'logon' })).toThrow(/unknown method_name "logon"/)
  })

  it('answers other verbs with a 405 naming GET and DELETE', async () => {
    const { server } = await start()
    const reply = await rawRequest(server.url, 'POST', '/__mock/requests')
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('GET, DELETE')
    expect(reply.body.meta.message).toBe('__mock/requests takes GET or DELETE, not POST')
  })
})
