import type { CallResult, Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QueryDoc } from '../../engine/query-run.js'
import { actingUser, userNamed } from '../../engine/su-id.js'
import { idListParam } from '../../engine/id-list.js'
import { ApiError, failedToAuthenticate, invalidParameter, notAuthorized, requiredField } from '../../errors.js'
import { isPlainObject } from '../../json.js'
import { isAbsent, jsonParam, parseBoolean, textParam, trimmed, type Params } from '../../param-values.js'
import { recordPush, type PushDelivery, type PushRecord } from '../../push-outbox.js'
import { parseSearchPaging } from '../../query/paging.js'
import { compileWhere } from '../../query/where.js'
import { Collection } from '../../store/collection.js'
import { PUSH_LOGS, PUSH_LOG_DETAILS, type PushLogDetailRecord, type PushLogRecord } from '../logs/record.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { pushErrors } from './errors.js'
import { deliveredPayload, parsePayload, resolveBadge, type Payload } from './payload.js'
import { SUBSCRIPTIONS, subscriptionKeys, type DeviceType, type SubscriptionRecord } from './record.js'
import { subscriptionQueryDoc, toWireSubscription } from './view.js'

/** The most users `to_ids` or a `where.user` may reach in one push. */
const MAX_USERS = 1000

/**
 * The rules of the PushNotifications object (docs/push-notifications.md), one method per
 * endpoint, free of HTTP: subscriptions per device token with a channel list and a stored badge,
 * and sends recorded in the push outbox (and the push logs) instead of delivered. Every write is
 * stored before the method returns. Every method first refuses an app whose `pushConfigured`
 * setting is false.
 */
export class PushNotificationsService {
  private readonly subs: Collection<SubscriptionRecord>
  private readonly users: UsersService

  constructor(private readonly context: ServiceContext) {
    this.subs = new Collection(context.dataSet, SUBSCRIPTIONS, subscriptionKeys)
    this.users = context.service(users)
  }

  /**
   * push_notification/subscribe (login): the device `device_token` of `type` joins `channel` for
   * the caller (or `su_id`'s user, admins); a device subscribed before moves to that user and keeps its channels.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: <name>`, `Invalid channel name: <name>`,
   *   `Invalid push type: <value>`; the `su_id` refusals.
   */
  async subscribe(params: Params, caller: Caller): Promise<CallResult> {
    this.configured()
    const user = actingUser(params, caller, (id) => this.users.userById(id))
    await this.upsert(params, user.id)
    return {}
  }

  /**
   * push_notification/subscribe_token (no login): as subscribe, with no user; a session
   * subscription of the token keeps its user.
   */
  async subscribeToken(params: Params): Promise<CallResult> {
    this.configured()
    await this.upsert(params, undefined)
    return {}
  }

  /**
   * push_notification/unsubscribe (login): the caller's device (another user's with `user_id`,
   * admins) leaves `channel`, or every channel without it; a device left with none is removed.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: device_token`, `Subscription not found`; 403 for `user_id` of someone else.
   */
  async unsubscribe(params: Params, caller: Caller): Promise<CallResult> {
    this.configured()
    if (caller.user === undefined) throw failedToAuthenticate()
    const owner = isAbsent(params.user_id) ? caller.user : userNamed(params.user_id, caller.user, (id) => this.users.userById(id))
    const sub = this.device(params)
    if (sub.user_id !== owner.id) throw pushErrors.notFound()
    await this.leave(sub, params)
    return {}
  }

  /** push_notification/unsubscribe_token (no login): as unsubscribe, for any subscription of the token. */
  async unsubscribeToken(params: Params): Promise<CallResult> {
    this.configured()
    await this.leave(this.device(params), params)
    return {}
  }

  /**
   * push_notification/subscription/update: stores `loc` (`[longitude, latitude]`) on the device's
   * subscription. A token subscription needs no login; a session one only its owner or an admin.
   *
   * @throws ApiError 400 `Required field: device_token`, `Subscription not found`, `Invalid loc parameter: ...`; 403.
   */
  async updateSubscription(params: Params, caller: Caller): Promise<CallResult> {
    this.configured()
    const sub = this.device(params)
    if (sub.user_id !== undefined && caller.user?.id !== sub.user_id && caller.user?.admin !== true) throw notAuthorized()
    const loc = isAbsent(params.loc) ? undefined : jsonParam('loc', params.loc)
    if (loc !== undefined && !(Array.isArray(loc) && loc.length === 2 && loc.every((n) => typeof n === 'number' && Number.isFinite(n)))) {
      throw new ApiError(400, 'Invalid loc parameter: expected [longitude, latitude]')
    }
    this.subs.replace(sub, { ...sub, ...(loc !== undefined && { loc: loc as [number, number] }), updated_at: this.now().toISOString() })
    await this.context.dataSet.write()
    return {}
  }

