// yyyy-mm-dd hh:mm:ss+zzzz, the space before the zone optional (spec §5.8).
const CUSTOM_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ?([+-])(\d{2})(\d{2})$/

/**
 * Reads a string in the custom-field date form of spec §5.8
 * (`2011-11-02 17:07:37 -0700`, `2020-01-01 03:30:00+0000`) as the instant
 * it names (spec §11 "dates in custom fields", "date values in where").
 * Other strings, and impossible dates such as month 13, are not dates.
 *
 * @returns the `Date`, or undefined when `text` is not in that form.
 * @example
 * parseCustomDate('2020-01-01 03:30:00+0100')?.toISOString() // '2020-01-01T02:30:00.000Z'
 */
export function parseCustomDate(text: string): Date | undefined {
  const match = CUSTOM_DATE.exec(text)
  if (!match) return undefined
  const [year, month, day, hour, minute, second, zoneHours, zoneMinutes] = [1, 2, 3, 4, 5, 6, 8, 9].map((i) =>
    Number(match[i]),
  ) as [number, number, number, number, number, number, number, number]
  const wallClock = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  // Date.UTC rolls 2020-02-31 over into March; the service would not call that a date.
  const rolledOver =
    wallClock.getUTCMonth() !== month - 1 || wallClock.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59
  if (rolledOver) return undefined
  const offsetMinutes = (match[7] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes)
  return new Date(wallClock.getTime() - offsetMinutes * 60_000)
}

// ISO 8601 date or date-time; the zone as Z, ±HH:MM or ±HHMM (the wire format, spec §4).
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/

/**
 * Reads an ISO 8601 date (`2024-03-01`, `2024-03-01T10:15:00Z`) or a wire-format
 * date (`2024-03-01T10:15:00+0000`) as the instant it names; a date-only string
 * is midnight UTC. Impossible days such as 2024-02-30 are not dates.
 *
 * @returns the `Date`, or undefined for anything else.
 * @example
 * parseIsoDate('2011-11-29T18:03:17+0000')?.toISOString() // '2011-11-29T18:03:17.000Z'
 */
export function parseIsoDate(text: string): Date | undefined {
  const match = ISO_DATE.exec(text)
  if (!match) return undefined
  const date = new Date(text)
  const [year, month, day] = [1, 2, 3].map((i) => Number(match[i]))
  const real = new Date(Date.UTC(year!, month! - 1, day!))
  if (Number.isNaN(date.getTime()) || real.getUTCMonth() !== month! - 1 || real.getUTCDate() !== day) return undefined
  return date
}
