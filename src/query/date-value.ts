/**
 * Reading dates sent as text. Two readers share one rule for turning
 * calendar fields into an instant, so "2020-02-31" or "24:00" is no date in either.
 */

// yyyy-mm-dd hh:mm:ss+zzzz, the space before the zone optional (docs/api.md "Custom fields").
const CUSTOM_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})() ?([+-]\d{2}:?\d{2})$/
// YYYY-MM-DDTHH:MM:SS+zzzz, the form replies show dates in (docs/api.md "Ids and dates").
const WIRE_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})()([+-]\d{4})$/
// ISO 8601 date or date-time, `T` or a space between; seconds, fraction and zone optional.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s?(Z|[+-]\d{2}:?\d{2})?)?$/i

/**
 * The instant of a matched date: fields 1–7 are year, month, day, hour, minute,
 * second and fraction (absent parts are zero), field 8 the zone (`Z`, `+hhmm`,
 * `+hh:mm`; absent means UTC). Impossible calendar values give undefined.
 */
function instantOf(match: RegExpExecArray): Date | undefined {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number, number, number, number, number, number,
  ]
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, Math.round(Number(match[7] || 0) * 1000))
  const check = new Date(Date.UTC(year, month - 1, day))
  // Date.UTC rolls 2020-02-31 over into March; the service would not call that a date.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return undefined
  }
  const zone = match[8] ?? 'Z'
  const offsetMinutes =
    zone.toUpperCase() === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))
  return new Date(wallClock - offsetMinutes * 60_000)
}

/**
 * Reads a string in the custom-field date form (docs/api.md "Custom fields")
 * (`2011-11-02 17:07:37 -0700`, `2020-01-01 03:30:00+0000`) as the instant
 * it names (docs/api.md "Custom fields").
 * Other strings, and impossible dates such as month 13, are not dates.
 *
 * @returns the `Date`, or undefined when `text` is not in that form.
 * @example
 * parseCustomDate('2020-01-01 03:30:00+0100')?.toISOString() // '2020-01-01T02:30:00.000Z'
 */
export function parseCustomDate(text: string): Date | undefined {
  const match = CUSTOM_DATE.exec(text)
  return match ? instantOf(match) : undefined
}

/**
 * Reads a string in the wire date form (`2011-11-03T00:07:37+0000`, docs/api.md
 * "Ids and dates") as the instant it names: the form in which a client
 * that read a custom date sends it back.
 *
 * @returns the `Date`, or undefined when `text` is not exactly in that form.
 * @example
 * parseWireDate('2011-11-03T00:07:37+0000')?.toISOString() // '2011-11-03T00:07:37.000Z'
 */
export function parseWireDate(text: string): Date | undefined {
  const match = WIRE_DATE.exec(text)
  return match ? instantOf(match) : undefined
}

/**
 * Reads an ISO 8601 date or date-time as the instant it names, leniently, as
 * people write them in fixtures and queries: `2024-03-01` (midnight UTC),
 * `2024-03-01T10:15:00Z`, `2024-03-01 10:15`, and the wire format
 * `2024-03-01T10:15:00+0000` (docs/users.md "Replies"). No zone means UTC. Surrounding
 * spaces are ignored; impossible dates such as 2024-02-30 are not dates.
 *
 * @returns the `Date`, or undefined for anything else.
 * @example
 * parseIsoDate('2011-11-29T18:03:17+0000')?.toISOString() // '2011-11-29T18:03:17.000Z'
 */
export function parseIsoDate(text: string): Date | undefined {
  const match = ISO_DATE.exec(text.trim())
  return match ? instantOf(match) : undefined
}

/**
 * A `where` value written as an ISO 8601 or wire-format date
 * (`2011-11-03T00:07:37+0000`) on a field that may hold a date or text:
 * compared with a date it is that instant, with anything else the text as
 * sent (docs/api.md "Custom fields"). Clients
 * send back the dates replies showed them, in the wire format, so a custom
 * date field must match its own wire form; a text field holding the same
 * characters must still match them as text.
 */
export class DateOrText {
  constructor(
    readonly text: string,
    readonly date: Date,
  ) {}

  /** The side of this value that a stored value compares with: the date for a `Date`, else the text. */
  against(stored: unknown): Date | string {
    return stored instanceof Date ? this.date : this.text
  }
}
