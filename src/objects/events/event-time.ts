import { ApiError } from '../../errors.js'
import { parseIsoDate } from '../../query/date-value.js'

/** 400 for an event time that cannot be read (sic: "calender", two spaces; docs/events.md "Errors"). */
export const invalidSchedule = (problem: string): ApiError => new ApiError(400, `Invalid calender schedule  ${problem}`)

// RFC 2822: `Wed, 05 Nov 2014 20:59:50 +0000` (the weekday optional).
const RFC_2822 = /^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UT|Z)$/
// The loose month the real service took: `2014-011-05T…` (three digits, a leading zero).
const LOOSE_MONTH = /^(\d{4})-0(\d{2})-/

/**
 * Reads an event time as the clients send it (docs/events.md "Times"): a JavaScript `Date` as
 * `JSON.stringify` gives it (one pair of surrounding `"` removed), ISO 8601 with or without
 * milliseconds and with `Z`, `±hh:mm` or `±hhmm` (UTC without a zone), `YYYY-MM-DD hh:mm:ss ±zzzz`,
 * RFC 2822, and the loose three-digit month `2014-011-05T…`. A time of day is required.
 *
 * @returns the instant as ISO 8601 UTC.
 * @throws ApiError 400 `Invalid calender schedule  invalid date` for anything else (`2011`, `2011-05-01`).
 * @example
 * eventTime('"2014-11-05T20:59:50.123Z"') // '2014-11-05T20:59:50.123Z'
 */
export function eventTime(text: string): string {
  const unquoted = text.trim().replace(/^"(.*)"$/, '$1').trim()
  const normal = unquoted.replace(LOOSE_MONTH, '$1-$2-')
  const date = /\d:\d\d/.test(normal) ? (parseIsoDate(normal) ?? (RFC_2822.test(normal) ? new Date(normal) : undefined)) : undefined
  if (date === undefined || Number.isNaN(date.getTime())) throw invalidSchedule('invalid date')
  return date.toISOString()
}
