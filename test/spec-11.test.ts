import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnServer, type ChildServer } from './support/child-server.js'
import { client, login, startServer, type Call, type CallOptions } from './support/client.js'
import { serversStoppedAfterEach } from './support/servers.js'
import { ids } from './support/fixture-s.js'
import type { RunningMockCloud } from '../src/server.js'

// Rules of docs/api.md and docs/users.md that no other test file pinned down over HTTP: method_name on the failures of every endpoint, suppress_response_codes
// on every kind of failure, the boolean words, HEAD, pretty_json, count above 5000, ties in
// order, meta-only deletes, the session lookup order and the extra verbs of the endpoint table (docs/users.md "Endpoints").
const NO_SESSION = 'You need to sign in or sign up before continuing.'
const NOT_AUTHORIZED = 'You are not authorized to perform this action.'
const BAD_TOKEN = 'Invalid or expired token.'

const usernames = (reply: { body: any }): string[] => reply.body.response.users.map((u: { username: string }) => u.username)

describe('the failures of every endpoint carry its method_name; suppress_response_codes gives HTTP 200 (docs/api.md "Envelope", "Status codes")', () => {
  let server: RunningMockCloud
  let call: Call
  let alice: string
  beforeAll(async () => {
    ;({ server, call } = await startServer())
    alice = await login(call, 'alice', 'pw-alice')
  })
  afterAll(() => server.stop())

  // [endpoint, verb, params, code, message, method_name, needs alice's session]
  const failures: [string, string, Record<string, string>, number, string, string, boolean][] = [
    ['users/create', 'POST', {}, 400, 'Failed to create user: Validation failed - A username, email or external account is required.', 'createUser', false],
    ['users/login', 'POST', { login: 'alice', password: 'wrong' }, 401, 'Invalid email/username or password.', 'loginUser', false],
    ['users/logout', 'GET', {}, 401, NO_SESSION, 'logoutUser', false],
    ['users/show', 'GET', { user_id: 'nope' }, 400, "Invalid object id: 'nope'", 'showUsers', false],
    ['users/show/me', 'GET', {}, 401, NO_SESSION, 'showMe', false],
    ['users/update', 'PUT', { first_name: 'X' }, 401, NO_SESSION, 'updateUser', false],
    ['users/delete', 'DELETE', {}, 401, NO_SESSION, 'deleteUser', false],
    ['users/query', 'GET', { limit: '0' }, 400, 'Invalid limit parameter; value must be in a valid range of 1~1000', 'queryUsers', false],
    ['users/search', 'GET', { per_page: '1001' }, 400, 'Invalid per_page parameter; value must be in a valid range of 1~1000', 'searchUsers', false],
    ['users/count', 'GET', { where: '{"$where":"1"}' }, 400, 'Invalid where parameter: operator $where is not supported', 'usersCount', false],
    ['users/batch_delete', 'DELETE', {}, 403, NOT_AUTHORIZED, 'batchDelete', true],
    ['users/request_reset_password', 'GET', {}, 400, 'Email is required.', 'requestResetPassword', false],
    ['users/resend_confirmation', 'GET', { email: 'nobody@example.com' }, 404, 'No user found with this email address.', 'resendConfirmation', false],
    ['users/confirm_user', 'GET', { confirmation_token: 'nope' }, 400, BAD_TOKEN, 'confirmUser', false],
    ['users/reset_password', 'GET', { reset_password_token: 'nope', password: 'a', password_confirmation: 'a' }, 400, BAD_TOKEN, 'resetPassword', false],
    ['users/external_account_login', 'POST', { type: 'facebook', token: 't' }, 400, 'Required field: id', 'externalAccountLogin', false],
    ['users/external_account_link', 'POST', { id: 'x', type: 'custom' }, 401, NO_SESSION, 'externalAccountLink', false],
    ['users/external_account_unlink', 'DELETE', { id: 'x', type: 'custom' }, 401, NO_SESSION, 'externalAccountUnlink', false],
  ]

  /** Sends the params as ti.cloud and the arrowdb SDK do: in the body for POST/PUT, in the URL otherwise. */
  const send = (verb: string, endpoint: string, params: Record<string, string>, session: boolean) => {
    const options: CallOptions = session ? { session: alice } : {}
    return verb === 'POST' || verb === 'PUT' ? call(verb, endpoint, {}, { ...options, form: params }) : call(verb, endpoint, params, options)
  }

  it.each(failures)('%s (%s) fails with its own method_name, HTTP status = meta.code', async (endpoint, verb, params, code, message, method_name, session) => {
    const reply = await send(verb, endpoint, params, session)
    expect(reply.status).toBe(code)
    expect(reply.body).toEqual({ meta: { status: 'fail', code, message, method_name } })
  })

  it.each(failures)('%s (%s) with suppress_response_codes=true answers HTTP 200 and the same body', async (endpoint, verb, params, code, message, method_name, session) => {
    const reply = await send(verb, endpoint, { ...params, suppress_response_codes: 'true' }, session)
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ meta: { status: 'fail', code, message, method_name } })
  })
})

