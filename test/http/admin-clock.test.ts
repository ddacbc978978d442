import { describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { login, startServer } from '../support/client.js'
import { serversStoppedAfterEach } from '../support/servers.js'

// The clock a test controls, over HTTP and in code (docs/toolkit.md), and session expiry
// (docs/api.md "Sessions": an expired session counts as no session).

const start = serversStoppedAfterEach()

async function clockCall(server: RunningMockCloud, method: 'GET' | 'POST', body?: Record<string, unknown>) {
  const init: RequestInit = { method }
  if (body) Object.assign(init, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
  const response = await fetch(`${server.url}/__mock/clock`, init)
  return { status: response.status, body: (await response.json()) as any }
}

const signUp = { password: 'p', password_confirmation: 'p' }

describe('/__mock/clock', () => {
  it('POST freeze, set and advance move the clock; created_at, updated_at and the id time part follow it', async () => {
    const { server, call } = await start()
    expect((await clockCall(server, 'POST', { action: 'freeze' })).body.response.clock.frozen).toBe(true)
    const set = await clockCall(server, 'POST', { action: 'set', iso: '2030-05-06T07:08:09Z' })
    expect(set.body).toEqual({
      meta: { code: 200, status: 'ok', method_name: 'mockClock' },
      response: { clock: { now: '2030-05-06T07:08:09.000Z', frozen: true } },
    })
    const created = (await call('POST', 'users/create', {}, { form: { username: 'frank', ...signUp } })).body.response.users[0]
    expect(created.created_at).toBe('2030-05-06T07:08:09+0000')
    expect(created.id.slice(0, 8)).toBe(Math.floor(Date.UTC(2030, 4, 6, 7, 8, 9) / 1000).toString(16))
    await clockCall(server, 'POST', { action: 'advance', by: '25h' })
    const session = await login(call, 'frank', 'p')
    const updated = await call('PUT', 'users/update', {}, { session, form: { first_name: 'Frank' } })
    expect(updated.body.response.users[0].updated_at).toBe('2030-05-07T08:08:09+0000')
  })

  it('GET answers the clock; the code twin server.clock moves the same clock', async () => {
    const { server } = await start()
    server.clock.freeze()
    server.clock.set('2031-01-01T00:00:00Z')
    server.clock.advance('1h')
    expect((await clockCall(server, 'GET')).body.response.clock).toEqual({ now: '2031-01-01T01:00:00.000Z', frozen: true })
    await clockCall(server, 'POST', { action: 'advance', by: 60_000 })
    expect(server.clock.now().toISOString()).toBe('2031-01-01T01:01:00.000Z')
    await clockCall(server, 'POST', { action: 'unfreeze' })
    expect(server.clock.state().frozen).toBe(false)
  })

  it('takes its parameters from the query string or a form too; iso alone sets', async () => {
    const { server } = await start()
    await fetch(`${server.url}/__mock/clock?action=freeze`, { method: 'POST' })
    const form = await fetch(`${server.url}/__mock/clock`, { method: 'POST', body: new URLSearchParams({ iso: '2040-02-02' }) })
    expect(((await form.json()) as any).response.clock).toEqual({ now: '2040-02-02T00:00:00.000Z', frozen: true })
  })

  it('answers bad input with a 400 envelope and leaves the clock alone', async () => {
    const { server } = await start()
    // Frozen first: set on a running clock, a millisecond could pass before the freeze.
    server.clock.freeze()
    server.clock.set('2030-01-01T00:00:00Z')
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'Invalid action parameter: expected one of freeze, unfreeze, set, advance'],
      [{ action: 'stop' }, 'Invalid action parameter: expected one of freeze, unfreeze, set, advance, got "stop"'],
      [{ action: 'set' }, 'Required field: iso'],
      [{ action: 'set', iso: 'tomorrow' }, 'not a date: "tomorrow"; use ISO 8601, e.g. 2030-01-01T00:00:00Z'],
      [{ action: 'advance', by: 'a while' }, `not a duration: "a while"; use milliseconds or a text such as '25h', '30m', '2 days'`],
    ]
    for (const [body, message] of cases) {
      const reply = await clockCall(server, 'POST', body)
      expect(reply.status).toBe(400)
      expect(reply.body.meta).toEqual({ status: 'fail', code: 400, message, method_name: 'mockClock' })
    }
    expect(server.clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z')
    const verb = await fetch(`${server.url}/__mock/clock`, { method: 'DELETE' })
    expect(verb.status).toBe(405)
    expect(verb.headers.get('allow')).toBe('GET, POST')
  })

  it('is per server: moving one server clock leaves another alone', async () => {
    const { server: one } = await start()
    const { server: two } = await start()
    one.clock.freeze()
    two.clock.freeze()
    // Both at the same instant (a millisecond may pass between the two freezes).
    two.clock.set(one.clock.now())
    one.clock.advance('365d')
    expect(one.clock.now().getTime() - two.clock.now().getTime()).toBe(365 * 86_400_000)
  })
})

describe('session lifetime', () => {
  const noSession = { status: 'fail', code: 401, message: 'You need to sign in or sign up before continuing.', method_name: 'showMe' }

  it('a session older than sessionLifetime answers as no session, by the clock', async () => {
    const { server, call } = await start({ sessionLifetime: '30m' })
    server.clock.freeze()
    const session = await login(call, 'alice', 'pw-alice')
    server.clock.advance('29m')
    expect((await call('GET', 'users/show/me', {}, { session })).body.response.users[0].username).toBe('alice')
    await clockCall(server, 'POST', { action: 'advance', by: '1m' })
    const expired = await call('GET', 'users/show/me', {}, { session })
    expect(expired.status).toBe(401)
    expect(expired.body.meta).toEqual(noSession)
    // A new login gets a live session again.
    const fresh = await login(call, 'alice', 'pw-alice')
    expect((await call('GET', 'users/show/me', {}, { session: fresh })).status).toBe(200)
  })

  it('without sessionLifetime, sessions never expire', async () => {
    const { server, call } = await start()
    server.clock.freeze()
    const session = await login(call, 'alice', 'pw-alice')
    server.clock.advance('3650d')
    expect((await call('GET', 'users/show/me', {}, { session })).status).toBe(200)
  })

  it('a sessionLifetime that is no positive duration is refused at start', async () => {
    await expect(startServer({ sessionLifetime: 'forever' })).rejects.toThrow(RangeError)
    await expect(startServer({ sessionLifetime: 0 })).rejects.toThrow("sessionLifetime must be a positive duration: milliseconds, or a text such as '30m', '12h', '7d', got 0")
  })
})
