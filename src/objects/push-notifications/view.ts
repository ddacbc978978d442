import type { QueryDoc } from '../../engine/query-run.js'
import type { SubscriptionRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/**
 * A subscription as push_notification/query answers it (docs/push-notifications.md
 * "Subscriptions"): `id`, `device_token`, `type`, `channel` (a list), `badge_number`, `user_id`
 * (session subscriptions), `loc` (once set), `created_at`, `updated_at`.
 */
export function toWireSubscription(sub: SubscriptionRecord): Record<string, unknown> {
  return {
    id: sub.id,
    device_token: sub.device_token,
    type: sub.type,
    channel: [...sub.channel],
    badge_number: sub.badge_number,
    ...(sub.user_id !== undefined && { user_id: sub.user_id }),
    ...(sub.loc !== undefined && { loc: [...sub.loc] }),
    created_at: sub.created_at,
    updated_at: sub.updated_at,
  }
}

/** What a `where` or `order` sees of a subscription: its reply fields, `_id`, dates as `Date`s, `loc` as `[lng, lat]`. */
export const subscriptionQueryDoc = perRecord((sub: SubscriptionRecord): QueryDoc => {
  return { ...toWireSubscription(sub), _id: sub.id, created_at: new Date(sub.created_at), updated_at: new Date(sub.updated_at) }
})