  /**
   * push_notification/notify (login): `payload` to the devices on `channel` of the users `to_ids`
   * names (`everyone`: every device, admins), of the caller's friends (`friends`, docs/friends.md:
   * in `one-way` mode the users they follow), of the users `where.user` matches or of the
   * devices `where.loc` finds (admins alone without to_ids); recorded, not delivered.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: channel` / `payload`,
   *   `Specify one of to_ids, friends or where.`, `Subscription not found`; 403 for `everyone` or a
   *   location-only `where` by a non-admin.
   */
  async notify(params: Params, caller: Caller): Promise<CallResult> {
    this.configured()
    const sender = caller.user
    if (sender === undefined) throw failedToAuthenticate()
    const channels = channelList(params)
    const payload = payloadParam(params)
    const given = (['to_ids', 'friends', 'where'] as const).filter((name) => !isAbsent(params[name]))
    if (given.length !== 1) throw new ApiError(400, 'Specify one of to_ids, friends or where.')
    let target: Record<string, unknown>
    let accept: (sub: SubscriptionRecord) => boolean
    if (given[0] === 'to_ids') {
      if (trimmed(textParam(params, 'to_ids')) === 'everyone') {
        if (!sender.admin) throw notAuthorized()
        target = { everyone: true }
        accept = () => true
      } else {
        const ids = idListParam(params, 'to_ids') ?? []
        if (ids.length > MAX_USERS) throw new ApiError(400, `Invalid to_ids parameter: at most ${MAX_USERS} user ids`)
        const wanted = new Set(ids)
        target = { to_ids: ids }
        accept = (sub) => sub.user_id !== undefined && wanted.has(sub.user_id)
      }
    } else if (given[0] === 'friends') {
      // The caller's friend list as friends/query gives it (docs/push-notifications.md "Sending").
      const friendIds = new Set(this.context.friendsOf(sender.id))
      target = { friends: true }
      accept = (sub) => sub.user_id !== undefined && friendIds.has(sub.user_id)
    } else {
      const where = this.whereParam(params, caller)
      if (where.userIds === undefined && !sender.admin) throw notAuthorized()
      target = { where: where.raw }
      accept = where.accept
    }
    const push = await this.send('notify', channels, payload, target, accept, params, sender)
    return { response: { push_notification: { id: push.id, payload: params.payload, channel: channels.join(',') } } }
  }

  /**
   * push_notification/notify_tokens (no login): `payload` to the devices `to_tokens` lists that are
   * on `channel` (`everyone`: every device on it, admins), narrowed by a `where.user`. Meta only.
   *
   * @throws ApiError 400 `Required field: channel` / `to_tokens` / `payload`, `Subscription not found`; 403 for `everyone` by a non-admin.
   */
  async notifyTokens(params: Params, caller: Caller): Promise<CallResult> {
    this.configured()
    const channels = channelList(params)
    const tokensText = trimmed(textParam(params, 'to_tokens'))
    if (isAbsent(params.to_tokens)) throw requiredField('to_tokens')
    const payload = payloadParam(params)
    let target: Record<string, unknown>
    let accept: (sub: SubscriptionRecord) => boolean
    if (tokensText === 'everyone') {
      if (caller.user?.admin !== true) throw notAuthorized()
      target = { everyone: true }
      accept = () => true
    } else {
      const tokens = listParam(params.to_tokens, 'to_tokens')
      const wanted = new Set(tokens)
      target = { to_tokens: tokens }
      accept = (sub) => wanted.has(sub.device_token)
    }
    if (!isAbsent(params.where)) {
      const where = this.whereParam(params, caller)
      if (where.userIds === undefined) throw new ApiError(400, 'Invalid where parameter: a location query may not be combined with to_tokens')
      const byToken = accept
      accept = (sub) => byToken(sub) && where.accept(sub)
      target = { ...target, where: where.raw }
    }
    await this.send('notify_tokens', channels, payload, target, accept, params, caller.user)
    return {}
  }

