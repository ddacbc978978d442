import type { Endpoint } from '../../engine/object.js'
import type { PushNotificationsService } from './service.js'

/**
 * The PushNotifications endpoints (docs/push-notifications.md "Endpoints"), under the singular
 * `push_notification`: reset_badge answers PUT (one device) and GET (every device, admins).
 */
export const pushNotificationsEndpoints: readonly Endpoint<PushNotificationsService>[] = [
  { path: 'push_notification/subscribe', method_name: 'SubscribeNotification', verbs: ['POST'], call: ({ service, params, caller }) => service.subscribe(params, caller) },
  { path: 'push_notification/unsubscribe', method_name: 'UnsubscribeNotification', verbs: ['DELETE'], call: ({ service, params, caller }) => service.unsubscribe(params, caller) },
  { path: 'push_notification/subscribe_token', method_name: 'SubscribeNotificationByToken', verbs: ['POST'], call: ({ service, params }) => service.subscribeToken(params) },
  { path: 'push_notification/unsubscribe_token', method_name: 'UnsubscribeNotificationByToken', verbs: ['DELETE'], call: ({ service, params }) => service.unsubscribeToken(params) },
  { path: 'push_notification/subscription/update', method_name: 'UpdateSubscription', verbs: ['PUT'], call: ({ service, params, caller }) => service.updateSubscription(params, caller) },
  { path: 'push_notification/notify', method_name: 'Notify', verbs: ['POST'], call: ({ service, params, caller }) => service.notify(params, caller) },
  { path: 'push_notification/notify_tokens', method_name: 'NotifyTokens', verbs: ['POST'], call: ({ service, params, caller }) => service.notifyTokens(params, caller) },
  { path: 'push_notification/query', method_name: 'querySubscriptions', verbs: ['GET'], call: ({ service, params, caller }) => service.query(params, caller) },
  { path: 'push_notification/channels/query', method_name: 'queryPushChannels', verbs: ['GET'], call: ({ service, params, caller }) => service.queryChannels(params, caller) },
  { path: 'push_notification/channels/show', method_name: 'showPushChannels', verbs: ['GET'], call: ({ service, params, caller }) => service.showChannels(params, caller) },
  { path: 'push_notification/count', method_name: 'push_notificationCount', verbs: ['GET'], call: ({ service }) => service.count() },
  { path: 'push_notification/set_badge', method_name: 'setBadge', verbs: ['PUT'], call: ({ service, params, caller }) => service.setBadge(params, caller) },
  {
    path: 'push_notification/reset_badge',
    method_name: 'resetBadge',
    verbs: ['PUT', 'GET'],
    call: ({ service, params, caller, verb }) => service.resetBadge(params, caller, verb !== 'PUT'),
  },
]
