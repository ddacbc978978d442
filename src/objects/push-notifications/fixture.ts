import type { FixturePart } from '../../engine/fixture-part.js'
import { asField, fixtureEntries, fixtureIdAndDate, fixtureText } from '../../engine/fixture-fields.js'
import { FixtureError } from '../../fixtures.js'
import { SUBSCRIPTIONS, type DeviceType, type SubscriptionRecord } from './record.js'
import { channelList, deviceType } from './service.js'

/**
 * One device's subscription as a fixture writes it (docs/fixtures.md "Push subscriptions"): its
 * `device_token`, `type`, `channel`s and, for a session subscription, its `user` (a username of
 * the same baseline; without it, a token subscription).
 *
 * @example
 * const phone: FixtureSubscription = { device_token: 'aaaa', type: 'ios', channel: ['news', 'sports'], user: 'alice' }
 */
export interface FixtureSubscription {
  device_token: string
  /** `ios`, `android` or `gcm` (stored as `android`), any case. */
  type: string
  /** A name, a comma list or a list of names. */
  channel: string | string[]
  user?: string
  /** The device's stored badge; default 0. */
  badge_number?: number
  /** `[longitude, latitude]`, as subscription/update stores it. */
  loc?: [number, number]
  /** 24 hex characters; default a new id. */
  id?: string
  /** ISO 8601; default the load time. */
  created_at?: string
}

const FIELDS = ['device_token', 'type', 'channel', 'user', 'badge_number', 'loc', 'id', 'created_at']

/** Checks one list of `push_subscriptions` entries; a device token once per list. */
function parseEntries(value: unknown, source: string, list: string): FixtureSubscription[] {
  const tokens = new Set<string>()
  return fixtureEntries(value, source, list, FIELDS, 'push subscription', (raw, fail) => {
    const device_token = fixtureText(raw, 'device_token', fail)
    if (device_token === undefined) fail('device_token', 'is required: the device token, a non-empty string')
    if (tokens.has(device_token!)) fail('device_token', `${JSON.stringify(device_token)} is given twice: one subscription per device`)
    tokens.add(device_token!)
    if (raw.type === undefined) fail('type', 'is required: ios, android or gcm')
    const type: DeviceType = asField('type', fail, () => deviceType(raw.type))
    if (raw.channel === undefined) fail('channel', 'is required: a channel name or a list of them')
    const channel = asField('channel', fail, () => channelList({ channel: raw.channel as never }))
    const user = fixtureText(raw, 'user', fail)
    const { badge_number, loc } = raw
    if (badge_number !== undefined && !(Number.isInteger(badge_number) && (badge_number as number) >= 0)) fail('badge_number', 'must be a whole number, 0 or more')
    const isLoc = Array.isArray(loc) && loc.length === 2 && loc.every((n) => typeof n === 'number' && Number.isFinite(n))
    if (loc !== undefined && !isLoc) fail('loc', 'must be [longitude, latitude]')
    return {
      device_token: device_token!,
      type,
      channel,
      ...(user !== undefined && { user }),
      ...(badge_number !== undefined && { badge_number: badge_number as number }),
      ...(loc !== undefined && { loc: loc as [number, number] }),
      ...fixtureIdAndDate(raw, fail),
    }
  })
}

/**
 * The push subscriptions' part of a fixture file (docs/fixtures.md "Push subscriptions"):
 * `push_subscriptions` lists, each entry one subscribed device that pushes then reach.
 */
export const pushSubscriptionsFixture: FixturePart<FixtureSubscription[], typeof SUBSCRIPTIONS> = {
  key: SUBSCRIPTIONS,
  parse: parseEntries,
  records: async (entries, context) => {
    const records = entries.map((entry, index): SubscriptionRecord => {
      const created = entry.created_at === undefined ? context.runtime.now() : new Date(entry.created_at)
      return {
        id: entry.id ?? context.runtime.objectId(created),
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
        device_token: entry.device_token,
        type: entry.type as DeviceType,
        channel: [...entry.channel],
        badge_number: entry.badge_number ?? 0,
        ...(entry.user !== undefined && { user_id: context.userId(entry.user, index, 'user') }),
        ...(entry.loc !== undefined && { loc: entry.loc }),
      }
    })
    return { [SUBSCRIPTIONS]: records }
  },
  checkClashes: (records, stored, source) => {
    const taken = new Set((stored as SubscriptionRecord[]).map((record) => record.device_token))
    ;(records as SubscriptionRecord[]).forEach((record, index) => {
      if (taken.has(record.device_token)) throw new FixtureError(source, index, 'device_token', `${JSON.stringify(record.device_token)} is already subscribed`, SUBSCRIPTIONS)
    })
  },
}