  /**
   * push_notification/query (login): the caller's subscriptions; an admin's are everyone's (token
   * subscriptions too) or those of `su_id`/`user_id`; filtered by `channel`, `device_token`, `type`;
   * paged as any query, with `page`, `per_page`, `total_pages`, `total_results` in meta.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 403 for another user's id by a non-admin.
   */
  query(params: Params, caller: Caller): CallResult {
    this.configured()
    const user = caller.user
    if (user === undefined) throw failedToAuthenticate()
    const named = ['su_id', 'user_id'].find((name) => !isAbsent(params[name]))
    const owner = named !== undefined ? userNamed(params[named], user, (id) => this.users.userById(id)).id : user.admin ? undefined : user.id
    const channel = trimmed(textParam(params, 'channel'))
    const token = trimmed(textParam(params, 'device_token'))
    const type = isAbsent(params.type) ? undefined : deviceType(params.type)
    const readable = (sub: SubscriptionRecord) =>
      (owner === undefined || sub.user_id === owner) &&
      (channel === undefined || sub.channel.includes(channel)) &&
      (token === undefined || sub.device_token === token) &&
      (type === undefined || sub.type === type)
    const page = runQuery(params, { collection: this.subs, toQueryDoc: subscriptionQueryDoc, whereLimits: this.context.server.whereLimits, readable, legacyPaging: () => true })
    return { response: { subscriptions: page.records.map((sub) => page.select(toWireSubscription(sub))) }, meta: page.meta }
  }

  /**
   * push_notification/channels/query (login): the names of the channels the caller's devices are
   * on (an admin: every channel with a device, or `user_id`'s), sorted, paged by `page` and
   * `per_page` (default 10); `count=true` adds `meta.count`.
   */
  queryChannels(params: Params, caller: Caller): CallResult {
    this.configured()
    const user = caller.user
    if (user === undefined) throw failedToAuthenticate()
    const owner = !isAbsent(params.user_id) ? userNamed(params.user_id, user, (id) => this.users.userById(id)).id : user.admin ? undefined : user.id
    const names = [...new Set(this.subs.all().filter((sub) => owner === undefined || sub.user_id === owner).flatMap((sub) => sub.channel))].sort()
    const { page, per_page } = parseSearchPaging({ page: params.page, per_page: isAbsent(params.per_page) ? '10' : params.per_page })
    const total_pages = Math.ceil(names.length / per_page)
    return {
      response: { push_channels: names.slice((page - 1) * per_page, page * per_page) },
      meta: { page, per_page, total_pages, total_results: names.length, ...(parseBoolean(params.count) && { count: names.length }) },
    }
  }

  /**
   * push_notification/channels/show (admins): how many devices are on channel `name`, by platform.
   *
   * @throws ApiError 403 for anyone but an admin; 400 `Required field: name`.
   */
  showChannels(params: Params, caller: Caller): CallResult {
    this.configured()
    if (caller.user?.admin !== true) throw notAuthorized()
    const name = trimmed(textParam(params, 'name'))
    if (name === undefined) throw requiredField('name')
    const devices = { ios: 0, android: 0 }
    for (const sub of this.subs.all()) if (sub.channel.includes(name)) devices[sub.type] += 1
    return { response: { devices } }
  }

  /** push_notification/count (no login): the number of subscribed devices in `meta.count`. */
  count(): CallResult {
    this.configured()
    return { meta: { count: this.subs.size } }
  }

  /**
   * push_notification/set_badge (no login): the device's stored badge becomes `badge_number`, or
   * changes by `+N`/`-N` (floor 0); an admin without `device_token` sets every device's.
   *
   * @throws ApiError 400 `Required field: device_token` / `badge_number`, `Invalid badge_number parameter: ...`, `Subscription not found`.
   */
  async setBadge(params: Params, caller: Caller): Promise<CallResult> {
    this.configured()
    const raw = trimmed(textParam(params, 'badge_number'))
    if (raw === undefined) throw requiredField('badge_number')
    if (!/^[+-]?\d+$/.test(raw)) throw new ApiError(400, `Invalid badge_number parameter: ${raw}`)
    await this.badges(params, caller, (stored) => resolveBadge({ badge: /^[+-]/.test(raw) ? raw : Number(raw) }, stored))
    return {}
  }

