import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { login, startServer, type Call } from '../support/client.js'
import type { RunningMockCloud } from '../../src/server.js'
import { ids } from '../support/fixture-s.js'

// users/login, users/logout, users/show/me and the session lookup (docs/api.md "Sessions", docs/users.md "login", "Endpoints").
let server: RunningMockCloud
let call: Call
beforeEach(async () => ({ server, call } = await startServer()))
afterEach(() => server.stop())

const notSignedIn = { status: 'fail', code: 401, message: 'You need to sign in or sign up before continuing.' }

describe('users/login', () => {
  it('logs in with the username or the email, in any case, and sets the session cookie', async () => {
    for (const name of ['alice', 'ALICE@example.COM']) {
      const reply = await call('POST', 'users/login', {}, { form: { login: name, password: 'pw-alice' } })
      expect(reply.status).toBe(200)
      expect(reply.body.meta).toMatchObject({ code: 200, status: 'ok', method_name: 'loginUser' })
      expect(reply.headers.get('set-cookie')).toBe(`_session_id=${reply.body.meta.session_id}; Path=/; HttpOnly`)
      expect(reply.body.response.users[0]).toMatchObject({ id: ids.alice, email: 'alice@example.com' })
    }
  })

  it('accepts GET with the parameters in the query string', async () => {
    const reply = await call('GET', 'users/login', { login: 'bob', password: 'pw-bob' })
    expect(reply.body.response.users[0].id).toBe(ids.bob)
  })

  it.each([
    ['a wrong password', { login: 'alice', password: 'nope' }],
    ['an unknown user', { login: 'nobody', password: 'x' }],
    ['no password', { login: 'alice' }],
    ['nothing', {}],
  ])('refuses %s with one generic 401', async (_name, form) => {
    const reply = await call('POST', 'users/login', {}, { form })
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({
      meta: { status: 'fail', code: 401, message: 'Invalid email/username or password.', method_name: 'loginUser' },
    })
  })
})

describe('users/show/me', () => {
  it('without a session → 401 You need to sign in or sign up before continuing.', async () => {
    const reply = await call('GET', 'users/show/me')
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({ meta: { ...notSignedIn, method_name: 'showMe' } })
  })

  it('treats an unknown session id as no session', async () => {
    const reply = await call('GET', 'users/show/me', {}, { session: 'not-a-session' })
    expect(reply.status).toBe(401)
  })

  it('finds the session in _session_id, session_id or the _session_id cookie', async () => {
    const session = await login(call, 'carol', 'pw-carol')
    const viaParam = await call('GET', 'users/show/me', {}, { session })
    const viaOtherParam = await call('GET', 'users/show/me', { session_id: session })
    const viaCookie = await call('GET', 'users/show/me', {}, { cookie: `_session_id=${session}` })
    const viaBody = await call('POST', 'users/update', {}, { form: { _session_id: session, role: 'x' } })
    for (const reply of [viaParam, viaOtherParam, viaCookie, viaBody]) {
      expect(reply.status).toBe(200)
      expect(reply.body.response.users[0]).toMatchObject({ id: ids.carol, email: 'carol@example.com' })
    }
    expect(viaParam.body.meta.method_name).toBe('showMe')
  })
})

describe('users/logout', () => {
  it('ends the session on the server and clears the cookie', async () => {
    const session = await login(call, 'alice', 'pw-alice')
    const reply = await call('GET', 'users/logout', {}, { session })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'logoutUser' } })
    expect(reply.headers.get('set-cookie')).toMatch(/^_session_id=; Max-Age=0; Path=\/; HttpOnly$/)
    expect((await call('GET', 'users/show/me', {}, { session })).status).toBe(401)
  })

  it('leaves the other sessions of the same user alive', async () => {
    const first = await login(call, 'alice', 'pw-alice')
    const second = await login(call, 'alice', 'pw-alice')
    await call('GET', 'users/logout', {}, { session: first })
    expect((await call('GET', 'users/show/me', {}, { session: second })).status).toBe(200)
  })

  it('without a session → 401 You need to sign in or sign up before continuing.', async () => {
    const reply = await call('GET', 'users/logout')
    expect(reply.body).toEqual({ meta: { ...notSignedIn, method_name: 'logoutUser' } })
  })
})
