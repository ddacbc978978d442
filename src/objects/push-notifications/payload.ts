import { isPlainObject } from '../../json.js'
import type { DeviceType } from './record.js'

/** A push's payload as sent: the alert text, or a JSON object (docs/push-notifications.md "Payload"). */
export type Payload = string | Record<string, unknown>

/** The payload fields that go inside `aps` for iOS. */
const APS = new Set(['alert', 'badge', 'sound', 'category', 'content-available'])
/** The payload fields that go inside `android` for Android. */
const ANDROID = new Set(['alert', 'title', 'icon', 'badge', 'sound', 'vibrate'])

/** The `payload` parameter: a value that parses as a JSON object is that object, anything else is the alert text. */
export function parsePayload(raw: string): Payload {
  try {
    const value: unknown = JSON.parse(raw)
    if (isPlainObject(value)) return value
  } catch {
    // Not JSON: the alert text.
  }
  return raw
}

/**
 * A device's badge after the push: the payload's number, or its `"+N"` / `"-N"` added to the
 * stored badge (floor 0); the stored badge when the payload has none or an unreadable one.
 */
export function resolveBadge(payload: Payload, stored: number): number {
  const badge = typeof payload === 'string' ? undefined : payload.badge
  if (typeof badge === 'number' && Number.isInteger(badge)) return Math.max(0, badge)
  if (typeof badge !== 'string') return stored
  const match = /^([+-]?)(\d+)$/.exec(badge.trim())
  if (match === null) return stored
  const n = Number(match[2])
  return match[1] === '' ? n : Math.max(0, stored + (match[1] === '+' ? n : -n))
}

/**
 * The JSON a device of `type` would receive (docs/push-notifications.md "Payload"): iOS gets
 * `alert`, `badge`, `sound`, `category` and `content-available` inside `aps`, Android `alert`,
 * `title`, `icon`, `badge`, `sound` and `vibrate` inside `android`; other fields stay at the top.
 * A payload with a badge carries the device's resolved `badge` number.
 */
export function deliveredPayload(type: DeviceType, payload: Payload, badge: number): Record<string, unknown> {
  const fields: Record<string, unknown> = typeof payload === 'string' ? { alert: payload } : { ...payload }
  if (Object.hasOwn(fields, 'badge')) fields.badge = badge
  const inner = type === 'ios' ? APS : ANDROID
  const wrapped: Record<string, unknown> = {}
  const top: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) (inner.has(name) ? wrapped : top)[name] = value
  return { [type === 'ios' ? 'aps' : 'android']: wrapped, ...top }
}
