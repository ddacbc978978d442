import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.PushNotifications` (docs/push-notifications.md): subscribe and unsubscribe a device (with
 * a session, or by token alone), notify (recorded in the push outbox), query subscriptions and
 * channels, badges. ti.cloud has no count.
 */
export const PushNotifications = {
  subscribe: { verb: 'POST', path: 'push_notification/subscribe.json', args: 'data' },
  unsubscribe: { verb: 'DELETE', path: 'push_notification/unsubscribe.json', args: 'data' },
  subscribeToken: { verb: 'POST', path: 'push_notification/subscribe_token.json', args: 'data' },
  unsubscribeToken: { verb: 'DELETE', path: 'push_notification/unsubscribe_token.json', args: 'data' },
  updateSubscription: { verb: 'PUT', path: 'push_notification/subscription/update.json', args: 'data' },
  notify: { verb: 'POST', path: 'push_notification/notify.json', args: 'data' },
  notifyTokens: { verb: 'POST', path: 'push_notification/notify_tokens.json', args: 'data' },
  query: { verb: 'GET', path: 'push_notification/query.json', args: 'data' },
  queryChannels: { verb: 'GET', path: 'push_notification/channels/query.json', args: 'data' },
  showChannels: { verb: 'GET', path: 'push_notification/channels/show.json', args: 'data' },
  setBadge: { verb: 'PUT', path: 'push_notification/set_badge.json', args: 'data' },
  resetBadge: { verb: 'PUT', path: 'push_notification/reset_badge.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.PushNotifications` as a type: each method of {@link PushNotifications} with the arguments its shape takes. */
export type CloudPushNotifications = Calls<typeof PushNotifications>
