import type { EventRecord, Recurrence } from './record.js'

/** One instance of an event: its start and end, ISO 8601 UTC, and its index among the event's. */
export interface Occurrence {
  readonly index: number
  readonly start_time: string
  readonly end_time: string
}

/** The most occurrences an event has (docs/events.md "Recurrence"); more are not made, without an error. */
export const MAX_OCCURRENCES = 1000

/** Periods tried at most while looking for instances (a monthly event on the 31st skips months). */
const MAX_STEPS = MAX_OCCURRENCES * 12

/** The `k`-th step after `start` (k periods later, same wall-clock time, UTC), or undefined when that day does not exist (31 April, 29 February). */
function step(start: Date, recurring: Recurrence, k: number): Date | undefined {
  if (recurring === 'daily' || recurring === 'weekly') return new Date(start.getTime() + k * (recurring === 'daily' ? 1 : 7) * 86_400_000)
  const months = recurring === 'monthly' ? k : 12 * k
  const at = new Date(start)
  at.setUTCDate(1)
  at.setUTCMonth(start.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate()
  if (start.getUTCDate() > lastDay) return undefined
  at.setUTCDate(start.getUTCDate())
  return at
}

/**
 * The occurrences of an event, worked out from its fields (docs/events.md "Recurrence"): one at
 * `start_time` when it does not recur; else one each day, week, month or year from `start_time`
 * (same time of day, UTC), `recurring_count` in all and none after `recurring_until`, whichever comes
 * first, at most {@link MAX_OCCURRENCES}; a monthly or yearly day a month lacks is skipped (RFC 5545).
 * Each ends `duration` seconds after it starts (at its start without a duration).
 */
export function occurrencesOf(event: Pick<EventRecord, 'start_time' | 'duration' | 'recurring' | 'recurring_count' | 'recurring_until'>): Occurrence[] {
  const start = new Date(event.start_time)
  const length = (event.duration ?? 0) * 1000
  const until = event.recurring_until === undefined ? Infinity : Date.parse(event.recurring_until)
  const wanted = Math.min(event.recurring === undefined ? 1 : (event.recurring_count ?? MAX_OCCURRENCES), MAX_OCCURRENCES)
  const found: Occurrence[] = []
  for (let k = 0; k < MAX_STEPS && found.length < wanted; k++) {
    const at = event.recurring === undefined ? start : step(start, event.recurring, k)
    if (at === undefined) continue
    if (at.getTime() > until) break
    found.push({ index: found.length, start_time: at.toISOString(), end_time: new Date(at.getTime() + length).toISOString() })
    if (event.recurring === undefined) break
  }
  return found
}

/** `20141105T205950Z`: an instant as iCalendar writes it. */
const icalDate = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '')

/**
 * The event's time and recurrence in iCalendar (RFC 5545) form, as `ical` shows it
 * (docs/events.md "The event"): `DTSTART:<start>`, then when recurring
 * `\nRRULE:FREQ=<DAILY…>;COUNT=<n>;UNTIL=<until>` (the parts given), then with a duration
 * `\nDURATION:PT<seconds>S`.
 *
 * @example
 * ical({ start_time: '2014-11-05T20:59:50.000Z', recurring: 'weekly', recurring_count: 5 })
 * // 'DTSTART:20141105T205950Z\nRRULE:FREQ=WEEKLY;COUNT=5'
 */
export function ical(event: Pick<EventRecord, 'start_time' | 'duration' | 'recurring' | 'recurring_count' | 'recurring_until'>): string {
  const lines = [`DTSTART:${icalDate(event.start_time)}`]
  if (event.recurring !== undefined) {
    const parts = [`FREQ=${event.recurring.toUpperCase()}`]
    if (event.recurring_count !== undefined) parts.push(`COUNT=${event.recurring_count}`)
    if (event.recurring_until !== undefined) parts.push(`UNTIL=${icalDate(event.recurring_until)}`)
    lines.push(`RRULE:${parts.join(';')}`)
  }
  if (event.duration !== undefined) lines.push(`DURATION:PT${event.duration}S`)
  return lines.join('\n')
}
