import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { mockCloudClient } from '../../src/index.js'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { sdk } from '../support/arrowdb-calls.js'

/**
 * PushSchedules end to end over real HTTP: the `arrowdb` SDK (1.0.12) schedules a push, the
 * admin API moves the clock past it and reads the push outbox; the Node `Cloud` as ti.cloud's
 * own suite calls it (create → query → remove by `ids`).
 */

const server = serverForFile()

const IOS = 'e'.repeat(64)

describe('PushSchedules over real HTTP', () => {
  it('the arrowdb SDK: a schedule reaches the push outbox once, after the clock is advanced past it', async () => {
    const admin = mockCloudClient(server().url, 'TESTKEY')
    await admin.clock.set('2030-05-01T08:00:00Z')
    await admin.clock.freeze()
    const user = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    expect((await sdk(user, 'usersLogin', { login: 'alice', password: 'pw-alice' })).err).toBeNull()
    expect((await sdk(user, 'pushNotificationsSubscribe', { channel: 'daily', device_token: IOS, type: 'ios' })).err).toBeNull()
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    expect((await sdk(app, 'usersLogin', { login: 'admin', password: 'pw-admin' })).err).toBeNull()
    const made = await sdk(app, 'pushSchedulesCreate', { schedule: { name: 'digest', start_time: '2030-05-01T09:00', push_notification: { channel: 'daily', payload: { alert: 'Digest', badge: 1 } } } })
    expect(made.result.body.meta.method_name).toBe('createPushSchedule')
    const id = made.result.body.response.push_schedules[0].id as string
    expect(await admin.pushes()).toEqual([])
    await admin.clock.advance('2h')
    expect(await admin.pushes()).toEqual([
      expect.objectContaining({ kind: 'schedule', push_schedule_id: id, deliveries: [expect.objectContaining({ device_token: IOS, delivered: { aps: { alert: 'Digest', badge: 1 } } })] }),
    ])
    const updated = await sdk(app, 'pushSchedulesUpdate', { id, schedule: { name: 'renamed' } })
    expect(updated.result.body.response.push_schedules[0].name).toBe('renamed')
    expect((await sdk(app, 'pushSchedulesQuery')).result.body.response.push_schedules).toHaveLength(1)
    expect((await sdk(app, 'pushSchedulesDelete', { ids: [id] })).result.body.meta.method_name).toBe('deletePushSchedules')
    expect((await sdk(user, 'pushSchedulesQuery')).err?.statusCode).toBe(403)
    expect(await admin.pushes()).toHaveLength(1)
  })

  it('Cloud.PushSchedules as ti.cloud’s suite calls it', async () => {
    const Cloud = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => Cloud.Users.login({ login: 'admin', password: 'pw-admin' }, cb))
    const made = await outcome((cb) => Cloud.PushSchedules.create({ schedule: { name: 'test schedule', start_time: '2099-09-05T10:11', push_notification: { channel: 'test', payload: 'hello' } } }, cb))
    expect(made).toMatchObject({ success: true, push_schedules: [{ name: 'test schedule', start_time: '2099-09-05T10:11:00+0000' }] })
    expect(await outcome((cb) => Cloud.PushSchedules.query(cb))).toMatchObject({ success: true, push_schedules: [{ id: made.push_schedules[0].id }] })
    expect(await outcome((cb) => Cloud.PushSchedules.remove({ ids: made.push_schedules[0].id }, cb))).toMatchObject({ success: true })
    expect(await outcome((cb) => Cloud.PushSchedules.query(cb))).toMatchObject({ success: true, push_schedules: [] })
  })
})
