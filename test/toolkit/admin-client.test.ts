import { describe, expect, it } from 'vitest'
import { mockCloudClient } from '../../src/index.js'
import { serversStoppedAfterEach } from '../support/servers.js'

// The HTTP client of the test controls, which every test-runner helper hands out (docs/toolkit.md).
// This file moves the clock, so it runs on a server of its own, not the shared one.
const start = serversStoppedAfterEach()

describe('mockCloudClient', () => {
  it('moves the server clock: freeze, set, advance, unfreeze', async () => {
    const { server } = await start()
    const cloud = mockCloudClient(server.url, 'K')
    expect((await cloud.clock.freeze()).frozen).toBe(true)
    expect(await cloud.clock.set(new Date('2030-01-01T00:00:00Z'))).toEqual({ now: '2030-01-01T00:00:00.000Z', frozen: true })
    expect(await cloud.clock.advance('25h')).toEqual({ now: '2030-01-02T01:00:00.000Z', frozen: true })
    expect(server.clock.now().toISOString()).toBe('2030-01-02T01:00:00.000Z')
    expect((await cloud.clock.unfreeze()).frozen).toBe(false)
  })

  it('rejects with the envelope message and code; deleteSnapshot forgets its key part', async () => {
    const { server } = await start()
    const cloud = mockCloudClient(server.url, 'K')
    await expect(cloud.clock.advance('later')).rejects.toMatchObject({
      code: 400,
      message: `mock-cloud POST /__mock/clock: not a duration: "later"; use milliseconds or a text such as '25h', '30m', '2 days'`,
    })
    await cloud.snapshot('s')
    await cloud.deleteSnapshot('s')
    expect(server.snapshots()).toEqual([])
    await expect(cloud.importData({ users: [], sessions: { x: {} } } as never)).rejects.toMatchObject({ code: 400 })
  })

  it("reads its key's outbox: a reset mail's token finishes the reset", async () => {
    const { server, call } = await start()
    const cloud = mockCloudClient(server.url, 'K')
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com' }, { key: 'K' })
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' }, { key: 'OTHER' })
    const mails = await cloud.outbox()
    expect(mails.map((mail) => [mail.key, mail.kind, mail.to])).toEqual([['K', 'reset_password', 'bob@example.com']])
    const reset = await call('GET', 'users/reset_password', { reset_password_token: mails[0]!.token, password: 'n', password_confirmation: 'n' }, { key: 'K' })
    expect(reset.status).toBe(200)
  })

  it('reads and clears its key\'s journal and adds, lists and clears faults for its key, sending the admin token', async () => {
    const { server, call } = await start({ adminToken: 'tok' })
    await expect(mockCloudClient(server.url, 'K').requests()).rejects.toMatchObject({ code: 401 })
    const cloud = mockCloudClient(server.url, 'K', { adminToken: 'tok' })
    await call('POST', 'users/login', {}, { key: 'K', form: { login: 'alice', password: 'wrong' } })
    await call('GET', 'users/count', {}, { key: 'OTHER' })
    const since = server.requests()[0]!.time
    expect((await cloud.requests({ status: 401, since: new Date(since) })).map((entry) => [entry.key, entry.method_name])).toEqual([['K', 'loginUser']])
    expect(await cloud.clearRequests()).toBe(1)
    expect(server.requests().map((entry) => entry.key)).toEqual(['OTHER'])

    const id = await cloud.fault({ method_name: 'usersCount', times: 2, error: { code: 500 } })
    expect(await cloud.faults()).toMatchObject([{ id, key: 'K', remaining: 2 }])
    expect((await call('GET', 'users/count', {}, { key: 'K' })).status).toBe(500)
    expect(await cloud.clearFaults()).toBe(1)
    expect((await call('GET', 'users/count', {}, { key: 'K' })).status).toBe(200)
    await expect(cloud.fault({ method_name: 'nope', drop: true })).rejects.toMatchObject({ code: 400 })
  })

  it("reads and changes its key's app settings; the API follows them; an unknown setting rejects with 400", async () => {
    const { server, call } = await start()
    const cloud = mockCloudClient(server.url, 'K')
    expect(await cloud.settings()).toMatchObject({ emailVerification: false, legacyPaging: false })
    expect(await cloud.setSettings({ legacyPaging: true })).toMatchObject({ legacyPaging: true })
    expect((await call('GET', 'users/query', {}, { key: 'K' })).body.meta).toHaveProperty('total_results', 5)
    expect((await call('GET', 'users/query', {}, { key: 'OTHER' })).body.meta).not.toHaveProperty('total_results')
    await expect(cloud.setSettings({ nope: true } as never)).rejects.toMatchObject({ code: 400 })
    expect(await cloud.setSettings({ legacyPaging: null })).toMatchObject({ legacyPaging: false })
  })
})
