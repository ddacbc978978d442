import { invalidParameter } from '../errors.js'
import { compareValues } from './bson-compare.js'
import { pathReader, type PathValues } from './field-path.js'

const FIELD_NAME = /^[\p{L}\p{N}_$.]+$/u

/** A comparator for `Array.prototype.sort`; 0 for ties so a stable sort keeps creation order. */
type DocComparator = (a: Record<string, unknown>, b: Record<string, unknown>) => number

interface SortKey {
  field: string
  descending: boolean
}

const EMPTY_ARRAY_KEY = Symbol('empty array')

// MongoDB sorts an array field by its smallest element ascending and its largest descending.
function sortValue(value: unknown, descending: boolean): unknown {
  if (!Array.isArray(value)) return value
  if (value.length === 0) return EMPTY_ARRAY_KEY
  const pick = descending ? 1 : -1
  return value.reduce((best: unknown, item: unknown) => (compareValues(item, best) === pick ? item : best))
}

function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY_KEY || b === EMPTY_ARRAY_KEY) {
    return a === b ? 0 : a === EMPTY_ARRAY_KEY ? -1 : 1
  }
  return compareValues(a, b)
}

// A dotted path that reaches several values (`pets.age`) sorts by them as by an
// array's elements; one that reaches none sorts as missing, as does
// `order=constructor` (paths read own fields only).
function fieldOf(doc: Record<string, unknown>, read: (doc: Record<string, unknown>) => PathValues): unknown {
  const { values } = read(doc)
  if (values.length <= 1) return values[0]
  return values.flatMap((value) => (Array.isArray(value) ? value : [value]))
}

function parseOrder(raw: string): SortKey[] {
  return raw.split(',').map((segment) => {
    const trimmed = segment.trim()
    const descending = trimmed.startsWith('-')
    const field = (descending ? trimmed.slice(1) : trimmed).trim()
    if (field === '') throw invalidParameter('order', `empty field name in "${raw}"`)
    // A field name is letters, digits, `_`, `$` and `.`; anything else (`age;drop`, a JSON
    // object) is a mistake that would otherwise sort nothing without a word.
    if (!FIELD_NAME.test(field)) throw invalidParameter('order', `"${field}" is not a field name; use a comma list such as first_name,-age`)
    return { field, descending }
  })
}

/**
 * Compiles the `order` parameter of `users/query` (spec §5.2, §11 "order",
 * "ties in order", "comparison semantics"): a comma list of query doc field
 * names or dotted paths (`pet.age`), `-` before a name for descending, e.g.
 * `first_name,-created_at`. Values compare as MongoDB sorts them: missing and
 * null first when ascending; across types null < numbers < strings < objects
 * < arrays < booleans < dates; numbers numerically, strings by code point,
 * dates by instant, embedded documents pair by pair in stored order; an array
 * field by its smallest element ascending and its largest descending, an
 * empty array below null. Unknown fields sort as missing.
 *
 * @param raw - the `order` string; absent, `null` or blank → no ordering.
 * @returns a comparator returning 0 on ties (the caller's stable sort keeps
 *   creation order), or undefined when there is nothing to order by.
 * @throws ApiError 400 `Invalid order parameter: <reason>` for a value that is
 *   not a string or has an empty field name (`a,,b`, `-`).
 * @example
 * users.sort(compileOrder('first_name,-created_at') ?? (() => 0))
 */
export function compileOrder(raw: unknown): DocComparator | undefined {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'string') throw invalidParameter('order', 'must be a comma-separated list of field names')
  if (raw.trim() === '') return undefined
  const keys = parseOrder(raw).map(({ field, descending }) => ({ read: pathReader(field), descending }))
  return (a, b) => {
    for (const { read, descending } of keys) {
      const order = compareKeys(sortValue(fieldOf(a, read), descending), sortValue(fieldOf(b, read), descending))
      if (order !== 0) return descending ? -order : order
    }
    return 0
  }
}
