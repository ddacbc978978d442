import { createCloud, type Cloud } from 'mock-cloud/ti-cloud'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer } from '../support/client.js'
import { ids } from '../support/fixture-s.js'
import { outcome } from '../support/titanium.js'

// Cloud.ACLs against a running mock-cloud, as ti.cloud's own ACL suite drives it (docs/acls.md).
let server: RunningMockCloud
let Cloud: Cloud
beforeAll(async () => {
  ;({ server } = await startServer())
  Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
})
afterAll(() => server.stop())

describe('Cloud.ACLs', () => {
  it('creates, opens, adds and removes users, checks, drops', async () => {
    expect((await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))).success).toBe(true)
    const created = await outcome((cb) => Cloud.ACLs.create({ name: 'chat' }, cb))
    expect(created.success).toBe(true)
    const acl = (created as any).acls[0]
    expect(acl).toMatchObject({ readers: [ids.alice], writers: [ids.alice], public_read: false })
    const opened = await outcome((cb) => Cloud.ACLs.update({ name: 'chat', public_read: 1, public_write: 1 }, cb))
    expect((opened as any).acls[0].readers).toBeUndefined()
    await outcome((cb) => Cloud.ACLs.update({ name: 'chat', public_read: 0, public_write: 0 }, cb))
    expect((await outcome((cb) => Cloud.ACLs.addUser({ name: 'chat', reader_ids: ids.bob, writer_ids: ids.bob }, cb))).success).toBe(true)
    expect((await outcome((cb) => Cloud.ACLs.removeUser({ name: 'chat', reader_ids: ids.bob, writer_ids: '' }, cb))).success).toBe(true)
    const shown = await outcome((cb) => Cloud.ACLs.show({ name: 'chat' }, cb))
    expect((shown as any).acls[0]).toMatchObject({ readers: [ids.alice], writers: [ids.bob, ids.alice] })
    const checked = await outcome((cb) => Cloud.ACLs.checkUser({ name: 'chat', user_id: ids.bob }, cb))
    expect((checked as any).permission).toEqual({ read_permission: false, write_permission: true })
    expect((await outcome((cb) => Cloud.ACLs.remove({ name: 'chat' }, cb))).success).toBe(true)
    const gone = await outcome((cb) => Cloud.ACLs.show({ id: acl.id }, cb))
    expect(gone).toMatchObject({ success: false, error: true, code: 400, message: 'Invalid ACL id' })
  })
})