  /**
   * push_notification/reset_badge: PUT sets the device's stored badge to 0 (an admin without
   * `device_token`: every device's); GET (admins) every device's.
   *
   * @throws ApiError 400 `Required field: device_token`, `Subscription not found`; 403 for GET by a non-admin.
   */
  async resetBadge(params: Params, caller: Caller, all: boolean): Promise<CallResult> {
    this.configured()
    if (all && caller.user?.admin !== true) throw notAuthorized()
    await this.badges(all ? {} : params, caller, () => 0)
    return {}
  }

  /** Gives each of `subs` the badge `badge` makes of its stored one, and stores them. */
  private async changeBadges(subs: readonly SubscriptionRecord[], badge: (stored: number) => number): Promise<void> {
    const at = this.now().toISOString()
    for (const sub of subs) this.subs.replace(sub, { ...sub, badge_number: badge(sub.badge_number), updated_at: at })
    await this.context.dataSet.write()
  }

  /** The devices a badge call changes: `device_token`'s, or every device for an admin without it. */
  private async badges(params: Params, caller: Caller, badge: (stored: number) => number): Promise<void> {
    if (isAbsent(params.device_token) && caller.user?.admin === true) return this.changeBadges(this.subs.all(), badge)
    return this.changeBadges([this.device(params)], badge)
  }

  /** @throws ApiError 400 `App is not configured for Push Notification` while `pushConfigured` is false. */
  private configured(): void {
    if (!this.context.settings().pushConfigured) throw pushErrors.notConfigured()
  }

  /** The subscription of `device_token`. @throws ApiError 400 `Required field: device_token`, `Subscription not found`. */
  private device(params: Params): SubscriptionRecord {
    const token = trimmed(textParam(params, 'device_token'))
    if (token === undefined) throw requiredField('device_token')
    const sub = this.subs.by('device_token', token)
    if (sub === undefined) throw pushErrors.notFound()
    return sub
  }

  /** Subscribes `device_token` to `channel` (merged with its channels), for `userId` or keeping its user. */
  private async upsert(params: Params, userId: string | undefined): Promise<void> {
    const channels = channelList(params)
    const token = trimmed(textParam(params, 'device_token'))
    if (token === undefined) throw requiredField('device_token')
    const current = this.subs.by('device_token', token)
    const type = isAbsent(params.type) ? current?.type : deviceType(params.type)
    if (type === undefined) throw requiredField('type')
    const now = this.now()
    const at = now.toISOString()
    if (current === undefined) {
      const owner = userId === undefined ? {} : { user_id: userId }
      this.subs.insert({ id: this.context.dataSet.runtime.objectId(now), created_at: at, updated_at: at, device_token: token, type, channel: channels, badge_number: 0, ...owner })
    } else {
      const user_id = userId ?? current.user_id
      const { user_id: _old, ...rest } = current
      this.subs.replace(current, { ...rest, type, channel: [...new Set([...current.channel, ...channels])], updated_at: at, ...(user_id !== undefined && { user_id }) })
    }
    await this.context.dataSet.write()
  }

  /** Takes `channel` (or every channel) off a device; a device left with none is removed. */
  private async leave(sub: SubscriptionRecord, params: Params): Promise<void> {
    const leaving = isAbsent(params.channel) ? undefined : new Set(channelList(params))
    const left = leaving === undefined ? [] : sub.channel.filter((name) => !leaving.has(name))
    if (left.length === 0) this.subs.remove(new Set([sub.id]))
    else this.subs.replace(sub, { ...sub, channel: left, updated_at: this.now().toISOString() })
    await this.context.dataSet.write()
  }

  /**
   * A notify's `where`: `{"user": <users query>}` (at most 1000 users), `{"loc": <geo query on the
   * subscription's loc>}` or both (AND). `userIds` is undefined for a location-only query.
   */
  private whereParam(params: Params, caller: Caller): { raw: Record<string, unknown>; userIds: Set<string> | undefined; accept: (sub: SubscriptionRecord) => boolean } {
    return this.whereFilter(jsonParam('where', params.where), caller)
  }

