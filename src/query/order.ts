import { invalidParameter } from '../errors.js'
import { compareValues } from './bson-compare.js'
import { sortPathReader, type PathValues } from './field-path.js'

const FIELD_NAME = /^[\p{L}\p{N}_$.]+$/u

/** A comparator for `Array.prototype.sort`; 0 for ties so a stable sort keeps creation order. */
type DocComparator = (a: Record<string, unknown>, b: Record<string, unknown>) => number

interface SortKey {
  field: string
  descending: boolean
}

// MongoDB gives an empty array the sort key `undefined`, below null.
const EMPTY_ARRAY_KEY = Symbol('empty array')
const NO_KEY = Symbol('no key')

function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY_KEY || b === EMPTY_ARRAY_KEY) {
    return a === b ? 0 : a === EMPTY_ARRAY_KEY ? -1 : 1
  }
  return compareValues(a, b)
}

// MongoDB's sort key of a path: the smallest (ascending) or largest
// (descending) of the values it reaches, an array reached by a field name
// counting by its elements, an empty one as EMPTY_ARRAY_KEY, an array reached
// by an index as itself; a branch ending missing, or going into an empty
// array, counts as null (jstests/core/query/sort/sort_dotted_paths.js).
function sortKey({ values, indexed, missing, throughEmpty }: PathValues, descending: boolean): unknown {
  const pick = descending ? 1 : -1
  let best: unknown = missing || throughEmpty || values.length === 0 ? null : NO_KEY
  const consider = (key: unknown): void => {
    if (best === NO_KEY || compareKeys(key, best) === pick) best = key
  }
  values.forEach((value, at) => {
    if (!Array.isArray(value) || indexed?.has(at)) consider(value)
    else if (value.length === 0) consider(EMPTY_ARRAY_KEY)
    else for (const item of value) consider(item)
  })
  return best
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
  const keys = parseOrder(raw).map(({ field, descending }) => ({ read: sortPathReader(field), descending }))
  return (a, b) => {
    for (const { read, descending } of keys) {
      const order = compareKeys(sortKey(read(a), descending), sortKey(read(b), descending))
      if (order !== 0) return descending ? -order : order
    }
    return 0
  }
}
