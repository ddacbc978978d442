import type { FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { isPlainObject } from '../../json.js'
import { BROADCAST, PUSH_LOGS, PUSH_LOG_DETAILS, type PushLogDetailRecord, type PushLogRecord } from './record.js'

/** One checked `push_logs` entry of a fixture (docs/fixtures.md "Push logs"). */
export interface FixturePushLog {
  /** The channel(s) the push went to; default `#broadcast`. */
  channel?: string
  /** The payload as sent: text, or a JSON object (logged as its JSON text). */
  payload: string | Record<string, unknown>
  /** Usernames of the users it targeted (same baseline). */
  to?: string[]
  /** When it was sent, ISO 8601; default the fixture's load time. */
  created_at?: string
  /** Devices reached per platform; default none. */
  devices?: { ios?: number; android?: number }
  /** 0 sending, 1 success (default), 2 fail, 3 over due. */
  send_status?: 0 | 1 | 2 | 3
  error_message?: string
}

const FIELDS = new Set(['channel', 'payload', 'to', 'created_at', 'devices', 'send_status', 'error_message'])

/** Checks one list of `push_logs` entries. */
function parseEntries(value: unknown, source: string, list: string): FixturePushLog[] {
  if (!Array.isArray(value)) throw new FixtureError(source, undefined, list, 'must be a list', list)
  return value.map((entry: unknown, index) => {
    const fail = (field: string | undefined, problem: string) => new FixtureError(source, index, field, problem, list)
    if (!isPlainObject(entry)) throw fail(undefined, 'must be an object')
    const unknown = Object.keys(entry).find((field) => !FIELDS.has(field))
    if (unknown !== undefined) throw fail(unknown, `is not a push log field (${[...FIELDS].join(', ')})`)
    const { channel, payload, to, created_at, devices, send_status, error_message } = entry
    if (channel !== undefined && (typeof channel !== 'string' || channel === '')) throw fail('channel', 'must be a non-empty string')
    if (typeof payload !== 'string' && !isPlainObject(payload)) throw fail('payload', 'must be a string or an object')
    if (to !== undefined && !(Array.isArray(to) && to.every((name) => typeof name === 'string' && name !== ''))) throw fail('to', 'must be a list of usernames')
    if (created_at !== undefined && (typeof created_at !== 'string' || Number.isNaN(Date.parse(created_at)))) throw fail('created_at', 'must be an ISO 8601 date')
    const counts = isPlainObject(devices) ? devices : {}
    if (devices !== undefined && (!isPlainObject(devices) || Object.keys(devices).some((k) => k !== 'ios' && k !== 'android') || !Object.values(counts).every((n) => Number.isInteger(n) && (n as number) >= 0))) {
      throw fail('devices', 'must be { ios?: count, android?: count }')
    }
    if (send_status !== undefined && ![0, 1, 2, 3].includes(send_status as number)) throw fail('send_status', 'must be 0, 1, 2 or 3')
    if (error_message !== undefined && typeof error_message !== 'string') throw fail('error_message', 'must be a string')
    return entry as unknown as FixturePushLog
  })
}

/**
 * The push logs' part of a fixture file (docs/fixtures.md "Push logs"): `push_logs` lists, each
 * entry one push log and its detail, for tests of what reads the logs.
 */
export const pushLogsFixture: FixturePart<FixturePushLog[], typeof PUSH_LOGS> = {
  key: PUSH_LOGS,
  parse: parseEntries,
  records: async (entries, context) => {
    const logs: PushLogRecord[] = []
    const details: PushLogDetailRecord[] = []
    entries.forEach((entry, index) => {
      const when = entry.created_at === undefined ? context.runtime.now() : new Date(entry.created_at)
      const at = when.toISOString()
      const channel = entry.channel ?? BROADCAST
      const log: PushLogRecord = {
        id: context.runtime.objectId(when),
        created_at: at,
        updated_at: at,
        channel,
        payload: typeof entry.payload === 'string' ? entry.payload : JSON.stringify(entry.payload),
        ...(entry.to !== undefined && { to_ids: entry.to.map((name) => context.userId(name, index, 'to')) }),
      }
      logs.push(log)
      details.push({
        id: context.runtime.objectId(when),
        created_at: at,
        updated_at: at,
        push_id: log.id,
        channel,
        ios: entry.devices?.ios ?? 0,
        android: entry.devices?.android ?? 0,
        send_status: entry.send_status ?? 1,
        ...(entry.error_message !== undefined && { error_message: entry.error_message }),
      })
    })
    return { [PUSH_LOGS]: logs, [PUSH_LOG_DETAILS]: details }
  },
}
