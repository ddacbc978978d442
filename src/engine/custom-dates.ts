import { toWireDate } from '../dates.js'
import { parseCustomDate, parseWireDate } from '../query/date-value.js'

/**
 * A custom-field date as stored: `{ "$date": "<ISO 8601 UTC>" }`. The tag lets
 * a `--data` JSON file keep it a date across restarts (docs/api.md "Custom
 * fields"); field names never start with `$`, so it cannot clash.
 */
interface StoredDate {
  $date: string
}

function isStoredDate(value: unknown): value is StoredDate {
  return (
    typeof value === 'object' && value !== null && typeof (value as Partial<StoredDate>).$date === 'string' &&
    Object.keys(value).length === 1
  )
}

/**
 * A sent custom-field value as stored: a string of the form
 * `yyyy-mm-dd hh:mm:ss+zzzz` becomes a {@link StoredDate} (docs/api.md "Custom fields"),
 * and so does one in the wire form `YYYY-MM-DDTHH:MM:SS+zzzz`, so that a user
 * read and sent back unchanged keeps its dates dates (a mock-cloud choice);
 * anything else stays as sent.
 */
export function storedCustomValue(value: unknown): unknown {
  const date = typeof value === 'string' ? (parseCustomDate(value) ?? parseWireDate(value)) : undefined
  return date ? { $date: date.toISOString() } : value
}

/** Stored custom fields as the wire shows them: dates in the wire format (docs/users.md "Replies", docs/api.md "Ids and dates"). */
export function wireCustomFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return mapDates(fields, (iso) => toWireDate(iso))
}

/** Stored custom fields as a query sees them: dates as `Date`s, compared and sorted by instant (docs/api.md "Custom fields"). */
export function queryCustomFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return mapDates(fields, (iso) => new Date(iso))
}

function mapDates(fields: Readonly<Record<string, unknown>>, convert: (iso: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    // A copy, so nothing done with the result can reach the stored value; primitives need none.
    out[name] = isStoredDate(value) ? convert(value.$date) : typeof value === 'object' && value !== null ? structuredClone(value) : value
  }
  return out
}