describe('suppress_response_codes on every kind of failure (docs/api.md "Status codes")', () => {
  const start = serversStoppedAfterEach()
  const suppressed = { suppress_response_codes: '1' }

  it('a missing app key (401) and an app key outside --app-key (401), with the flag in the URL or the body', async () => {
    const { call } = await start({ appKeys: ['TESTKEY'] })
    const missing = await call('GET', 'users/count', suppressed, { key: null })
    expect([missing.status, missing.body.meta]).toEqual([200, { status: 'fail', code: 401, message: 'Application key is not provided. Send it as the key parameter (?key=YOUR_KEY), or start mock-cloud with --default-app-key KEY (option defaultAppKey) for calls that send none.', method_name: 'usersCount' }])
    const wrong = await call('POST', 'users/login', {}, { key: 'WRONG', form: { ...suppressed, login: 'alice', password: 'pw-alice' } })
    expect([wrong.status, wrong.body.meta]).toEqual([200, { status: 'fail', code: 401, message: 'Invalid app key: this server takes only TESTKEY (--app-key, option appKeys)', method_name: 'loginUser' }])
  })

  it('403 not allowed and 404 User not found', async () => {
    const { call } = await start()
    const alice = await login(call, 'alice', 'pw-alice')
    const forbidden = await call('DELETE', 'users/delete', { ...suppressed, user_ids: ids.bob }, { session: alice })
    expect([forbidden.status, forbidden.body.meta.code, forbidden.body.meta.message]).toEqual([200, 403, NOT_AUTHORIZED])
    const missing = await call('GET', 'users/show', { ...suppressed, user_id: '5f00000000000000000000ff' })
    expect([missing.status, missing.body.meta.code, missing.body.meta.message]).toEqual([200, 404, 'User not found.'])
  })

  it('an unknown endpoint (404) and a wrong verb (405), with the flag in the URL', async () => {
    const { call } = await start()
    const unknown = await call('GET', 'users/fly', suppressed)
    expect([unknown.status, unknown.body.meta]).toEqual([200, { status: 'fail', code: 404, message: 'Unknown endpoint: GET /v1/users/fly.json' }])
    const verb = await call('GET', 'users/create', suppressed)
    expect([verb.status, verb.body.meta.code, verb.body.meta.method_name]).toEqual([200, 405, 'createUser'])
  })

  it('a wrong verb and an unknown endpoint with the flag in a form body, where ti.cloud puts it on a POST', async () => {
    const { call } = await start()
    const verb = await call('POST', 'users/query', {}, { form: { ...suppressed, where: '{}' } })
    expect([verb.status, verb.body.meta]).toEqual([
      200, { status: 'fail', code: 405, message: 'users/query.json takes GET, not POST', method_name: 'queryUsers' },
    ])
    const unknown = await call('POST', 'users/fly', {}, { form: suppressed })
    expect([unknown.status, unknown.body.meta.code]).toEqual([200, 404])
  })

  it('the flag as a JSON true in a JSON body', async () => {
    const { call } = await start()
    const reply = await call('POST', 'users/login', {}, { json: { suppress_response_codes: true, login: 'alice', password: 'wrong' } })
    expect([reply.status, reply.body.meta.code]).toEqual([200, 401])
  })

  it('bodies the server cannot read: malformed JSON (400), an unsupported Content-Type (415), over 1 MiB (413), the flag in the URL', async () => {
    const { server } = await start()
    const url = `${server.url}/v1/users/login.json?key=TESTKEY&suppress_response_codes=true`
    const post = (body: string, type: string) => fetch(url, { method: 'POST', headers: { 'content-type': type }, body })
    for (const [response, code] of [
      [await post('{"login":', 'application/json'), 400],
      [await post('<login/>', 'application/xml'), 415],
      [await post('x'.repeat(1024 * 1024 + 1), 'application/x-www-form-urlencoded'), 413],
    ] as const) {
      expect(response.status).toBe(200)
      expect(((await response.json()) as any).meta).toMatchObject({ status: 'fail', code, method_name: 'loginUser' })
    }
  })
})

