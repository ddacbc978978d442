import { isObjectId } from '../../ids.js'
import { storedRecordProblem } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The collections of the push logs and of their details in a data set. */
export const PUSH_LOGS = 'push_logs'
export const PUSH_LOG_DETAILS = 'push_log_details'

/** The channel a push to every device without a channel is logged under. */
export const BROADCAST = '#broadcast'

/**
 * One push as the log records it (docs/logs.md "Push logs"): the channel(s), the payload as text,
 * and the users it targeted.
 */
export interface PushLogRecord extends StoredRecord {
  readonly channel: string
  readonly payload: string
  readonly to_ids?: readonly string[]
}

/** How a push went out (docs/logs.md "Push log details"), one per push log (`push_id`). */
export interface PushLogDetailRecord extends StoredRecord {
  readonly push_id: string
  readonly channel: string
  /** Devices reached, by platform. */
  readonly ios: number
  readonly android: number
  /** 0 sending, 1 success, 2 fail, 3 over due. */
  readonly send_status: 0 | 1 | 2 | 3
  readonly error_message?: string
}

const isText = (value: unknown) => typeof value === 'string'
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0

/** What makes a stored push log (from a data file or an import) unusable, or undefined. */
export function pushLogProblem(record: unknown): string | undefined {
  const base = storedRecordProblem(record)
  if (base !== undefined) return base
  const log = record as Record<string, unknown>
  const field = !isText(log.channel)
    ? 'channel'
    : !isText(log.payload)
      ? 'payload'
      : log.to_ids !== undefined && !(Array.isArray(log.to_ids) && log.to_ids.every((id) => isText(id) && isObjectId(id)))
        ? 'to_ids'
        : undefined
  return field === undefined ? undefined : `${field} is missing or malformed`
}

/** What makes a stored push log detail unusable, or undefined. */
export function pushLogDetailProblem(record: unknown): string | undefined {
  const base = storedRecordProblem(record)
  if (base !== undefined) return base
  const detail = record as Record<string, unknown>
  const field = !(isText(detail.push_id) && isObjectId(detail.push_id as string))
    ? 'push_id'
    : !isText(detail.channel)
      ? 'channel'
      : !isCount(detail.ios)
        ? 'ios'
        : !isCount(detail.android)
          ? 'android'
          : ![0, 1, 2, 3].includes(detail.send_status as number)
            ? 'send_status'
            : detail.error_message !== undefined && !isText(detail.error_message)
              ? 'error_message'
              : undefined
  return field === undefined ? undefined : `${field} is missing or malformed`
}
