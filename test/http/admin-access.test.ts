import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/app.js'
import { isLoopback } from '../../src/http/admin-access.js'
import { from } from '../support/client-address.js'
import { serversStoppedAfterEach } from '../support/servers.js'
import { storedUsers } from '../support/stored-users.js'

// Who may call /__mock/* (docs/toolkit.md): loopback clients, or anyone with
// the admin token when one is set (and then everyone must send it).
const startServer = serversStoppedAfterEach()


describe('admin access without a token', () => {
  it('refuses a client from another address with a 403 envelope and leaves the data alone', async () => {
    const cloud = await createMockCloud({ fixtures: { users: [{ username: 'a', password: 'p' }] } })
    await cloud.app.request('/v1/users/create.json?key=K', { method: 'POST', body: new URLSearchParams({ username: 'b', password: 'p', password_confirmation: 'p' }) })
    const refused = await cloud.app.request('/__mock/reset?key=K', { method: 'POST' }, from('203.0.113.9'))
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({
      meta: {
        status: 'fail',
        code: 403,
        message: 'The admin routes answer only loopback clients, not 203.0.113.9; start mock-cloud with --admin-token TOKEN and send Authorization: Bearer TOKEN',
      },
    })
    expect(storedUsers(cloud.dataSets.data('K'))).toHaveLength(2)
    for (const path of ['/__mock/requests', '/__mock/faults', '/__mock/openapi.json']) {
      expect((await cloud.app.request(path, {}, from('::ffff:10.0.0.1'))).status, path).toBe(403)
    }
    // A socket already closed has no address: refused too.
    expect((await cloud.app.request('/__mock/requests', {}, from(undefined))).status).toBe(403)
  })

  it('answers loopback clients (IPv4, IPv6, mapped) and in-process calls', async () => {
    const cloud = await createMockCloud()
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect((await cloud.app.request('/__mock/faults', {}, from(address))).status, address).toBe(200)
    }
    expect((await cloud.app.request('/__mock/faults')).status).toBe(200)
    expect([isLoopback('128.0.0.1'), isLoopback('::2'), isLoopback('127.0.0.1.evil')]).toEqual([false, false, false])
  })

  it('answers a real loopback client over HTTP', async () => {
    const { server } = await startServer()
    expect((await fetch(`${server.url}/__mock/requests`)).status).toBe(200)
  })
})

describe('admin access with --admin-token', () => {
  it('wants the token from every client, loopback included, as a Bearer or x-mock-admin-token header', async () => {
    const { server, call } = await startServer({ adminToken: 's3cret' })
    const url = `${server.url}/__mock/requests`
    const none = await fetch(url)
    expect(none.status).toBe(401)
    expect(((await none.json()) as any).meta.message).toBe(
      'The admin routes need the admin token: send Authorization: Bearer TOKEN or x-mock-admin-token: TOKEN',
    )
    const wrong = await fetch(url, { headers: { authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(403)
    expect(((await wrong.json()) as any).meta.message).toBe('Wrong admin token.')
    expect((await fetch(url, { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200)
    expect((await fetch(url, { headers: { 'x-mock-admin-token': 's3cret' } })).status).toBe(200)
    // The API does not ask for it.
    expect((await call('GET', 'users/count')).status).toBe(200)
  })

  it('lets a client from another address in with the token', async () => {
    const cloud = await createMockCloud({ adminToken: 's3cret' })
    const headers = { authorization: 'Bearer s3cret' }
    expect((await cloud.app.request('/__mock/faults', { headers }, from('203.0.113.9'))).status).toBe(200)
    expect((await cloud.app.request('/__mock/faults', {}, from('203.0.113.9'))).status).toBe(401)
  })

  it('refuses an empty token at creation', async () => {
    await expect(createMockCloud({ adminToken: '' })).rejects.toThrow('createMockCloud: adminToken must be a non-empty text, got ""')
  })
})
