import { createCloud, settled, type Cloud, type CloudCallback, type CloudResponse } from 'mock-cloud/ti-cloud'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer, type Call } from '../support/client.js'
import { ids } from '../support/fixture-s.js'
import { outcome } from '../support/titanium.js'

/**
 * The Cloud object against a running mock-cloud (fixture S, test/support/fixture-s.ts): the callback objects of
 * failures carry the server's code and message, and the Users calls beyond the documentation's
 * examples (count, batchDelete, show with user_ids, sendRequest) work end to end.
 */

const NO_SESSION = 'You need to sign in or sign up before continuing.'
const BAD_LOGIN = 'Invalid email/username or password.'

let server: RunningMockCloud
let call: Call
let Cloud: Cloud

beforeAll(async () => {
  ;({ server, call } = await startServer())
})
afterAll(() => server.stop())
beforeEach(async () => {
  await server.reset()
  Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
})

/** Logs `login` in on the Cloud; fails the test if that fails. */
async function logIn(login: string, password: string): Promise<void> {
  const e = await outcome((cb) => Cloud.Users.login({ login, password }, cb))
  expect(e.success).toBe(true)
}

describe('failures give success false, error true, and the code and message the server sends (no meta)', () => {
  it.each([
    ['a wrong password', { login: 'alice', password: 'wrong' }],
    ['an unknown login', { login: 'nobody', password: 'pw-alice' }],
  ])('login with %s: 401', async (_name, data) => {
    const e = await outcome((cb) => Cloud.Users.login(data, cb))
    expect(e).toEqual({ success: false, error: true, code: 401, message: BAD_LOGIN })
    expect(Cloud.sessionId).toBeUndefined()
  })

  it.each([
    ['showMe', (cb: CloudCallback) => Cloud.Users.showMe(cb)],
    ['update', (cb: CloudCallback) => Cloud.Users.update({ first_name: 'X' }, cb)],
    ['logout', (cb: CloudCallback) => Cloud.Users.logout(cb)],
    ['remove', (cb: CloudCallback) => Cloud.Users.remove(cb)],
  ])('%s when not logged in: 401', async (_name, start) => {
    const e = await outcome(start)
    expect(e).toEqual({ success: false, error: true, code: 401, message: NO_SESSION })
  })

  it('showMe after logout: 401, with the session that worked before', async () => {
    await logIn('alice', 'pw-alice')
    const session = Cloud.sessionId
    expect((await outcome((cb) => Cloud.Users.logout(cb))).success).toBe(true)
    Cloud.sessionId = session
    const e = await outcome((cb) => Cloud.Users.showMe(cb))
    expect(e).toEqual({ success: false, error: true, code: 401, message: NO_SESSION })
  })

  it.each([
    ['create with a taken username: 400', (cb: CloudCallback) => Cloud.Users.create({ username: 'alice', password: 'p', password_confirmation: 'p' }, cb), 400, 'Failed to create user: Validation failed - Username is already taken.'],
    ['create with mismatched passwords: 400', (cb: CloudCallback) => Cloud.Users.create({ username: 'zed', password: 'p', password_confirmation: 'q' }, cb), 400, "Failed to create user: Validation failed - Password confirmation doesn't match Password."],
    ['show with an unknown id: 404', (cb: CloudCallback) => Cloud.Users.show({ user_id: '5f00000000000000000000ff' }, cb), 404, 'User not found.'],
    ['show with a malformed id: 400', (cb: CloudCallback) => Cloud.Users.show({ user_id: 'nope' }, cb), 400, "Invalid object id: 'nope'"],
    ['requestResetPassword with an unknown email: 404', (cb: CloudCallback) => Cloud.Users.requestResetPassword({ email: 'x@example.com' }, cb), 404, 'No user found with this email address.'],
    ['requestResetPassword without email: 400', (cb: CloudCallback) => Cloud.Users.requestResetPassword({}, cb), 400, 'Email is required.'],
    ['query with limit 0: 400', (cb: CloudCallback) => Cloud.Users.query({ limit: 0 }, cb), 400, 'Invalid limit parameter; value must be in a valid range of 1~1000'],
  ])('%s', async (_name, start, code, message) => {
    expect(await outcome(start)).toEqual({ success: false, error: true, code, message })
  })

  it('batchDelete by a user who is not an admin: 403', async () => {
    await logIn('alice', 'pw-alice')
    const e = await outcome((cb) => Cloud.Users.batchDelete({ where: { username: 'bob' } }, cb))
    expect(e).toEqual({ success: false, error: true, code: 403, message: 'You are not authorized to perform this action.' })
  })
})

