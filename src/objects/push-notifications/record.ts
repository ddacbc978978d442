import { isObjectId } from '../../ids.js'
import { storedRecordProblem } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The name of the push subscriptions' collection in a data set. */
export const SUBSCRIPTIONS = 'push_subscriptions'

/** A device platform as stored (`gcm` is stored as `android`). */
export type DeviceType = 'ios' | 'android'

/**
 * One device's subscription (docs/push-notifications.md "Subscriptions"): one record per device
 * token, with its channels, its stored badge, the user of a session subscription and its location.
 */
export interface SubscriptionRecord extends StoredRecord {
  readonly device_token: string
  readonly type: DeviceType
  readonly channel: readonly string[]
  readonly badge_number: number
  /** The subscribed user; absent for a token subscription. */
  readonly user_id?: string
  /** `[longitude, latitude]`, set by subscription/update. */
  readonly loc?: readonly [number, number]
}

/** The unique keys of a subscription besides its id: its device token. */
export const subscriptionKeys = (record: SubscriptionRecord) => ({ device_token: record.device_token })

/** What makes a stored subscription (from a data file or an import) unusable, or undefined. */
export function subscriptionProblem(record: unknown): string | undefined {
  const base = storedRecordProblem(record)
  if (base !== undefined) return base
  const sub = record as Record<string, unknown>
  const isText = (value: unknown) => typeof value === 'string' && value !== ''
  const isLoc = (value: unknown) => Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number')
  const field = !isText(sub.device_token)
    ? 'device_token'
    : sub.type !== 'ios' && sub.type !== 'android'
      ? 'type'
      : !(Array.isArray(sub.channel) && sub.channel.every(isText))
        ? 'channel'
        : !(Number.isInteger(sub.badge_number) && (sub.badge_number as number) >= 0)
          ? 'badge_number'
          : sub.user_id !== undefined && !(typeof sub.user_id === 'string' && isObjectId(sub.user_id))
            ? 'user_id'
            : sub.loc !== undefined && !isLoc(sub.loc)
              ? 'loc'
              : undefined
  return field === undefined ? undefined : `${field} is missing or malformed`
}
