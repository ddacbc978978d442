import { isObjectId } from '../../ids.js'
import { isPlainObject } from '../../json.js'
import { storedRecordProblem } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'
import type { Payload } from '../push-notifications/payload.js'

/** The name of the push schedules' collection in a data set. */
export const PUSH_SCHEDULES = 'push_schedules'

/** How often a recurring schedule repeats. */
export type Interval = 'daily' | 'weekly' | 'monthly'

/**
 * One stored push schedule (docs/push-schedules.md "Schedules"): the push it sends, its first
 * time and recurrence (ISO 8601 UTC), the admin who created it, and `next_time`, the occurrence
 * not yet sent (absent once the last one is).
 */
export interface PushScheduleRecord extends StoredRecord {
  readonly name?: string
  readonly start_time: string
  readonly push_notification: { channel: string; payload: Payload; to_ids?: string[]; options?: Record<string, unknown> }
  readonly recurrence?: { interval: Interval; end_time: string }
  readonly user_id: string
  readonly next_time?: string
  /** The devices it reaches, as a notify's `where` picks them (`{"user": ...}`, `{"loc": ...}`), evaluated when it fires. */
  readonly where?: Readonly<Record<string, unknown>>
}

/** What makes a stored schedule (from a data file or an import) unusable, or undefined. */
export function pushScheduleProblem(record: unknown): string | undefined {
  const base = storedRecordProblem(record)
  if (base !== undefined) return base
  const schedule = record as Record<string, unknown>
  const isDate = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value))
  const push = schedule.push_notification
  const field = !isDate(schedule.start_time)
    ? 'start_time'
    : !isPlainObject(push) || typeof push.channel !== 'string' || push.payload === undefined
      ? 'push_notification'
      : schedule.next_time !== undefined && !isDate(schedule.next_time)
        ? 'next_time'
        : typeof schedule.user_id !== 'string' || !isObjectId(schedule.user_id)
          ? 'user_id'
          : schedule.where !== undefined && !isPlainObject(schedule.where)
            ? 'where'
            : undefined
  return field === undefined ? undefined : `${field} is missing or malformed`
}
