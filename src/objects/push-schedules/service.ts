import { adminOnly } from '../../engine/su-id.js'
import type { CallResult, Caller, ServiceContext } from '../../engine/object.js'
import { idListParam } from '../../engine/id-list.js'
import { ApiError, invalidParameter, requiredField } from '../../errors.js'
import { isPlainObject } from '../../json.js'
import { isAbsent, jsonParam, textParam, trimmed, type Params } from '../../param-values.js'
import { parseIsoDate } from '../../query/date-value.js'
import { Collection } from '../../store/collection.js'
import { pushNotifications } from '../push-notifications/index.js'
import { parsePayload, type Payload } from '../push-notifications/payload.js'
import type { PushNotificationsService } from '../push-notifications/service.js'
import { PUSH_SCHEDULES, type Interval, type PushScheduleRecord } from './record.js'
import { toWirePushSchedule } from './view.js'

/** The most schedules one app keeps. */
const MAX_SCHEDULES = 100

/** The most occurrences of one schedule sent in one check (a clock moved years past a daily schedule). */
const MAX_OCCURRENCES = 10_000

const INTERVALS: readonly Interval[] = ['daily', 'weekly', 'monthly']

/**
 * The rules of the PushSchedules object (docs/push-schedules.md), one method per endpoint, free
 * of HTTP: admins only. {@link fireDue} sends every occurrence the server clock has passed through
 * the PushNotifications service, once each. Every write is stored before the method returns.
 */
export class PushSchedulesService {
  private readonly schedules: Collection<PushScheduleRecord>
  private readonly pushes: PushNotificationsService

  constructor(private readonly context: ServiceContext) {
    this.schedules = new Collection(context.dataSet, PUSH_SCHEDULES)
    this.pushes = context.service(pushNotifications)
  }

  /**
   * push_schedules/create (admins): a schedule from the JSON `schedule` (`name`, `start_time`,
   * `recurrence`, `push_notification`).
   *
   * @throws ApiError 403 `You are not authorized to perform this action.`; 400 `Required field: schedule` /
   *   `start_time` / `push_notification` / `channel` / `payload`, `Invalid date: <v>`, `Invalid recurrence interval: <v>`,
   *   `Invalid recurrence end_time`, `Maximum number of push schedules (100) reached.`
   */
  async create(params: Params, caller: Caller): Promise<CallResult> {
    const admin = adminOnly(caller)
    const given = scheduleParam(params)
    if (this.schedules.size >= MAX_SCHEDULES) throw new ApiError(400, `Maximum number of push schedules (${MAX_SCHEDULES}) reached.`)
    if (isAbsent(given.start_time)) throw requiredField('start_time')
    const start_time = dateOf(given.start_time)
    if (given.push_notification === undefined) throw requiredField('push_notification')
    const now = this.context.dataSet.runtime.now()
    const schedule: PushScheduleRecord = {
      id: this.context.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      ...(typeof given.name === 'string' && { name: given.name }),
      start_time,
      push_notification: notificationOf(given.push_notification),
      ...(given.recurrence !== undefined && { recurrence: recurrenceOf(given.recurrence, start_time) }),
      user_id: admin.id,
      next_time: start_time,
      ...this.whereOf(params, caller),
    }
    this.schedules.insert(schedule)
    await this.context.dataSet.write()
    return { response: { push_schedules: [toWirePushSchedule(schedule)] } }
  }

  /**
   * push_schedules/query (admins): every schedule, or those named `name`, by `start_time` then id,
   * paged by `limit` (1–1000, default 10) and `skip`.
   *
   * @throws ApiError 403 as create.
   */
  query(params: Params, caller: Caller): CallResult {
    adminOnly(caller)
    const name = textParam(params, 'name')
    const limit = Math.min(Math.max(Number(trimmed(textParam(params, 'limit')) ?? 10) || 10, 1), 1000)
    const skip = Math.max(Number(trimmed(textParam(params, 'skip')) ?? 0) || 0, 0)
    const found = this.schedules
      .scan((schedule) => name === undefined || schedule.name === name)
      .sort((a, b) => a.start_time.localeCompare(b.start_time) || a.id.localeCompare(b.id))
    return { response: { push_schedules: found.slice(skip, skip + limit).map(toWirePushSchedule) } }
  }

