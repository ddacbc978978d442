import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { mockCloudClient } from '../../src/index.js'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { sdk } from '../support/arrowdb-calls.js'

/**
 * PushNotifications end to end over real HTTP: the `arrowdb` SDK (1.0.12) subscribes devices and
 * sends, and the runner helpers' admin client reads the push outbox; the Node `Cloud` as
 * ti.cloud's apidoc examples call it.
 */

const server = serverForFile()

const IOS = 'f'.repeat(64)

describe('PushNotifications over real HTTP', () => {
  it('the arrowdb SDK: subscribe → query → notify; the push outbox holds what the device gets', async () => {
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    expect((await sdk(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })).err).toBeNull()
    const subscribed = await sdk(app, 'pushNotificationsSubscribe', { channel: 'friend_request', device_token: IOS, type: 'ios' })
    expect(subscribed.result.body.meta.method_name).toBe('SubscribeNotification')
    expect((await sdk(app, 'pushNotificationsCount')).result.body.meta.count).toBe(1)
    expect((await sdk(app, 'pushNotificationsSetBadge', { device_token: IOS, badge_number: 100 })).err).toBeNull()
    const query = await sdk(app, 'pushNotificationsQuery', {})
    expect(query.result.body.response.subscriptions).toEqual([expect.objectContaining({ device_token: IOS, channel: ['friend_request'], badge_number: 100 })])
    expect((await sdk(app, 'pushNotificationsQueryChannels')).result.body.response.push_channels).toEqual(['friend_request'])
    const me = (await sdk(app, 'usersShowMe')).result.body.response.users[0].id as string
    const sent = await sdk(app, 'pushNotificationsNotify', { channel: 'friend_request', to_ids: me, payload: { alert: 'New request', badge: '+1' } })
    expect(sent.result.body.meta.method_name).toBe('Notify')
    const pushes = await mockCloudClient(server().url, 'TESTKEY').pushes()
    expect(pushes).toEqual([
      expect.objectContaining({
        key: 'TESTKEY',
        id: sent.result.body.response.push_notification.id,
        deliveries: [{ device_token: IOS, type: 'ios', user_id: me, channel: ['friend_request'], badge: 101, delivered: { aps: { alert: 'New request', badge: 101 } } }],
      }),
    ])
    expect((await sdk(app, 'pushNotificationsNotify', { channel: 'nobody_here', to_ids: me, payload: 'x' })).err?.statusCode).toBe(400)
    expect((await sdk(app, 'pushNotificationsUnsubscribe', { device_token: IOS })).result.body.meta.method_name).toBe('UnsubscribeNotification')
    expect((await sdk(app, 'pushNotificationsCount')).result.body.meta.count).toBe(0)
  })

  it('Cloud.PushNotifications: a token subscription and notifyTokens, as ti.cloud sends them', async () => {
    const Cloud = createCloud({ url: server().url, key: 'TESTKEY' })
    expect(await outcome((cb) => Cloud.PushNotifications.subscribeToken({ device_token: 'APA91-x', channel: 'news', type: 'android' }, cb))).toMatchObject({ success: true })
    expect(await outcome((cb) => Cloud.PushNotifications.notifyTokens({ channel: 'news', to_tokens: 'APA91-x', payload: { alert: 'Hi', title: 'App', extra: 1 } }, cb))).toMatchObject({ success: true })
    expect(server().pushes('TESTKEY')[0]!.deliveries[0]!.delivered).toEqual({ android: { alert: 'Hi', title: 'App' }, extra: 1 })
    const missing = await outcome((cb) => Cloud.PushNotifications.unsubscribeToken({ device_token: 'nope' }, cb))
    expect(missing).toMatchObject({ success: false, code: 400, message: 'Subscription not found' })
  })
})
