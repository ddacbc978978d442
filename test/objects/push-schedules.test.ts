import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall, okBody as ok } from '../support/in-process-call.js'

/** PushSchedules through app.request(): one test per rule of docs/push-schedules.md. */

let cloud: MockCloud
let alice: string
let admin: string

const call = (verb: string, path: string, params: Record<string, string> = {}, sessionId?: string) => inProcessCall(cloud, verb, path, params, sessionId)

const IOS_A = 'a'.repeat(64)

const schedule = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'morning', start_time: '2030-01-01T10:00', push_notification: { channel: 'news', payload: 'Good morning' }, ...extra })

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  cloud.clock.set('2030-01-01T09:00:00Z')
  cloud.clock.freeze()
  ;[alice, admin] = await Promise.all([sessionOf(cloud, 'alice'), sessionOf(cloud, 'admin')])
  await ok(call('POST', 'push_notification/subscribe', { channel: 'news', device_token: IOS_A, type: 'ios' }, alice))
})

describe('firing', () => {
  it('a schedule sends once, into the push outbox, only after the clock passes its time', async () => {
    const created = await ok(call('POST', 'push_schedules/create', { schedule: schedule() }, admin))
    const id = created.response.push_schedules[0].id
    expect(cloud.pushes('K')).toEqual([])
    cloud.clock.advance('59m')
    expect(cloud.pushes('K')).toEqual([])
    cloud.clock.advance('2m')
    const pushes = cloud.pushes('K')
    expect(pushes).toEqual([
      expect.objectContaining({ kind: 'schedule', push_schedule_id: id, scheduled_at: '2030-01-01T10:00:00.000Z', channel: ['news'], payload: 'Good morning', sender_user_id: ids.admin }),
    ])
    expect(pushes[0]!.deliveries).toEqual([expect.objectContaining({ device_token: IOS_A, user_id: ids.alice })])
    // Later calls and reads never send the same occurrence again.
    await ok(call('GET', 'push_schedules/query', {}, admin))
    cloud.clock.advance('30d')
    const overHttp = await (await cloud.app.request('/__mock/pushes?key=K')).json() as any
    expect(overHttp.response.pushes).toHaveLength(1)
  })

  it('an API call of the key is enough to fire a due schedule, and a recurrence sends each occurrence once until end_time', async () => {
    await ok(call('POST', 'push_schedule/create', { schedule: schedule({ recurrence: { interval: 'daily', end_time: '2030-01-03T12:00' } }) }, admin))
    cloud.clock.advance('10d')
    await ok(call('GET', 'push_schedule/query', {}, admin))
    expect(cloud.pushes('K').map((push) => push.scheduled_at)).toEqual(['2030-01-01T10:00:00.000Z', '2030-01-02T10:00:00.000Z', '2030-01-03T10:00:00.000Z'])
  })

  it('a schedule that finds no subscribed device records nothing', async () => {
    await ok(call('POST', 'push_schedules/create', { schedule: schedule({ push_notification: { channel: 'sports', payload: 'x' } }) }, admin))
    cloud.clock.advance('2h')
    expect(cloud.pushes('K')).toEqual([])
  })
})

describe('where', () => {
  const IOS_B = 'b'.repeat(64)

  it('a schedule with a user where reaches the devices of the users it matches when it fires, found then', async () => {
    const bob = await sessionOf(cloud, 'bob')
    await ok(call('POST', 'push_notification/subscribe', { channel: 'news', device_token: IOS_B, type: 'ios' }, bob))
    const created = await ok(call('POST', 'push_schedules/create', { schedule: schedule(), where: JSON.stringify({ user: { username: 'bob' } }) }, admin))
    expect(created.response.push_schedules[0]).not.toHaveProperty('where')
    cloud.clock.advance('2h')
    const [push] = cloud.pushes('K')
    expect(push!.deliveries.map((device) => device.device_token)).toEqual([IOS_B])
    expect(push!.target).toEqual({ where: { user: { username: 'bob' } } })
  })

  it('update replaces the where, {} removes it; a bad where answers 400 and stores nothing', async () => {
    const bob = await sessionOf(cloud, 'bob')
    await ok(call('POST', 'push_notification/subscribe', { channel: 'news', device_token: IOS_B, type: 'ios' }, bob))
    const bad = await call('POST', 'push_schedules/create', { schedule: schedule(), where: '{"place": 1}' }, admin)
    expect(failure(bad)).toMatchObject({ status: 400, message: expect.stringMatching(/^Invalid where parameter/) })
    expect((await ok(call('GET', 'push_schedules/query', {}, admin))).response.push_schedules).toEqual([])
    const recurring = schedule({ recurrence: { interval: 'daily', end_time: '2030-01-05T12:00' } })
    const id = (await ok(call('POST', 'push_schedules/create', { schedule: recurring, where: JSON.stringify({ user: { username: 'bob' } }) }, admin))).response.push_schedules[0].id
    await ok(call('PUT', 'push_schedules/update', { id, schedule: '{}', where: JSON.stringify({ user: { username: 'alice' } }) }, admin))
    cloud.clock.advance('2h')
    expect(cloud.pushes('K').map((push) => push.deliveries.map((device) => device.device_token))).toEqual([[IOS_A]])
    await ok(call('PUT', 'push_schedules/update', { id, schedule: '{}', where: '{}' }, admin))
    cloud.clock.advance('1d')
    expect(cloud.pushes('K')[1]!.deliveries.map((device) => device.device_token)).toEqual([IOS_A, IOS_B])
  })
})