describe('booleans: true, t, 1, yes are true; false, f, 0, no and empty are false, in any case (docs/api.md "Parameters")', () => {
  let server: RunningMockCloud
  let call: Call
  beforeAll(async () => ({ server, call } = await startServer()))
  afterAll(() => server.stop())

  it.each(['true', 't', '1', 'yes', 'TRUE', 'T', 'Yes'])('count=%s puts meta.count on a query', async (word) => {
    const reply = await call('GET', 'users/query', { count: word, limit: 1 })
    expect(reply.body.meta.count).toBe(5)
  })

  it.each(['false', 'f', '0', 'no', 'FALSE', 'F', 'No', ''])('count=%j leaves meta.count out', async (word) => {
    const reply = await call('GET', 'users/query', { count: word, limit: 1 })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).not.toHaveProperty('count')
  })

  it.each(['no', 'f', '0', 'NO', ''])('suppress_response_codes=%j keeps the HTTP status of a failure', async (word) => {
    expect((await call('GET', 'users/show/me', { suppress_response_codes: word })).status).toBe(401)
  })

  it.each(['t', 'yes', '1', 'True'])('pretty_json=%s indents', async (word) => {
    const reply = await call('GET', 'users/count', { pretty_json: word })
    expect(reply.text).toBe(JSON.stringify(reply.body, null, 2))
  })
})

describe('pretty_json: two-space indentation of every reply (docs/api.md "Status codes")', () => {
  let server: RunningMockCloud
  let call: Call
  beforeAll(async () => ({ server, call } = await startServer()))
  afterAll(() => server.stop())

  it('indents a reply with users, and leaves a reply without the flag on one line', async () => {
    const pretty = await call('GET', 'users/query', { pretty_json: 'true', limit: 2 })
    expect(pretty.text).toBe(JSON.stringify(pretty.body, null, 2))
    expect(pretty.text).toContain('\n        "username": "alice"')
    const plain = await call('GET', 'users/query', { limit: 2 })
    expect(plain.text).toBe(JSON.stringify(pretty.body))
  })

  it('indents failures too, also under suppress_response_codes', async () => {
    const reply = await call('GET', 'users/show/me', { pretty_json: 't', suppress_response_codes: 't' })
    expect(reply.status).toBe(200)
    expect(reply.text).toBe(JSON.stringify({ meta: { status: 'fail', code: 401, message: NO_SESSION, method_name: 'showMe' } }, null, 2))
  })
})

