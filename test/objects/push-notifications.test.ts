import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall, okBody as ok } from '../support/in-process-call.js'

/** PushNotifications through app.request(): one test per rule of docs/push-notifications.md. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string

const session = (username: string): Promise<string> => sessionOf(cloud, username)

const call = (verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) => inProcessCall(cloud, verb, `push_notification/${method}`, params, sessionId)

const IOS_A = 'a'.repeat(64)
const IOS_B = 'b'.repeat(64)
const ANDROID_C = 'APA91-c'

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  ;[alice, bob, admin] = await Promise.all([session('alice'), session('bob'), session('admin')])
})

describe('subscriptions', () => {
  it('subscribe keeps one record per device token, merging channels; query lists the caller’s', async () => {
    expect((await ok(call('POST', 'subscribe', { channel: 'news', device_token: IOS_A, type: 'ios' }, alice))).meta).toEqual({ code: 200, status: 'ok', method_name: 'SubscribeNotification' })
    await ok(call('POST', 'subscribe', { channel: 'sports,weather', device_token: IOS_A, type: 'ios' }, alice))
    await ok(call('POST', 'subscribe', { channel: 'news', device_token: ANDROID_C, type: 'gcm' }, bob))
    const mine = await ok(call('GET', 'query', {}, alice))
    expect(mine.meta.method_name).toBe('querySubscriptions')
    expect(mine.response.subscriptions).toEqual([
      expect.objectContaining({ device_token: IOS_A, type: 'ios', channel: ['news', 'sports', 'weather'], badge_number: 0, user_id: ids.alice }),
    ])
    const all = await ok(call('GET', 'query', {}, admin))
    expect(all.response.subscriptions.map((sub: any) => [sub.device_token, sub.type])).toEqual([[IOS_A, 'ios'], [ANDROID_C, 'android']])
    expect((await ok(call('GET', 'count'))).meta).toEqual({ code: 200, status: 'ok', method_name: 'push_notificationCount', count: 2 })
  })

  it('refuses what it cannot store, and a session method without a session', async () => {
    expect(failure(await call('POST', 'subscribe', { channel: 'news', device_token: IOS_A, type: 'ios' }))).toEqual({ status: 400, message: 'Failed to authenticate user', method_name: 'SubscribeNotification' })
    expect(failure(await call('POST', 'subscribe', { device_token: IOS_A, type: 'ios' }, alice)).message).toBe('Required field: channel')
    expect(failure(await call('POST', 'subscribe', { channel: '#all', device_token: IOS_A, type: 'ios' }, alice)).message).toBe('Invalid channel name: #all')
    expect(failure(await call('POST', 'subscribe', { channel: 'news', type: 'ios' }, alice)).message).toBe('Required field: device_token')
    expect(failure(await call('POST', 'subscribe', { channel: 'news', device_token: IOS_A, type: 'windows' }, alice)).message).toBe('Invalid push type: windows')
    expect((await ok(call('GET', 'count'))).meta.count).toBe(0)
  })

  it('unsubscribe leaves one channel, or all and the record; another user’s device is not found', async () => {
    await ok(call('POST', 'subscribe', { channel: 'news,sports', device_token: IOS_A, type: 'ios' }, alice))
    expect(failure(await call('DELETE', 'unsubscribe', { device_token: IOS_A }, bob))).toEqual({ status: 400, message: 'Subscription not found', method_name: 'UnsubscribeNotification' })
    await ok(call('DELETE', 'unsubscribe', { device_token: IOS_A, channel: 'news' }, alice))
    expect((await ok(call('GET', 'query', {}, alice))).response.subscriptions[0].channel).toEqual(['sports'])
    await ok(call('DELETE', 'unsubscribe', { device_token: IOS_A }, alice))
    expect((await ok(call('GET', 'query', {}, alice))).response.subscriptions).toEqual([])
  })

  it('token subscriptions need no login and count too', async () => {
    expect((await ok(call('POST', 'subscribe_token', { channel: 'news', device_token: ANDROID_C, type: 'android' }))).meta.method_name).toBe('SubscribeNotificationByToken')
    expect((await ok(call('GET', 'count'))).meta.count).toBe(1)
    expect((await ok(call('DELETE', 'unsubscribe_token', { device_token: ANDROID_C }))).meta.method_name).toBe('UnsubscribeNotificationByToken')
    expect((await ok(call('GET', 'count'))).meta.count).toBe(0)
    expect(failure(await call('DELETE', 'unsubscribe_token', { device_token: ANDROID_C })).message).toBe('Subscription not found')
  })

  it('channels/query lists channel names; channels/show counts devices by platform for admins', async () => {
    await ok(call('POST', 'subscribe', { channel: 'news,sports', device_token: IOS_A, type: 'ios' }, alice))
    await ok(call('POST', 'subscribe', { channel: 'weather', device_token: ANDROID_C, type: 'android' }, bob))
    expect((await ok(call('GET', 'channels/query', {}, alice))).response.push_channels).toEqual(['news', 'sports'])
    expect((await ok(call('GET', 'channels/query', {}, admin))).response.push_channels).toEqual(['news', 'sports', 'weather'])
    expect((await ok(call('GET', 'channels/show', { name: 'news' }, admin))).response).toEqual({ devices: { ios: 1, android: 0 } })
    expect(failure(await call('GET', 'channels/show', { name: 'news' }, alice)).status).toBe(403)
  })

  it('subscription/update stores loc; badges are set, shifted and reset', async () => {
    await ok(call('POST', 'subscribe', { channel: 'news', device_token: IOS_A, type: 'ios' }, alice))
    await ok(call('PUT', 'subscription/update', { device_token: IOS_A, loc: '[-122.05, 37.39]' }, alice))
    expect(failure(await call('PUT', 'subscription/update', { device_token: IOS_A, loc: '[1,2]' }, bob)).status).toBe(403)
    await ok(call('PUT', 'set_badge', { device_token: IOS_A, badge_number: '100' }))
    await ok(call('PUT', 'set_badge', { device_token: IOS_A, badge_number: '-30' }))
    expect((await ok(call('GET', 'query', {}, alice))).response.subscriptions[0]).toMatchObject({ badge_number: 70, loc: [-122.05, 37.39] })
    expect((await ok(call('PUT', 'reset_badge', { device_token: IOS_A }))).meta.method_name).toBe('resetBadge')
    expect((await ok(call('GET', 'query', {}, alice))).response.subscriptions[0].badge_number).toBe(0)
    await ok(call('PUT', 'set_badge', { device_token: IOS_A, badge_number: '5' }))
    expect(failure(await call('GET', 'reset_badge', {}, alice)).status).toBe(403)
    await ok(call('GET', 'reset_badge', {}, admin))
    expect((await ok(call('GET', 'query', {}, alice))).response.subscriptions[0].badge_number).toBe(0)
  })
})

describe('notify and the push outbox', () => {
  beforeEach(async () => {
    await ok(call('POST', 'subscribe', { channel: 'news', device_token: IOS_A, type: 'ios' }, alice))
    await ok(call('POST', 'subscribe', { channel: 'news,sports', device_token: ANDROID_C, type: 'android' }, bob))
    await ok(call('POST', 'subscribe_token', { channel: 'sports', device_token: IOS_B, type: 'ios' }))
  })

  it('to_ids reaches those users’ devices on the channel, each with the payload its platform gets', async () => {
    await ok(call('PUT', 'set_badge', { device_token: IOS_A, badge_number: '2' }))
    const sent = await ok(call('POST', 'notify', { channel: 'news', to_ids: `${ids.alice},${ids.bob}`, payload: JSON.stringify({ alert: 'Hi', badge: '+1', sound: 'default', custom: 7 }) }, alice))
    expect(sent).toEqual({
      meta: { code: 200, status: 'ok', method_name: 'Notify' },
      response: { push_notification: { id: expect.stringMatching(/^[0-9a-f]{24}$/), payload: expect.any(String), channel: 'news' } },
    })
    const [push, ...others] = cloud.pushes('K')
    expect(others).toEqual([])
    expect(push).toMatchObject({ key: 'K', id: sent.response.push_notification.id, kind: 'notify', channel: ['news'], sender_user_id: ids.alice, target: { to_ids: [ids.alice, ids.bob] } })
    expect(push!.deliveries).toEqual([
      { device_token: IOS_A, type: 'ios', user_id: ids.alice, channel: ['news'], badge: 3, delivered: { aps: { alert: 'Hi', badge: 3, sound: 'default' }, custom: 7 } },
      { device_token: ANDROID_C, type: 'android', user_id: ids.bob, channel: ['news'], badge: 1, delivered: { android: { alert: 'Hi', badge: 1, sound: 'default' }, custom: 7 } },
    ])
    expect((await ok(call('GET', 'query', {}, alice))).response.subscriptions[0].badge_number).toBe(3)
  })

  it('a channel push by an admin to everyone reaches exactly the devices on that channel of that key', async () => {
    await ok(call('POST', 'notify', { channel: 'sports', to_ids: 'everyone', payload: 'Goal!' }, admin))
    expect(cloud.pushes('K')[0]!.deliveries.map((d) => [d.device_token, d.delivered])).toEqual([
      [ANDROID_C, { android: { alert: 'Goal!' } }],
      [IOS_B, { aps: { alert: 'Goal!' } }],
    ])
    expect(cloud.pushes('OTHER')).toEqual([])
    expect(failure(await call('POST', 'notify', { channel: 'sports', to_ids: 'everyone', payload: 'x' }, alice)).status).toBe(403)
  })

  it('where.user picks users by a users query', async () => {
    await ok(call('POST', 'notify', { channel: 'news', where: JSON.stringify({ user: { username: 'bob' } }), payload: 'Hi Bob' }, alice))
    expect(cloud.pushes('K')[0]!.deliveries.map((d) => d.user_id)).toEqual([ids.bob])
  })

  it('where.loc finds devices near a point for admins; a location-only where by a user is refused', async () => {
    await ok(call('PUT', 'subscription/update', { device_token: IOS_A, loc: '[-122.2708, 37.8044]' }, alice))
    await ok(call('PUT', 'subscription/update', { device_token: ANDROID_C, loc: '[-74.006, 40.7128]' }, bob))
    const near = JSON.stringify({ loc: { $nearSphere: { $geometry: { type: 'Point', coordinates: [-122.27, 37.8] }, $maxDistance: 2000 } } })
    expect(failure(await call('POST', 'notify', { channel: 'news', where: near, payload: 'x' }, alice)).status).toBe(403)
    await ok(call('POST', 'notify', { channel: 'news', where: near, payload: 'Oakland' }, admin))
    expect(cloud.pushes('K')[0]!.deliveries.map((d) => d.device_token)).toEqual([IOS_A])
  })

  it('friends reaches the devices of the caller’s friends only: none before a friendship, bob’s once carol and bob are friends', async () => {
    await ok(call('POST', 'subscribe', { channel: 'news', device_token: 'd'.repeat(64), type: 'ios' }, await session('dave')))
    const carol = await session('carol')
    expect(failure(await call('POST', 'notify', { channel: 'news', friends: 'true', payload: 'x' }, carol)).message).toBe('Subscription not found')
    expect(cloud.pushes('K')).toEqual([])
    const friends = async (method: string, verb: string, sessionId: string, userId: string) => {
      const reply = await cloud.app.request(`/v1/friends/${method}.json?key=K`, { method: verb, body: new URLSearchParams({ user_ids: userId, _session_id: sessionId }) })
      expect(((await reply.json()) as any).meta.status).toBe('ok')
    }
    await friends('add', 'POST', carol, ids.bob)
    await friends('approve', 'PUT', bob, ids.carol)
    await ok(call('POST', 'notify', { channel: 'news', friends: 'true', payload: 'Hi friends' }, carol))
    const [push] = cloud.pushes('K')
    expect(push).toMatchObject({ sender_user_id: ids.carol, target: { friends: true } })
    expect(push!.deliveries.map((d) => [d.device_token, d.user_id])).toEqual([[ANDROID_C, ids.bob]])
  })

  it('notify_tokens reaches listed tokens on the channel without a login; meta only', async () => {
    expect(await ok(call('POST', 'notify_tokens', { channel: 'sports', to_tokens: `${IOS_B},${IOS_A}`, payload: 'Hi' }))).toEqual({ meta: { code: 200, status: 'ok', method_name: 'NotifyTokens' } })
    const push = cloud.pushes('K')[0]!
    expect(push).toMatchObject({ kind: 'notify_tokens', target: { to_tokens: [IOS_B, IOS_A] } })
    expect(push.sender_user_id).toBeUndefined()
    expect(push.deliveries.map((d) => d.device_token)).toEqual([IOS_B])
  })

  it('refusals record nothing', async () => {
    expect(failure(await call('POST', 'notify', { channel: 'news', payload: 'x' }, alice))).toEqual({ status: 400, message: 'Specify one of to_ids, friends or where.', method_name: 'Notify' })
    expect(failure(await call('POST', 'notify', { channel: 'news', to_ids: ids.carol, payload: 'x' }, alice)).message).toBe('Subscription not found')
    expect(failure(await call('POST', 'notify', { channel: 'news', to_ids: ids.alice }, alice)).message).toBe('Required field: payload')
    expect(failure(await call('POST', 'notify', { channel: 'news', to_ids: ids.alice, payload: 'x' })).message).toBe('Failed to authenticate user')
    expect(failure(await call('POST', 'notify_tokens', { channel: 'news', payload: 'x' })).message).toBe('Required field: to_tokens')
    expect(cloud.pushes()).toEqual([])
  })

  it('each send writes the push log Logs reads', async () => {
    const sent = await ok(call('POST', 'notify', { channel: 'news', to_ids: 'everyone', payload: 'Hi' }, admin))
    const logs = (await (await cloud.app.request(`/v1/logs/querypushlogs.json?key=K&_session_id=${admin}`)).json()) as any
    expect(logs.response.push_logs).toEqual([expect.objectContaining({ _id: sent.response.push_notification.id, channel: 'news', payload: 'Hi' })])
  })

  it('a reset clears the push outbox; GET /__mock/pushes lists it', async () => {
    await ok(call('POST', 'notify', { channel: 'news', to_ids: ids.bob, payload: 'Hi' }, alice))
    const listed = (await (await cloud.app.request('/__mock/pushes?key=K')).json()) as any
    expect(listed.meta).toMatchObject({ method_name: 'mockPushes', count: 1 })
    expect(listed.response.pushes[0].deliveries[0].device_token).toBe(ANDROID_C)
    await cloud.reset('K')
    expect(cloud.pushes('K')).toEqual([])
  })

  it('snapshots and export / import keep the push outbox with the data set; a malformed push is refused', async () => {
    await cloud.snapshot('before')
    await ok(call('POST', 'notify', { channel: 'news', to_ids: ids.bob, payload: 'Hi' }, alice))
    const exported = await cloud.exportData('K')
    await cloud.importData(exported, 'COPY')
    expect(cloud.pushes('COPY').map((push) => push.deliveries[0]!.device_token)).toEqual([ANDROID_C])
    await expect(cloud.importData({ ...exported, pushes: [{ id: 'x' }] }, 'BAD')).rejects.toMatchObject({ code: 400, message: expect.stringContaining('pushes[0] is malformed') })
    await cloud.restore('before', 'K')
    expect(cloud.pushes('K')).toEqual([])
  })

  it('every endpoint answers 400 while pushConfigured is false', async () => {
    await cloud.setSettings('K', { pushConfigured: false })
    expect(failure(await call('POST', 'notify', { channel: 'news', to_ids: ids.bob, payload: 'Hi' }, alice))).toEqual({ status: 400, message: 'App is not configured for Push Notification', method_name: 'Notify' })
    expect(failure(await call('POST', 'subscribe_token', { channel: 'news', device_token: IOS_A, type: 'ios' })).message).toBe('App is not configured for Push Notification')
    expect(cloud.pushes('K')).toEqual([])
  })
})
