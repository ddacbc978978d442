import { createHash } from 'node:crypto'
import type { QueryDoc } from '../../engine/query-run.js'
import type { PushLogDetailRecord, PushLogRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/**
 * The app's id in push logs: 24 hex digits derived from the app key, the same on every run
 * (docs/logs.md "Push logs").
 */
export function appIdOf(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 24)
}

/**
 * A push log as querypushlogs answers it (docs/logs.md "Push logs"): `_id` (no `id`), dates in
 * ISO 8601 with milliseconds (`2014-04-23T20:01:56.409Z`), as the real service answered.
 */
export function toWirePushLog(log: PushLogRecord, appId: string): Record<string, unknown> {
  return {
    _id: log.id,
    app_id: appId,
    channel: log.channel,
    payload: log.payload,
    ...(log.to_ids !== undefined && { to_ids: [...log.to_ids] }),
    created_at: log.created_at,
    updated_at: log.updated_at,
  }
}

/**
 * A push log detail as querypushlogdetails answers it (docs/logs.md "Push log details"): device
 * counts as `device_count`, `types` `[{android, ios}]` and `android_types` `[{GCM}]`; the
 * dispatcher times are the creation time.
 */
export function toWirePushLogDetail(detail: PushLogDetailRecord, appId: string): Record<string, unknown> {
  return {
    _id: detail.id,
    push_id: detail.push_id,
    app_id: appId,
    channel: detail.channel,
    device_count: detail.ios + detail.android,
    types: [{ android: detail.android, ios: detail.ios }],
    android_types: [{ GCM: detail.android }],
    send_status: detail.send_status,
    ...(detail.error_message !== undefined && { error_message: detail.error_message }),
    locked_at: detail.created_at,
    pem_sent_at: detail.created_at,
    created_at: detail.created_at,
    updated_at: detail.updated_at,
  }
}

/** What a `where` or `order` sees of a push log: its reply fields (`_id`, also `id`), dates as `Date`s. */
export const pushLogQueryDoc = perRecord((log: PushLogRecord): QueryDoc => {
  const { app_id, ...fields } = toWirePushLog(log, '')
  return { ...fields, id: log.id, ...dates(log) }
})

/** What a `where` or `order` sees of a push log detail: its reply fields (`_id`, also `id`), dates as `Date`s. */
export const pushLogDetailQueryDoc = perRecord((detail: PushLogDetailRecord): QueryDoc => {
  const { locked_at, pem_sent_at, app_id, ...fields } = toWirePushLogDetail(detail, '')
  return { ...fields, id: detail.id, ...dates(detail) }
})

const dates = (record: { created_at: string; updated_at: string }) => ({ created_at: new Date(record.created_at), updated_at: new Date(record.updated_at) })