describe('HEAD (answered as GET without a body, docs/differences.md)', () => {
  let server: RunningMockCloud
  beforeAll(async () => ({ server } = await startServer()))
  afterAll(() => server.stop())
  const head = (path: string) => fetch(`${server.url}/v1/${path}`, { method: 'HEAD' })

  it('has the status and Content-Type of the GET, for a success and a failure, and no body', async () => {
    const ok = await head('users/query.json?key=TESTKEY')
    expect([ok.status, ok.headers.get('content-type'), await ok.text()]).toEqual([200, 'application/json; charset=utf-8', ''])
    const fail = await head('users/show/me.json?key=TESTKEY')
    expect([fail.status, await fail.text()]).toEqual([401, ''])
    const suppressed = await head('users/show/me.json?key=TESTKEY&suppress_response_codes=true')
    expect(suppressed.status).toBe(200)
  })

  it('on an endpoint that takes no GET is a 405 naming its verbs', async () => {
    const reply = await head('users/create.json?key=TESTKEY')
    expect([reply.status, reply.headers.get('allow')]).toEqual([405, 'POST'])
  })
})

describe('count above 5000 (docs/api.md "Queries")', () => {
  let server: RunningMockCloud
  let call: Call
  beforeAll(async () => {
    const users = Array.from({ length: 5001 }, (_, i) => ({ username: `u${i}`, password: 'pw', custom_fields: { n: i } }))
    ;({ server, call } = await startServer({ fixtures: { users } }))
  })
  afterAll(() => server.stop())

  it('query count=true says the string "5000+" for 5001 matches and the number 5000 for 5000', async () => {
    const over = await call('GET', 'users/query', { count: 'true', limit: 1 })
    expect(over.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryUsers', count: '5000+' })
    const at = await call('GET', 'users/query', { count: 'true', limit: 1, where: { n: { $lt: 5000 } } })
    expect(at.body.meta.count).toBe(5000)
  })

  it('users/count.json says the integer 5001 (meta.count is an integer; "5000+" is for queries)', async () => {
    const reply = await call('GET', 'users/count')
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'usersCount', count: 5001 } })
  })
})

describe('order and ties in order (docs/api.md "Queries")', () => {
  const start = serversStoppedAfterEach()
  const tied = {
    users: [
      { id: '5f0000000000000000000011', username: 'p1', password: 'pw', custom_fields: { rank: 2, team: 'b' } },
      { id: '5f0000000000000000000012', username: 'p2', password: 'pw', custom_fields: { rank: 1, team: 'a' } },
      { id: '5f0000000000000000000013', username: 'p3', password: 'pw', custom_fields: { rank: 2, team: 'a' } },
      { id: '5f0000000000000000000014', username: 'p4', password: 'pw', custom_fields: { rank: 1, team: 'b' } },
      { id: '5f0000000000000000000015', username: 'p5', password: 'pw', custom_fields: { rank: 2 } },
    ],
  }

  it('equal keys keep creation order (ascending id), ascending and descending alike', async () => {
    const { call } = await start({ fixtures: tied })
    expect(usernames(await call('GET', 'users/query', { order: 'rank' }))).toEqual(['p2', 'p4', 'p1', 'p3', 'p5'])
    expect(usernames(await call('GET', 'users/query', { order: '-rank' }))).toEqual(['p1', 'p3', 'p5', 'p2', 'p4'])
    expect(usernames(await call('GET', 'users/query', { order: '-rank,team' }))).toEqual(['p5', 'p3', 'p1', 'p2', 'p4'])
  })

  it('ties keep creation order across pages too', async () => {
    const { call } = await start({ fixtures: tied })
    const pages = [0, 2, 4].map((skip) => call('GET', 'users/query', { order: '-rank', limit: 2, skip }))
    expect((await Promise.all(pages)).flatMap(usernames)).toEqual(['p1', 'p3', 'p5', 'p2', 'p4'])
  })

  it('a field no user has sorts as missing: creation order, not a 400', async () => {
    const { call } = await start({ fixtures: tied })
    expect(usernames(await call('GET', 'users/query', { order: '-nobody_has_this' }))).toEqual(['p1', 'p2', 'p3', 'p4', 'p5'])
  })
})