  /**
   * The devices a `where` picks (docs/push-notifications.md "Sending"), its users found now, as
   * `caller` may see them: a notify's, or a push schedule's when it fires
   * (docs/push-schedules.md "Firing").
   *
   * @throws ApiError 400 `Invalid where parameter: ...` for anything but `{"user": {...}}` and/or
   *   `{"loc": {...}}`, or a query that does not compile.
   */
  whereFilter(raw: unknown, caller: Caller): { raw: Record<string, unknown>; userIds: Set<string> | undefined; accept: (sub: SubscriptionRecord) => boolean } {
    if (!isPlainObject(raw) || Object.keys(raw).some((key) => key !== 'user' && key !== 'loc') || Object.keys(raw).length === 0) {
      throw new ApiError(400, 'Invalid where parameter: expected {"user": {...}} and/or {"loc": {...}}')
    }
    let userIds: Set<string> | undefined
    if (raw.user !== undefined) {
      if (!isPlainObject(raw.user)) throw new ApiError(400, 'Invalid where parameter: user must be a users query')
      const found = this.users.query({ where: JSON.stringify(raw.user), limit: String(MAX_USERS) }, caller as Parameters<UsersService['query']>[1])
      userIds = new Set((found.users ?? []).map((user) => String((user as Record<string, unknown>).id)))
    }
    const near = raw.loc === undefined ? undefined : compileWhere(JSON.stringify({ loc: raw.loc }), this.context.server.whereLimits)
    return {
      raw,
      userIds,
      accept: (sub) => (userIds === undefined || (sub.user_id !== undefined && userIds.has(sub.user_id))) && (near === undefined || near(subscriptionQueryDoc(sub) as QueryDoc)),
    }
  }

  /**
   * Sends `payload` to the devices on `channels` that `accept` takes: each device's badge resolved
   * and stored, the push recorded in the push outbox with what each device gets, and in the push
   * logs; stored before it resolves.
   *
   * @throws ApiError 400 `Subscription not found` when no device is reached (nothing is recorded then).
   */
  private async send(
    kind: PushRecord['kind'],
    channels: string[],
    payload: Payload,
    target: Record<string, unknown>,
    accept: (sub: SubscriptionRecord) => boolean,
    params: Params,
    sender: Principal | undefined,
  ): Promise<PushRecord> {
    const options = isAbsent(params.options) ? undefined : jsonParam('options', params.options)
    if (options !== undefined && !isPlainObject(options)) throw invalidParameter('options', 'expected a JSON object')
    const push = this.deliver({ kind, channel: channels, payload, ...(options !== undefined && { options }), ...(sender !== undefined && { sender_user_id: sender.id }), target }, accept)
    if (push === undefined) throw pushErrors.notFound()
    await this.context.dataSet.write()
    return push
  }

  /**
   * A push schedule's occurrence (docs/push-schedules.md "Firing"), sent as a notify by its admin:
   * to the users of `to_ids`, or every device on `channel` without them, narrowed by the schedule's
   * `where` (its users found now). Recorded in memory only (the caller persists the store);
   * undefined when no device is subscribed (nothing recorded).
   *
   * @param occurrence - `push_schedule_id` and `scheduled_at` (ISO 8601 UTC) of the occurrence.
   * @param where - the schedule's `where`, checked when it was stored.
   */
  sendScheduled(
    notification: { channel: string; payload: Payload; to_ids?: string[]; options?: Record<string, unknown> },
    sender_user_id: string,
    occurrence: { push_schedule_id: string; scheduled_at: string },
    where?: Record<string, unknown>,
  ): PushRecord | undefined {
    const wanted = notification.to_ids === undefined ? undefined : new Set(notification.to_ids)
    const picked = where === undefined ? undefined : this.whereFilter(where, { user: { id: sender_user_id, admin: true } })
    const target = {
      ...(wanted === undefined ? (picked === undefined ? { everyone: true } : {}) : { to_ids: notification.to_ids }),
      ...(picked !== undefined && { where: picked.raw }),
    }
    return this.deliver(
      { kind: 'schedule', channel: [notification.channel], payload: notification.payload, ...(notification.options !== undefined && { options: notification.options }), sender_user_id, target, ...occurrence },
      (sub) => (wanted === undefined || (sub.user_id !== undefined && wanted.has(sub.user_id))) && (picked === undefined || picked.accept(sub)),
    )
  }

