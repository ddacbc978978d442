import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import type { Fixture } from '../../src/objects/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'

/** Logs through app.request(): one test per rule of docs/logs.md, over push logs from the fixture. */

const fixture: Fixture = {
  ...fixtureS,
  push_logs: [
    { channel: 'news', payload: 'old news', created_at: '2024-01-01T10:00:00.000Z', devices: { ios: 2, android: 1 } },
    { payload: { alert: 'hello' }, to: ['alice', 'bob'], created_at: '2024-01-02T10:00:00.000Z', send_status: 2, error_message: 'Subscription not found' },
    { channel: 'news', payload: 'new news', created_at: '2024-01-03T10:00:00.000Z' },
  ],
}

let cloud: MockCloud
let admin: string

const session = (username: string): Promise<string> => sessionOf(cloud, username)

async function call(method: string, params: Record<string, string> = {}, sessionId?: string) {
  const query = new URLSearchParams({ key: 'K', ...params, ...(sessionId && { _session_id: sessionId }) })
  const reply = await cloud.app.request(`/v1/logs/${method}.json?${query}`)
  return { status: reply.status, body: (await reply.json()) as any }
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixture })
  admin = await session('admin')
})

describe('logs/querypushlogs', () => {
  it('lists the push logs newest first with _id, ISO dates and meta.more', async () => {
    const reply = await call('querypushlogs', {}, admin)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryPushLogs', more: false })
    const [newest, middle, oldest] = reply.body.response.push_logs
    expect(oldest).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      app_id: expect.stringMatching(/^[0-9a-f]{24}$/),
      channel: 'news',
      payload: 'old news',
      created_at: '2024-01-01T10:00:00.000Z',
      updated_at: '2024-01-01T10:00:00.000Z',
    })
    expect(middle).toMatchObject({ channel: '#broadcast', payload: '{"alert":"hello"}', to_ids: [ids.alice, ids.bob] })
    expect(newest.payload).toBe('new news')
    expect(oldest).not.toHaveProperty('id')
  })

  it('takes where, order, limit and skip; more says whether more match', async () => {
    const page = await call('querypushlogs', { where: JSON.stringify({ channel: 'news' }), limit: '1' }, admin)
    expect(page.body.meta.more).toBe(true)
    expect(page.body.response.push_logs.map((log: { payload: string }) => log.payload)).toEqual(['new news'])
    const last = await call('querypushlogs', { where: JSON.stringify({ channel: 'news' }), limit: '1', skip: '1', count: 'true' }, admin)
    expect(last.body.meta).toMatchObject({ more: false, count: 2 })
    const up = await call('querypushlogs', { order: 'created_at', where: JSON.stringify({ created_at: { $gte: '2024-01-02T00:00:00Z' } }) }, admin)
    expect(up.body.response.push_logs.map((log: { payload: string }) => log.payload)).toEqual(['{"alert":"hello"}', 'new news'])
  })

  it('refuses anyone but an admin with 403, session or not', async () => {
    for (const sessionId of [undefined, await session('alice')]) {
      const reply = await call('querypushlogs', {}, sessionId)
      expect({ status: reply.status, meta: reply.body.meta }).toEqual({
        status: 403,
        meta: { status: 'fail', code: 403, message: 'You are not authorized to perform this action.', method_name: 'queryPushLogs' },
      })
    }
  })
})

describe('logs/querypushlogdetails', () => {
  it('answers the detail of the push log where names by push_id', async () => {
    const logs = (await call('querypushlogs', { order: 'created_at' }, admin)).body.response.push_logs
    const reply = await call('querypushlogdetails', { where: JSON.stringify({ push_id: logs[0]._id }) }, admin)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryPushLogDetails', more: false })
    expect(reply.body.response.push_log_details).toEqual([
      {
        _id: expect.stringMatching(/^[0-9a-f]{24}$/),
        push_id: logs[0]._id,
        app_id: logs[0].app_id,
        channel: 'news',
        device_count: 3,
        types: [{ android: 1, ios: 2 }],
        android_types: [{ GCM: 1 }],
        send_status: 1,
        locked_at: '2024-01-01T10:00:00.000Z',
        pem_sent_at: '2024-01-01T10:00:00.000Z',
        created_at: '2024-01-01T10:00:00.000Z',
        updated_at: '2024-01-01T10:00:00.000Z',
      },
    ])
    const failed = await call('querypushlogdetails', { where: JSON.stringify({ push_id: logs[1]._id }) }, admin)
    expect(failed.body.response.push_log_details[0]).toMatchObject({ send_status: 2, error_message: 'Subscription not found', device_count: 0 })
    const unknown = await call('querypushlogdetails', { where: JSON.stringify({ push_id: '5f00000000000000000000ff' }) }, admin)
    expect(unknown.body.response.push_log_details).toEqual([])
  })

  it.each([
    [{}, 'Required field: where'],
    [{ where: JSON.stringify({ channel: 'news' }) }, 'Invalid where parameter: push_id is required'],
  ])('refuses %j: %s', async (params, message) => {
    const reply = await call('querypushlogdetails', params, admin)
    expect({ status: reply.status, message: reply.body.meta.message }).toEqual({ status: 400, message })
  })
})

describe('push logs in fixtures', () => {
  it.each([
    [{ push_logs: [{ channel: 'x' }] }, /push_logs\[0\]\.payload: must be a string or an object/],
    [{ push_logs: [{ payload: 'x', devices: { web: 1 } }] }, /push_logs\[0\]\.devices: must be/],
    [{ push_logs: [{ payload: 'x', to: ['zed'] }] }, /push_logs\[0\]\.to: no user "zed"/],
  ])('refuses %j', async (bad, message) => {
    await expect(createMockCloud({ fixtures: bad as Fixture })).rejects.toThrow(message)
  })
})