describe('deletes: every delete replies with meta only and is done before the reply (docs/users.md "Writes")', () => {
  const start = serversStoppedAfterEach()

  it.each([
    ['delete of the caller', 'alice', {}, 4],
    ['delete by su_id (admin)', 'admin', { su_id: ids.bob }, 4],
    ['delete by user_ids (admin)', 'admin', { user_ids: `${ids.bob},${ids.carol}` }, 3],
    ['batch_delete with where (admin)', 'admin', { where: '{"username":{"$in":["bob","dave"]}}' }, 3],
    ['batch_delete matching nobody (admin)', 'admin', { where: '{"username":"nobody"}' }, 5],
  ])('%s: {meta} with no response, and the count has changed', async (_name, who, params, left) => {
    const { call } = await start()
    const session = await login(call, who, `pw-${who}`)
    const endpoint = 'where' in params ? 'users/batch_delete' : 'users/delete'
    const reply = await call('DELETE', endpoint, params, { session })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: endpoint === 'users/delete' ? 'deleteUser' : 'batchDelete' } })
    expect((await call('GET', 'users/count')).body.meta.count).toBe(left)
  })
})

describe('session lookup: _session_id, then session_id, then the cookie (docs/api.md "Sessions")', () => {
  let server: RunningMockCloud
  let call: Call
  let alice: string
  let bob: string
  beforeAll(async () => {
    ;({ server, call } = await startServer())
    ;[alice, bob] = [await login(call, 'alice', 'pw-alice'), await login(call, 'bob', 'pw-bob')]
  })
  afterAll(() => server.stop())
  const me = async (query: Record<string, string>, options: CallOptions = {}) =>
    usernames(await call('GET', 'users/show/me', query, options))

  it('_session_id wins over session_id, and session_id over the cookie', async () => {
    expect(await me({ _session_id: alice, session_id: bob })).toEqual(['alice'])
    expect(await me({ session_id: bob }, { cookie: `_session_id=${alice}` })).toEqual(['bob'])
  })

  it('_session_id in a form body is read like in the URL (query and body merge)', async () => {
    const reply = await call('PUT', 'users/update', {}, { form: { _session_id: bob, role: 'tester' } })
    expect(usernames(reply)).toEqual(['bob'])
  })

  it('an id that is not a live session counts as no session, even with a live cookie behind it (the first one found is used)', async () => {
    const reply = await call('GET', 'users/show/me', { _session_id: 'not-a-session' }, { cookie: `_session_id=${alice}` })
    expect(reply.status).toBe(401)
  })
})

describe('session cookie: Set-Cookie on login, non-admin create and external_account_login; cleared by logout (docs/api.md "Sessions")', () => {
  const start = serversStoppedAfterEach()
  const cookieOf = (reply: { headers: Headers; body: any }) => reply.headers.get('set-cookie')

  it('each session-giving call sets _session_id=<meta.session_id>; Path=/; HttpOnly, and the cookie alone then works', async () => {
    const { call } = await start()
    const replies = [
      await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice' } }),
      await call('POST', 'users/create', {}, { form: { username: 'zed', password: 'p', password_confirmation: 'p' } }),
      await call('POST', 'users/external_account_login', {}, { form: { id: 'fb-1', type: 'facebook', token: 't' } }),
    ]
    for (const reply of replies) {
      const id = reply.body.meta.session_id as string
      expect(cookieOf(reply)).toBe(`_session_id=${id}; Path=/; HttpOnly`)
      expect((await call('GET', 'users/show/me', {}, { cookie: `_session_id=${id}` })).status).toBe(200)
    }
  })

  it('logout by the cookie alone clears it with Max-Age=0 and the session stops working', async () => {
    const { call } = await start()
    const cookie = `_session_id=${await login(call, 'bob', 'pw-bob')}`
    const out = await call('GET', 'users/logout', {}, { cookie })
    expect(cookieOf(out)).toMatch(/^_session_id=; Max-Age=0; Path=\/; HttpOnly$/)
    expect((await call('GET', 'users/show/me', {}, { cookie })).status).toBe(401)
  })
})