  /**
   * push_schedules/update (admins): the keys of `schedule` replace the stored ones; `start_time`
   * is ignored; a new `recurrence.end_time` must be in the future and the old one not passed.
   *
   * @throws ApiError 403 as create; 400 `Required field: id` / `schedule`, `Invalid push_schedule id`, the refusals of create.
   */
  async update(params: Params, caller: Caller): Promise<CallResult> {
    adminOnly(caller)
    const id = trimmed(textParam(params, 'id'))
    if (id === undefined) throw requiredField('id')
    const current = this.schedules.byId(id.toLowerCase())
    if (current === undefined) throw invalidScheduleId()
    const given = scheduleParam(params)
    const now = this.context.dataSet.runtime.now()
    let recurrence = current.recurrence
    if (given.recurrence !== undefined) {
      if (current.recurrence !== undefined && Date.parse(current.recurrence.end_time) <= now.getTime()) throw invalidEndTime()
      recurrence = recurrenceOf({ ...current.recurrence, ...(isPlainObject(given.recurrence) ? given.recurrence : { interval: given.recurrence }) }, current.start_time)
      if (Date.parse(recurrence.end_time) <= now.getTime()) throw invalidEndTime()
    }
    let next: PushScheduleRecord = {
      ...current,
      updated_at: now.toISOString(),
      ...(typeof given.name === 'string' && { name: given.name }),
      ...(given.push_notification !== undefined && { push_notification: notificationOf({ ...current.push_notification, ...(isPlainObject(given.push_notification) ? given.push_notification : {}) }) }),
      ...(recurrence !== undefined && { recurrence }),
    }
    if (!isAbsent(params.where)) {
      // A new `where` replaces the stored one; `{}` removes it.
      const { where: _old, ...rest } = next
      next = { ...rest, ...this.whereOf(params, caller) }
    }
    this.schedules.replace(current, next)
    await this.context.dataSet.write()
    return { response: { push_schedules: [toWirePushSchedule(next)] } }
  }

  /**
   * push_schedules/delete (admins): removes the schedules `ids` names (a JSON array, a comma list
   * or one id). Meta only.
   *
   * @throws ApiError 403 as create; 400 `Required field: ids`, `Invalid push_schedule id` when any id is unknown (nothing deleted).
   */
  async delete(params: Params, caller: Caller): Promise<CallResult> {
    adminOnly(caller)
    const ids = idListParam(params, 'ids')
    if (ids === undefined || ids.length === 0) throw requiredField('ids')
    const found = ids.map((id) => this.schedules.byId(id.toLowerCase()))
    if (found.some((schedule) => schedule === undefined)) throw invalidScheduleId()
    this.schedules.remove(new Set(found.map((schedule) => schedule!.id)))
    await this.context.dataSet.write()
    return {}
  }

  /**
   * The `where` parameter beside `schedule` (docs/push-schedules.md "Endpoints"): `{"user": <users
   * query>}` and/or `{"loc": <geo query>}` as notify takes it, checked now (its users are found
   * again each time it fires); `{}` or absent: none.
   *
   * @throws ApiError 400 `Invalid where parameter: ...`.
   */
  private whereOf(params: Params, caller: Caller): { where?: Record<string, unknown> } {
    if (isAbsent(params.where)) return {}
    const raw = isPlainObject(params.where) ? params.where : jsonParam('where', params.where)
    if (isPlainObject(raw) && Object.keys(raw).length === 0) return {}
    return { where: this.pushes.whereFilter(raw, caller).raw }
  }

  /**
   * Sends every occurrence the server clock has passed (docs/push-schedules.md "Firing"), oldest
   * first, each once, through the PushNotifications service into the push outbox; moves each
   * schedule's `next_time` on (daily: 1 day, weekly: 7 days, monthly: 1 calendar month, until
   * `recurrence.end_time`). In memory only: the caller persists the store.
   *
   * @returns whether anything changed.
   */
  fireDue(): boolean {
    const now = this.context.dataSet.runtime.now().getTime()
    const due = this.schedules.scan((schedule) => schedule.next_time !== undefined && Date.parse(schedule.next_time) <= now)
    for (const schedule of due) {
      let next: string | undefined = schedule.next_time
      for (let sent = 0; next !== undefined && Date.parse(next) <= now && sent < MAX_OCCURRENCES; sent++) {
        this.pushes.sendScheduled(schedule.push_notification, schedule.user_id, { push_schedule_id: schedule.id, scheduled_at: next }, schedule.where)
        next = following(schedule, next)
      }
      const { next_time: _sent, ...rest } = schedule
      this.schedules.replace(schedule, next === undefined ? rest : { ...rest, next_time: next })
    }
    return due.length > 0
  }
}