describe('calls beyond the documentation examples', () => {
  it('create logs the new user in: the session from meta.session_id works for showMe', async () => {
    const created = await outcome((cb) =>
      Cloud.Users.create({ username: 'zoe', password: 'p', password_confirmation: 'p', custom_fields: { level: 3, vip: true } }, cb),
    )
    expect(created.meta).toMatchObject({ code: 200, status: 'ok', method_name: 'createUser', session_id: Cloud.sessionId })
    // Booleans inside objects stay JSON booleans; only top-level ones become 1/0.
    expect(created.users[0].custom_fields).toEqual({ level: 3, vip: true })
    const me = await outcome((cb) => Cloud.Users.showMe(cb))
    expect(me.users[0].username).toBe('zoe')
  })

  it('search and $text in query match whole words: q=user finds last_name user, not username chatuser', async () => {
    await call('POST', 'users/create', {}, { form: { username: 'chatuser', password: 'p', password_confirmation: 'p' } })
    await call('POST', 'users/create', {}, {
      form: { email: 'test.user@example.com', first_name: 'Test', last_name: 'user', password: 'p', password_confirmation: 'p' },
    })
    const names = (e: CloudResponse) => e.users.map((u: { first_name?: string; username?: string }) => u.username ?? u.first_name)
    const searched = await outcome((cb) => Cloud.Users.search({ q: 'USER' }, cb))
    expect(names(searched)).toEqual(['Test'])
    expect(searched.meta).toMatchObject({ method_name: 'searchUsers', total_results: 1 })
    expect(names(await outcome((cb) => Cloud.Users.search({ q: 'chat' }, cb)))).toEqual([])
    expect(names(await outcome((cb) => Cloud.Users.search({ q: 'chatuser' }, cb)))).toEqual(['chatuser'])
    expect(names(await outcome((cb) => Cloud.Users.search({ q: 'user test' }, cb)))).toEqual(['Test'])
    expect(names(await outcome((cb) => Cloud.Users.query({ where: { $text: { $search: 'user' } } }, cb)))).toEqual(['Test'])
  })

  it('query with count: true (sent as count=1) puts the total in meta.count', async () => {
    const e = await outcome((cb) => Cloud.Users.query({ count: true, limit: 1, where: { color: { $in: ['red', 'blue'] } } }, cb))
    expect(e.users).toHaveLength(1)
    expect(e.meta).toMatchObject({ method_name: 'queryUsers', count: 2 })
  })

  it('show with user_ids as a comma list returns those users', async () => {
    const e = await outcome((cb) => Cloud.Users.show({ user_ids: [ids.bob, ids.alice].toString() }, cb))
    expect(e.users.map((u: { username: string }) => u.username)).toEqual(['bob', 'alice'])
  })

  it('count and batchDelete (as an admin) work, and the count drops', async () => {
    expect((await outcome((cb) => Cloud.Users.count(cb))).meta).toMatchObject({ method_name: 'usersCount', count: 5 })
    await logIn('admin', 'pw-admin')
    const deleted = await outcome((cb) => Cloud.Users.batchDelete({ where: { username: { $in: ['bob', 'carol'] } } }, cb))
    expect(deleted).toEqual({ success: true, error: false, meta: { code: 200, status: 'ok', method_name: 'batchDelete' } })
    expect((await outcome((cb) => Cloud.Users.count(cb))).meta?.count).toBe(3)
  })

  it('remove deletes the logged-in user and drops the session', async () => {
    await logIn('bob', 'pw-bob')
    const e = await outcome((cb) => Cloud.Users.remove(cb))
    expect(e).toEqual({ success: true, error: false, meta: { code: 200, status: 'ok', method_name: 'deleteUser' } })
    expect(Cloud.sessionId).toBeUndefined()
    const shown = await call('GET', 'users/show', { user_id: ids.bob })
    expect(shown.body.meta.code).toBe(404)
  })

  it('sendRequest calls an endpoint directly, with the session', async () => {
    await logIn('carol', 'pw-carol')
    const e = await outcome((cb) => Cloud.sendRequest({ url: 'users/show/me.json', method: 'GET' }, cb))
    expect(e.users[0].username).toBe('carol')
  })

  it('the key picks the data set: a user made through one app key is unknown to another', async () => {
    const appA = createCloud({ url: server.url, key: 'APP-A' })
    const appB = createCloud({ url: server.url, key: 'APP-B' })
    const created = await outcome((cb) => appA.Users.create({ username: 'zoe', password: 'p', password_confirmation: 'p' }, cb))
    expect(created.success).toBe(true)
    expect((await outcome((cb) => appA.Users.count(cb))).meta?.count).toBe(6)
    expect((await outcome((cb) => appB.Users.count(cb))).meta?.count).toBe(5)
    const login = await outcome((cb) => appB.Users.login({ login: 'zoe', password: 'p' }, cb))
    expect(login).toEqual({ success: false, error: true, code: 401, message: BAD_LOGIN })
  })

  it('two Clouds are two app installs: separate sessions', async () => {
    const other = createCloud({ url: server.url, key: 'TESTKEY' })
    await logIn('alice', 'pw-alice')
    other.Users.login({ login: 'bob', password: 'pw-bob' }, () => {})
    await settled(other)
    const [mine, theirs] = await Promise.all([
      outcome((cb) => Cloud.Users.showMe(cb)),
      outcome((cb) => other.Users.showMe(cb)),
    ])
    expect([mine.users[0].username, theirs.users[0].username]).toEqual(['alice', 'bob'])
  })
})