  /**
   * Records `push` (without its id, deliveries and time) for the devices on its channels that
   * `accept` takes, badges resolved and stored, in the outbox and the push logs; not persisted.
   * Undefined, with nothing recorded, when no device is reached.
   */
  private deliver(push: Omit<PushRecord, 'id' | 'deliveries' | 'created_at'>, accept: (sub: SubscriptionRecord) => boolean): PushRecord | undefined {
    const channels = push.channel
    const reached = this.subs.scan((sub) => sub.channel.some((name) => channels.includes(name)) && accept(sub))
    if (reached.length === 0) return undefined
    const now = this.now()
    const at = now.toISOString()
    const deliveries: PushDelivery[] = reached.map((sub) => {
      const badge = resolveBadge(push.payload, sub.badge_number)
      if (badge !== sub.badge_number) this.subs.replace(sub, { ...sub, badge_number: badge, updated_at: at })
      return {
        device_token: sub.device_token,
        type: sub.type,
        ...(sub.user_id !== undefined && { user_id: sub.user_id }),
        channel: sub.channel.filter((name) => channels.includes(name)),
        badge,
        delivered: deliveredPayload(sub.type, push.payload, badge),
      }
    })
    const record: PushRecord = { id: this.context.dataSet.runtime.objectId(now), ...push, deliveries, created_at: at }
    recordPush(this.context.dataSet, record)
    this.log(record)
    return record
  }

  /** Writes the push log and its detail Logs reads (docs/logs.md), under the push's id. */
  private log(push: PushRecord): void {
    const channel = push.channel.join(',')
    const userIds = [...new Set(push.deliveries.flatMap((d) => (d.user_id === undefined ? [] : [d.user_id])))]
    const log: PushLogRecord = {
      id: push.id,
      created_at: push.created_at,
      updated_at: push.created_at,
      channel,
      payload: typeof push.payload === 'string' ? push.payload : JSON.stringify(push.payload),
      ...(Array.isArray(push.target.to_ids) && { to_ids: userIds }),
    }
    const count = (type: DeviceType) => push.deliveries.filter((d) => d.type === type).length
    const detail: PushLogDetailRecord = {
      id: this.context.dataSet.runtime.objectId(new Date(push.created_at)),
      created_at: push.created_at,
      updated_at: push.created_at,
      push_id: push.id,
      channel,
      ios: count('ios'),
      android: count('android'),
      send_status: 1,
    }
    new Collection<PushLogRecord>(this.context.dataSet, PUSH_LOGS).insert(log)
    new Collection<PushLogDetailRecord>(this.context.dataSet, PUSH_LOG_DETAILS).insert(detail)
  }

  private now(): Date {
    return this.context.dataSet.runtime.now()
  }
}

/**
 * The `channel` parameter: a comma list or a JSON array of names.
 *
 * @throws ApiError 400 `Required field: channel`, `Invalid channel name: <name>` (empty, starting with `#`).
 */
export function channelList(params: Params): string[] {
  if (isAbsent(params.channel)) throw requiredField('channel')
  const names = listParam(params.channel, 'channel')
  if (names.length === 0) throw requiredField('channel')
  const bad = names.find((name) => name === '' || name.startsWith('#') || name.includes(','))
  if (bad !== undefined) throw new ApiError(400, `Invalid channel name: ${bad}`)
  return [...new Set(names)]
}

/** A list parameter: a JSON array (as text or as sent in a JSON body) or a comma list, items trimmed. */
function listParam(raw: unknown, name: string): string[] {
  const value: unknown = typeof raw === 'string' && raw.trim().startsWith('[') ? jsonParam(name, raw) : raw
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]
  if (!items.every((item) => typeof item === 'string')) throw new ApiError(400, `Invalid ${name} parameter: expected names`)
  return (items as string[]).map((item) => item.trim())
}

/** The `payload` parameter (docs/push-notifications.md "Payload"). @throws ApiError 400 `Required field: payload`, `Invalid payload`. */
function payloadParam(params: Params): Payload {
  const raw = params.payload
  if (isAbsent(raw)) throw requiredField('payload')
  if (isPlainObject(raw)) return raw
  if (typeof raw !== 'string') throw pushErrors.invalidPayload()
  return parsePayload(raw)
}

/** `ios`, `android` or `gcm` (stored as `android`), any case. @throws ApiError 400 `Invalid push type: <value>`. */
export function deviceType(raw: unknown): DeviceType {
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : ''
  if (text === 'ios') return 'ios'
  if (text === 'android' || text === 'gcm') return 'android'
  throw new ApiError(400, `Invalid push type: ${typeof raw === 'string' ? raw : JSON.stringify(raw)}`)
}