/** The occurrence after `at`, or undefined past `recurrence.end_time` (or without recurrence). */
function following(schedule: PushScheduleRecord, at: string): string | undefined {
  const recurrence = schedule.recurrence
  if (recurrence === undefined) return undefined
  const date = new Date(at)
  if (recurrence.interval === 'daily') date.setUTCDate(date.getUTCDate() + 1)
  else if (recurrence.interval === 'weekly') date.setUTCDate(date.getUTCDate() + 7)
  else date.setUTCMonth(date.getUTCMonth() + 1)
  return date.getTime() <= Date.parse(recurrence.end_time) ? date.toISOString() : undefined
}


const invalidScheduleId = (): ApiError => new ApiError(400, 'Invalid push_schedule id')
const invalidEndTime = (): ApiError => new ApiError(400, 'Invalid recurrence end_time')

/** The `schedule` parameter: a JSON object (as text, or as sent in a JSON body). @throws ApiError 400 `Required field: schedule`, `Invalid schedule parameter`. */
function scheduleParam(params: Params): Record<string, unknown> {
  if (isAbsent(params.schedule)) throw requiredField('schedule')
  const value = isPlainObject(params.schedule) ? params.schedule : jsonParam('schedule', params.schedule)
  if (!isPlainObject(value)) throw new ApiError(400, 'Invalid schedule parameter: expected a JSON object')
  return value
}

/** An ISO 8601 date (`2015-09-05T10:11`, seconds and zone optional, UTC when zoneless) as ISO UTC. @throws ApiError 400 `Invalid date: <v>`. */
function dateOf(raw: unknown): string {
  const date = typeof raw === 'string' ? parseIsoDate(raw) : undefined
  if (date === undefined || Number.isNaN(date.getTime())) throw new ApiError(400, `Invalid date: ${typeof raw === 'string' ? raw : JSON.stringify(raw)}`)
  return date.toISOString()
}

/** `recurrence`: `interval` and an `end_time` after `start`. @throws ApiError 400 `Invalid recurrence interval: <v>`, `Invalid recurrence end_time`, `Invalid date: <v>`. */
function recurrenceOf(raw: unknown, start: string): { interval: Interval; end_time: string } {
  const given = isPlainObject(raw) ? raw : {}
  const interval = given.interval
  if (!INTERVALS.includes(interval as Interval)) throw new ApiError(400, `Invalid recurrence interval: ${typeof interval === 'string' ? interval : JSON.stringify(interval)}`)
  if (isAbsent(given.end_time)) throw invalidEndTime()
  const end_time = dateOf(given.end_time)
  if (end_time <= start) throw invalidEndTime()
  return { interval: interval as Interval, end_time }
}

/** `push_notification`: `channel`, `payload` (as notify takes it), `to_ids`, `options`. @throws ApiError 400 `Required field: channel` / `payload`, `Invalid channel name: <v>`. */
function notificationOf(raw: unknown): PushScheduleRecord['push_notification'] {
  if (!isPlainObject(raw)) throw requiredField('push_notification')
  const channel = typeof raw.channel === 'string' ? raw.channel.trim() : undefined
  if (channel === undefined || channel === '') throw requiredField('channel')
  if (channel.startsWith('#') || channel.includes(',')) throw new ApiError(400, `Invalid channel name: ${channel}`)
  if (isAbsent(raw.payload)) throw requiredField('payload')
  const payload: Payload = isPlainObject(raw.payload) ? raw.payload : parsePayload(String(raw.payload))
  const to_ids = raw.to_ids === undefined ? undefined : idListParam({ to_ids: raw.to_ids } as Params, 'to_ids')
  if (raw.options !== undefined && !isPlainObject(raw.options)) throw invalidParameter('options', 'expected a JSON object')
  return { channel, payload, ...(to_ids !== undefined && { to_ids }), ...(isPlainObject(raw.options) && { options: raw.options }) }
}
