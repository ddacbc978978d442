import { ApiError, NAME_PROBLEMS, validationFailed } from '../../errors.js'
import { parseTags } from '../../engine/custom-fields.js'
import { integerValue, textParam, trimmed, type Params } from '../../param-values.js'
import { eventTime, invalidSchedule } from './event-time.js'
import { RECURRENCES, type EventRecord, type Recurrence } from './record.js'

/** The fields of an event a create or update sends; `tags` present with undefined clears them (`tags=`). */
export type EventFields = {
  -readonly [K in 'name' | 'start_time' | 'duration' | 'details' | 'recurring' | 'recurring_count' | 'recurring_until' | 'place_id' | 'tags']?: EventRecord[K]
}

/**
 * The event fields a create or update sends (docs/events.md "Writes"): `name`, `start_time` and
 * `recurring_until` (read by {@link eventTime}), `duration` (seconds), `details`, `recurring`,
 * `recurring_count`, `place_id` (lowercased, not looked up here), `tags`. A blank text counts as
 * not sent. On create, `name` and `start_time` are required.
 *
 * @throws ApiError 400 `Failed to <verb> event: Validation failed - <problems>.` (`Name can't be
 *   blank`, `Start time can't be blank`, `Duration is not a number`); 400 `Invalid calender schedule
 *   invalid date`, `... invalid recurring value`, `... invalid recurring_count`.
 */
export function eventFields(params: Params, verb: 'create' | 'update'): EventFields {
  const text = (name: string): string | undefined => trimmed(textParam(params, name))
  const fields: EventFields = {}
  const problems: string[] = []
  const name = text('name')
  if (name !== undefined) fields.name = name
  else if (verb === 'create') problems.push(NAME_PROBLEMS.blank)
  const start = text('start_time')
  if (start === undefined && verb === 'create') problems.push("Start time can't be blank")
  const duration = text('duration')
  if (duration !== undefined) {
    const seconds = Number(duration)
    if (Number.isFinite(seconds) && seconds >= 0) fields.duration = seconds
    else problems.push('Duration is not a number')
  }
  if (problems.length > 0) throw validationFailed(`${verb} event`, problems)
  if (start !== undefined) fields.start_time = eventTime(start)
  const details = text('details')
  if (details !== undefined) fields.details = details
  const recurring = text('recurring')
  if (recurring !== undefined) {
    if (!RECURRENCES.includes(recurring as Recurrence)) throw invalidSchedule('invalid recurring value')
    fields.recurring = recurring as Recurrence
  }
  const count = text('recurring_count')
  if (count !== undefined) {
    const value = integerValue(count)
    if (value === undefined || value < 1) throw invalidSchedule('invalid recurring_count')
    fields.recurring_count = value
  }
  const until = text('recurring_until')
  if (until !== undefined) fields.recurring_until = eventTime(until)
  const place = text('place_id')
  if (place !== undefined) fields.place_id = place.toLowerCase()
  if (params.tags !== undefined && params.tags !== null) fields.tags = parseTags(params.tags)
  return fields
}

/**
 * Checks an event's recurrence once its fields are merged.
 *
 * @throws ApiError 400 `Invalid calender schedule  recurring_count or recurring_until is required`
 *   for a recurring event with neither.
 */
export function checkRecurrence(event: Pick<EventRecord, 'recurring' | 'recurring_count' | 'recurring_until'>): void {
  if (event.recurring !== undefined && event.recurring_count === undefined && event.recurring_until === undefined) {
    throw invalidSchedule('recurring_count or recurring_until is required')
  }
}
