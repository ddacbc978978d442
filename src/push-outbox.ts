import type { DataSet } from './data-set.js'
import { isPlainObject } from './json.js'
import type { AppData } from './store/db.js'

/**
 * One device a push reached (docs/push-notifications.md "The push outbox"): its token, platform,
 * the user of a session subscription, the channels of the send it is subscribed to, and the
 * payload as that device would get it (iOS: `aps`; Android: `android`) with its badge resolved.
 */
export interface PushDelivery {
  device_token: string
  type: 'ios' | 'android'
  /** The subscribed user (session subscriptions only). */
  user_id?: string
  /** The send's channels this device is subscribed to. */
  channel: string[]
  /** The device's badge after the push (the payload's number, or its `+N`/`-N` applied). */
  badge: number
  /** The JSON the device would receive. */
  delivered: Record<string, unknown>
}

/**
 * One accepted push, as one data set keeps it (`AppData.pushes`, oldest first): mock-cloud
 * delivers nothing and records every send instead (docs/push-notifications.md "The push outbox").
 */
export interface PushRecord {
  /** The `push_notification.id` of the notify reply, also the push log's `_id`. */
  id: string
  kind: 'notify' | 'notify_tokens' | 'schedule'
  /** A schedule's occurrence (kind `schedule`): the schedule's id (docs/push-schedules.md "Firing"). */
  push_schedule_id?: string
  /** A schedule's occurrence: the time it was due, ISO 8601 UTC (the push's `created_at` is when the clock was seen past it). */
  scheduled_at?: string
  channel: string[]
  /** As received: the alert text, or the parsed JSON object. */
  payload: string | Record<string, unknown>
  /** The parsed `options`, when sent. */
  options?: Record<string, unknown>
  /** The caller's id, when the call carried a live session. */
  sender_user_id?: string
  /** How the call chose its recipients. */
  target: Record<string, unknown>
  deliveries: PushDelivery[]
  /** When it was sent, ISO 8601 UTC (from the data set's clock). */
  created_at: string
}

/** A push as {@link readPushes} gives it: with the app key whose data set sent it. */
export type OutboxPush = PushRecord & { key: string }

/** Records a push in the data set's push outbox. The caller persists the store. */
export function recordPush(dataSet: DataSet, push: PushRecord): void {
  dataSet.data.pushes.push(push)
}

/**
 * The pushes of one app key's data set, or with no key of every data set (in order of the keys'
 * first use, then oldest first), each with its key. A key without a data set has none.
 *
 * @example
 * readPushes(store.data.apps, 'TESTKEY') // [{ key: 'TESTKEY', kind: 'notify', channel: ['news'], deliveries: [...], … }]
 */
export function readPushes(apps: Readonly<Record<string, AppData>>, key?: string): OutboxPush[] {
  const keys = key === undefined ? Object.keys(apps) : Object.hasOwn(apps, key) ? [key] : []
  return keys.flatMap((appKey) => (apps[appKey]?.pushes ?? []).map((push) => ({ key: appKey, ...structuredClone(push) })))
}

/** Whether a push read from a data file or an import has the shape of a {@link PushRecord}. */
export function isPushRecord(push: unknown): boolean {
  const isText = (value: unknown) => typeof value === 'string'
  return (
    isPlainObject(push) &&
    isText(push.id) &&
    (push.kind === 'notify' || push.kind === 'notify_tokens' || push.kind === 'schedule') &&
    Array.isArray(push.channel) &&
    push.channel.every(isText) &&
    (isText(push.payload) || isPlainObject(push.payload)) &&
    isPlainObject(push.target) &&
    isText(push.created_at) &&
    !Number.isNaN(Date.parse(push.created_at as string)) &&
    Array.isArray(push.deliveries) &&
    push.deliveries.every((d) => isPlainObject(d) && isText(d.device_token) && (d.type === 'ios' || d.type === 'android') && Number.isInteger(d.badge) && isPlainObject(d.delivered))
  )
}
