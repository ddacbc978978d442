import { toWireDate } from '../../dates.js'
import type { PushScheduleRecord } from './record.js'

/**
 * A schedule as replies show it (docs/push-schedules.md "Schedules"): `id`, `name` when given,
 * `start_time`, `push_notification` and `recurrence` when given, dates in the wire format.
 */
export function toWirePushSchedule(schedule: PushScheduleRecord): Record<string, unknown> {
  return {
    id: schedule.id,
    ...(schedule.name !== undefined && { name: schedule.name }),
    start_time: toWireDate(schedule.start_time),
    push_notification: schedule.push_notification,
    ...(schedule.recurrence !== undefined && { recurrence: { interval: schedule.recurrence.interval, end_time: toWireDate(schedule.recurrence.end_time) } }),
  }
}