describe('endpoints', () => {
  it('create, query, update (PUT and POST) and delete under both prefixes, with their method_names', async () => {
    const created = await ok(call('POST', 'push_schedules/create', { schedule: schedule() }, admin))
    expect(created.meta.method_name).toBe('createPushSchedule')
    const [made] = created.response.push_schedules
    expect(made).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'morning', start_time: '2030-01-01T10:00:00+0000', push_notification: { channel: 'news', payload: 'Good morning' } })
    const queried = await ok(call('GET', 'push_schedule/query', { name: 'morning' }, admin))
    expect(queried.meta.method_name).toBe('queryPushSchedules')
    expect(queried.response.push_schedules).toEqual([made])
    const put = await ok(call('PUT', 'push_schedules/update', { id: made.id, schedule: JSON.stringify({ name: 'evening', start_time: '2031-01-01T00:00' }) }, admin))
    expect(put.meta.method_name).toBe('updatePushSchedule')
    expect(put.response.push_schedules[0]).toMatchObject({ name: 'evening', start_time: '2030-01-01T10:00:00+0000' })
    await ok(call('POST', 'push_schedule/update', { id: made.id, schedule: JSON.stringify({ push_notification: { payload: { alert: 'hi', badge: 2 } } }) }, admin))
    expect((await ok(call('GET', 'push_schedules/query', {}, admin))).response.push_schedules[0].push_notification).toEqual({ channel: 'news', payload: { alert: 'hi', badge: 2 } })
    const deleted = await ok(call('DELETE', 'push_schedules/delete', { ids: made.id }, admin))
    expect(deleted).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deletePushSchedules' } })
    expect((await ok(call('GET', 'push_schedules/query', {}, admin))).response.push_schedules).toEqual([])
    cloud.clock.advance('2h')
    expect(cloud.pushes('K')).toEqual([])
  })

  it('refuses non-admins and bad input with a failure envelope', async () => {
    const forbidden = { status: 403, message: 'You are not authorized to perform this action.', method_name: 'createPushSchedule' }
    expect(failure(await call('POST', 'push_schedules/create', { schedule: schedule() }, alice))).toEqual(forbidden)
    expect(failure(await call('POST', 'push_schedules/create', { schedule: schedule() }))).toEqual(forbidden)
    const message = async (params: Record<string, string>) => failure(await call('POST', 'push_schedules/create', params, admin)).message
    expect(await message({})).toBe('Required field: schedule')
    expect(await message({ schedule: '{' })).toMatch(/^Invalid schedule parameter/)
    expect(await message({ schedule: JSON.stringify({ push_notification: { channel: 'news', payload: 'x' } }) })).toBe('Required field: start_time')
    expect(await message({ schedule: schedule({ start_time: 'tomorrow' }) })).toBe('Invalid date: tomorrow')
    expect(await message({ schedule: schedule({ push_notification: { channel: 'news' } }) })).toBe('Required field: payload')
    expect(await message({ schedule: schedule({ recurrence: { interval: 'hourly', end_time: '2030-02-01' } }) })).toBe('Invalid recurrence interval: hourly')
    expect(await message({ schedule: schedule({ recurrence: { interval: 'daily', end_time: '2029-02-01' } }) })).toBe('Invalid recurrence end_time')
    expect(failure(await call('PUT', 'push_schedules/update', { id: '5f00000000000000000000ff', schedule: schedule() }, admin))).toEqual({ status: 400, message: 'Invalid push_schedule id', method_name: 'updatePushSchedule' })
    const made = (await ok(call('POST', 'push_schedules/create', { schedule: schedule() }, admin))).response.push_schedules[0]
    expect(failure(await call('DELETE', 'push_schedules/delete', { ids: JSON.stringify([made.id, '5f00000000000000000000ff']) }, admin)).message).toBe('Invalid push_schedule id')
    expect(failure(await call('DELETE', 'push_schedules/delete', { ids: 'nope' }, admin)).message).toBe("Invalid object id: 'nope'")
    expect((await ok(call('GET', 'push_schedules/query', {}, admin))).response.push_schedules).toHaveLength(1)
  })

  it('keeps at most 100 schedules per app', async () => {
    for (let n = 0; n < 100; n++) await ok(call('POST', 'push_schedules/create', { schedule: schedule({ name: `s${n}` }) }, admin))
    expect(failure(await call('POST', 'push_schedules/create', { schedule: schedule() }, admin)).message).toBe('Maximum number of push schedules (100) reached.')
  })
})
