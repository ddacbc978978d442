import { request } from 'node:http'
import ArrowDB from 'arrowdb'
import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/app.js'
import type { RunningMockCloud } from '../../src/server.js'
import type { Call } from '../support/client.js'
import { serversStoppedAfterEach } from '../support/servers.js'

// Faults on demand over real HTTP and in code (docs/toolkit.md).
const start = serversStoppedAfterEach()

async function admin(server: RunningMockCloud, method: string, path: string, body?: string, type = 'application/json') {
  const init: RequestInit = { method }
  if (body !== undefined) init.body = body
  if (body !== undefined) init.headers = { 'content-type': type }
  const response = await fetch(`${server.url}${path}`, init)
  return { status: response.status, body: (await response.json()) as any }
}

const loginAlice = (call: Call, key = 'TESTKEY') =>
  call('POST', 'users/login', {}, { key, form: { login: 'alice', password: 'pw-alice' } })

describe('faults', () => {
  it('POST /__mock/faults fails the next N calls of an endpoint for a key with the code and message, then runs out', async () => {
    const { server, call } = await start()
    const added = await admin(server, 'POST', '/__mock/faults?key=TESTKEY', JSON.stringify({
      method_name: 'loginUser', times: 2, error: { code: 503, message: 'Service unavailable.' },
    }))
    expect(added.status).toBe(200)
    expect(added.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'mockAddFault' })
    expect(added.body.response.faults).toEqual([
      { id: 'fault-1', key: 'TESTKEY', path: 'users/login', method_name: 'loginUser', remaining: 2, expires_at: null, error: { code: 503, message: 'Service unavailable.' } },
    ])

    // Another key is not hit.
    expect((await loginAlice(call, 'OTHER')).status).toBe(200)
    for (const left of [1, 0]) {
      const failed = await loginAlice(call)
      expect(failed.status).toBe(503)
      expect(failed.body).toEqual({ meta: { status: 'fail', code: 503, message: 'Service unavailable.', method_name: 'loginUser' } })
      expect((await admin(server, 'GET', '/__mock/faults')).body.meta.count).toBe(left)
    }
    expect((await loginAlice(call)).status).toBe(200)
    expect(server.requests({ key: 'TESTKEY' }).map((entry) => [entry.status, entry.fault])).toEqual([
      [503, 'fault-1'],
      [503, 'fault-1'],
      [200, undefined],
    ])
  })

  it('fault() in code does the same, honouring suppress_response_codes, and returns the id', async () => {
    const { server, call } = await start()
    const id = server.fault({ path: 'users/query', error: { code: 500 } })
    expect(id).toBe('fault-1')
    expect(server.faults()).toMatchObject([{ id, key: null, method_name: 'queryUsers', remaining: 1 }])
    const reply = await call('GET', 'users/query', { suppress_response_codes: true }, { key: 'ANY' })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toEqual({ status: 'fail', code: 500, message: 'Injected fault.', method_name: 'queryUsers' })
    expect(server.faults()).toEqual([])
  })

  it('a delay fault holds the reply at least that long and then answers normally', async () => {
    const { server, call } = await start()
    server.fault({ key: 'TESTKEY', method_name: 'usersCount', delay: 150 })
    const reply = await call('GET', 'users/count')
    expect(reply.body.meta).toMatchObject({ code: 200, count: 5 })
    const [delayed] = server.requests()
    expect(delayed?.fault).toBe('fault-1')
    expect(delayed?.duration_ms).toBeGreaterThanOrEqual(150)
    // Used up: the next call is not delayed (and not marked).
    await call('GET', 'users/count')
    expect(server.requests()[1]?.fault).toBeUndefined()
  })

  it('a drop fault closes the connection without a reply; the next call is answered', async () => {
    const { server, call } = await start()
    const added = await admin(server, 'POST', '/__mock/faults', 'path=users/update&drop=true&key=TESTKEY', 'application/x-www-form-urlencoded')
    expect(added.body.response.faults[0]).toMatchObject({ path: 'users/update', drop: true, key: 'TESTKEY' })
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const { hostname, port } = new URL(server.url)
      const req = request({ host: hostname, port, method: 'PUT', path: '/v1/users/update.json?key=TESTKEY' }, () =>
        reject(new Error('a reply came')),
      )
      req.on('error', resolve)
      req.end()
    })
    expect(error.message).toBe('socket hang up')
    expect(server.requests()).toMatchObject([{ method_name: 'updateUser', status: null, meta: null, fault: 'fault-1' }])
    expect((await call('PUT', 'users/update')).status).toBe(401)
  })

  it('the arrowdb SDK sees a dropped login as an error', async () => {
    const { server } = await start()
    server.fault({ method_name: 'loginUser', drop: true })
    const sdk = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
    const usersLogin = sdk.usersLogin as ArrowDB.Method
    const err = await new Promise<ArrowDB.SdkError | null>((resolve) =>
      usersLogin.call(sdk, { login: 'alice', password: 'pw-alice' }, (e) => resolve(e)),
    )
    expect(err?.message).toMatch(/socket hang up|ECONNRESET/)
  })

  it('a fault with a ttl is gone once the server clock passes it, used up or not', async () => {
    const { server, call } = await start()
    server.clock.freeze()
    server.fault({ method_name: 'usersCount', times: 10, ttl: 60_000, error: { code: 503 } })
    expect(server.faults()[0]?.expires_at).toBe(new Date(server.clock.now().getTime() + 60_000).toISOString())
    server.clock.advance('59s')
    expect((await call('GET', 'users/count')).status).toBe(503)
    server.clock.advance('1s')
    expect((await call('GET', 'users/count')).status).toBe(200)
    expect(server.faults()).toEqual([])
  })

  it('in process (no socket) a dropped call answers a body-less 502, journalled as no reply', async () => {
    const cloud = await createMockCloud()
    cloud.fault({ path: 'users/count', drop: true })
    const reply = await cloud.app.request('/v1/users/count.json?key=K')
    expect([reply.status, await reply.text()]).toEqual([502, ''])
    expect(cloud.requests()).toMatchObject([{ status: null, meta: null, fault: 'fault-1' }])
  })

  it('GET and DELETE /__mock/faults list and remove them by key; faults() and clearFaults() in code', async () => {
    const { server } = await start()
    server.fault({ key: 'A', path: 'users/login', drop: true })
    server.fault({ key: 'B', path: 'users/login', drop: true })
    server.fault({ path: 'users/login', drop: true, times: 3, ttl: 60_000 })
    const ofA = await admin(server, 'GET', '/__mock/faults?key=A')
    expect(ofA.body.response.faults.map((fault: any) => fault.id)).toEqual(['fault-1'])
    expect(ofA.body.response.faults).toEqual(server.faults('A'))
    expect(server.faults()[2]?.expires_at).toEqual(expect.any(String))
    expect((await admin(server, 'DELETE', '/__mock/faults?key=A')).body.meta).toEqual({
      code: 200, status: 'ok', method_name: 'mockClearFaults', count: 1,
    })
    expect(server.faults().map((fault) => fault.id)).toEqual(['fault-2', 'fault-3'])
    expect(server.clearFaults('B')).toBe(1)
    expect((await admin(server, 'DELETE', '/__mock/faults')).body.meta.count).toBe(1)
    expect(server.faults()).toEqual([])
  })

  it('reset of a key removes that key\'s faults', async () => {
    const { server } = await start()
    server.fault({ key: 'A', path: 'users/login', drop: true })
    server.fault({ key: 'B', path: 'users/login', drop: true })
    await server.reset('A')
    expect(server.faults().map((fault) => fault.key)).toEqual(['B'])
  })

  it('answers bad fault input with a 400 envelope and adds nothing', async () => {
    const { server } = await start()
    const cases: [string, string | RegExp][] = [
      ['{"method_name":', /^Invalid JSON body: /],
      ['[1]', 'Invalid JSON body: expected an object of parameters'],
      ['{"method_name":"logon","drop":true}', /^Invalid method_name parameter: unknown method_name "logon"; known: createUser, loginUser/],
      ['{"path":"users/login","times":-1,"drop":true}', 'Invalid times parameter: must be a whole number of 1 or more, got -1'],
      ['{"path":"users/login","error":{"code":99}}', /^Invalid error.code parameter/],
      ['{"path":"users/login"}', /^A fault needs something to do/],
      ['', /give exactly one$/],
    ]
    for (const [body, message] of cases) {
      const reply = await admin(server, 'POST', '/__mock/faults', body)
      expect(reply.status, body).toBe(400)
      expect(reply.body.meta).toMatchObject({ status: 'fail', code: 400, method_name: 'mockFaults' })
      expect(reply.body.meta.message).toMatch(message)
    }
    expect(server.faults()).toEqual([])
    expect(() => server.fault({ method_name: 'logon', drop: true })).toThrow(/unknown method_name "logon"/)
  })
})