describe('the endpoint table: the extra verbs (docs/users.md "Endpoints")', () => {
  const start = serversStoppedAfterEach()

  it.each(['GET', 'POST', 'DELETE'])('logout by %s logs out', async (verb) => {
    const { call } = await start()
    const session = await login(call, 'alice', 'pw-alice')
    const reply = await call(verb, 'users/logout', {}, { session })
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'logoutUser' } })
    expect((await call('GET', 'users/show/me', {}, { session })).status).toBe(401)
  })

  it('update by POST updates, like PUT', async () => {
    const { call } = await start()
    const session = await login(call, 'alice', 'pw-alice')
    const reply = await call('POST', 'users/update', {}, { session, form: { first_name: 'Ali' } })
    expect(reply.body.meta.method_name).toBe('updateUser')
    expect(reply.body.response.users[0].first_name).toBe('Ali')
  })

  it.each([
    ['users/show', 'POST', 'GET'],
    ['users/query', 'DELETE', 'GET'],
    ['users/delete', 'GET', 'DELETE'],
    ['users/batch_delete', 'POST', 'DELETE'],
    ['users/external_account_login', 'GET', 'POST'],
  ])('%s refuses %s with 405 and Allow: %s', async (endpoint, verb, allow) => {
    const { call } = await start()
    const reply = await call(verb, endpoint)
    expect([reply.status, reply.headers.get('allow'), reply.body.meta.code]).toEqual([405, allow, 405])
  })
})

describe('case: username and email stored lowercased, login case-insensitive, where case-sensitive (docs/users.md "Case")', () => {
  let server: RunningMockCloud
  let call: Call
  beforeAll(async () => ({ server, call } = await startServer()))
  afterAll(() => server.stop())

  it('a user created as Zoe@Example.COM / ZOE comes back lowercased and where matches the stored case only', async () => {
    const made = await call('POST', 'users/create', {}, {
      form: { username: 'ZOE', email: 'Zoe@Example.COM', first_name: 'Zoe', last_name: 'Q', password: 'p', password_confirmation: 'p' },
    })
    expect(made.body.response.users[0]).toMatchObject({ username: 'zoe', email: 'zoe@example.com' })
    expect(usernames(await call('GET', 'users/query', { where: { username: 'zoe' } }))).toEqual(['zoe'])
    expect(usernames(await call('GET', 'users/query', { where: { username: 'ZOE' } }))).toEqual([])
    expect(usernames(await call('GET', 'users/query', { where: { first_name: 'zoe' } }))).toEqual([])
    expect(usernames(await call('GET', 'users/query', { where: { first_name: 'Zoe' } }))).toEqual(['zoe'])
  })
})

