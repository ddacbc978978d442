import type { MockObject } from '../../engine/object.js'
import { pushNotificationsEndpoints } from './endpoints.js'
import { pushSubscriptionsFixture } from './fixture.js'
import { SUBSCRIPTIONS, subscriptionProblem } from './record.js'
import { PushNotificationsService } from './service.js'

/**
 * The PushNotifications object (docs/push-notifications.md): device subscriptions to channels,
 * and pushes recorded in the push outbox instead of delivered.
 */
export const pushNotifications = {
  name: 'push-notifications',
  title: 'PushNotifications',
  segments: ['push_notification'],
  endpoints: pushNotificationsEndpoints,
  service: (context) => new PushNotificationsService(context),
  collections: {
    owns: (name) => name === SUBSCRIPTIONS,
    recordProblem: (record) => subscriptionProblem(record),
  },
  fixture: pushSubscriptionsFixture,
} satisfies MockObject<PushNotificationsService>