describe('app keys: a server started with a default key (docs/api.md "App keys")', () => {
  const start = serversStoppedAfterEach()

  it('answers a request without key as that key: the same data set, sessions included', async () => {
    const { call } = await start({ defaultAppKey: 'TESTKEY' })
    const made = await call('POST', 'users/create', {}, { key: null, form: { username: 'keyless', password: 'p', password_confirmation: 'p' } })
    expect(made.status).toBe(200)
    expect((await call('GET', 'users/count', {}, { key: 'TESTKEY' })).body.meta.count).toBe(6)
    expect((await call('GET', 'users/count', {}, { key: 'OTHER' })).body.meta.count).toBe(5)
    const me = await call('GET', 'users/show/me', {}, { key: 'TESTKEY', session: made.body.meta.session_id })
    expect(usernames(me)).toEqual(['keyless'])
  })

  it('with --app-key too, accepts the default key and the listed ones, and refuses others with 401', async () => {
    const { call } = await start({ appKeys: ['LISTED'], defaultAppKey: 'DEFAULT' })
    for (const key of [null, 'DEFAULT', 'LISTED']) expect((await call('GET', 'users/count', {}, { key })).status).toBe(200)
    const other = await call('GET', 'users/count', {}, { key: 'OTHER' })
    expect([other.status, other.body.meta.message]).toEqual([401, 'Invalid app key: this server takes only LISTED, DEFAULT (--app-key, option appKeys)'])
  })

  it('records a call without key in the journal under the default key', async () => {
    const { server, call } = await start({ defaultAppKey: 'TESTKEY' })
    await call('GET', 'users/count', {}, { key: null })
    expect(server.requests({ key: 'TESTKEY' }).map((entry) => [entry.key, entry.method_name])).toEqual([['TESTKEY', 'usersCount']])
  })

  it('an empty key parameter counts as none', async () => {
    const { call } = await start({ defaultAppKey: 'TESTKEY' })
    expect((await call('GET', 'users/count', {}, { key: '' })).body.meta.count).toBe(5)
  })
})

describe('--data FILE: an acknowledged write survives kill -9 (docs/command-line.md)', () => {
  let dir: string
  const children: ChildServer[] = []
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mock-cloud-spec11-')) })
  afterAll(async () => {
    for (const { child, exited } of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    }
    await rm(dir, { recursive: true, force: true })
  })

  it('create, update and delete acknowledged before SIGKILL are all there after a restart on the same file', async () => {
    const file = join(dir, 'data.json')
    const args = ['start', '--port', '0', '--fixtures', 'fixtures/users.json', '--data', file]
    const first = await spawnServer(args)
    children.push(first)
    const call = client(first.url)
    const made = await call('POST', 'users/create', {}, { form: { username: 'kept', password: 'p', password_confirmation: 'p' } })
    expect(made.status).toBe(200)
    const session = made.body.meta.session_id as string
    expect((await call('PUT', 'users/update', {}, { session, form: { role: 'survivor' } })).status).toBe(200)
    const bob = await login(call, 'bob', 'bob-pass')
    expect((await call('DELETE', 'users/delete', {}, { session: bob })).status).toBe(200)
    first.child.kill('SIGKILL')
    expect(await first.exited).toEqual([null, 'SIGKILL'])

    const second = await spawnServer(args)
    children.push(second)
    const again = client(second.url)
    const me = await again('GET', 'users/show/me', {}, { session })
    expect(me.body.response.users[0]).toMatchObject({ username: 'kept', role: 'survivor' })
    expect((await again('POST', 'users/login', {}, { form: { login: 'bob', password: 'bob-pass' } })).status).toBe(401)
    second.child.kill('SIGTERM')
    expect(await second.exited).toEqual([0, null])
  })
})

describe('logout and sel / unsel: parameters clients send (docs/api.md "Sessions", "Queries")', () => {
  let server: RunningMockCloud
  let call: Call
  beforeAll(async () => ({ server, call } = await startServer()))
  afterAll(() => server.stop())

  it('logout takes device_token (push subscriptions, none here) and logs out', async () => {
    const session = await login(call, 'dave', 'pw-dave')
    const reply = await call('GET', 'users/logout', { device_token: 'abc123' }, { session })
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'logoutUser' } })
  })

  it.each([
    [{ sel: { fields: ['username'] } }, /^Invalid sel parameter: /],
    [{ unsel: ['username'] }, /^Invalid unsel parameter: /],
    [{ sel: { all: ['username'] }, unsel: { all: [] } }, /^Invalid sel parameter: sel and unsel cannot be used together/],
  ])('sel/unsel other than {"all":[...]} alone: %j → 400', async (query, message) => {
    const reply = await call('GET', 'users/query', query)
    expect([reply.status, reply.body.meta.method_name]).toEqual([400, 'queryUsers'])
    expect(reply.body.meta.message).toMatch(message)
  })
})
