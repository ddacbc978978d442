import { invalidParameter } from '../errors.js'
import { compareValues } from './bson-compare.js'
import { sortPathReader, type PathValues } from './field-path.js'

const FIELD_NAME = /^[\p{L}\p{N}_$.]+$/u

type Doc = Readonly<Record<string, unknown>>

/**
 * Items sorted by their query docs, as a new array; stable, so items whose
 * docs tie keep the order they came in (creation order for a query).
 */
export type DocSort = <T>(items: readonly T[], docOf: (item: T) => Doc) => T[]

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
 * Compiles the `order` parameter of `users/query` (docs/api.md
 * "Queries"): a comma list of query doc field
 * names or dotted paths (`pet.age`), `-` before a name for descending, e.g.
 * `first_name,-created_at`. Values compare as MongoDB sorts them: missing and
 * null first when ascending; across types null < numbers < strings < objects
 * < arrays < booleans < dates; numbers numerically, strings by code point,
 * dates by instant, embedded documents pair by pair in stored order; an array
 * field by its smallest element ascending and its largest descending, an
 * empty array below null. Unknown fields sort as missing.
 *
 * @param raw - the `order` string; absent, `null` or blank → no ordering.
 * @returns a {@link DocSort} (ties keep the order the items came in), or
 *   undefined when there is nothing to order by.
 * @throws ApiError 400 `Invalid order parameter: <reason>` for a value that is
 *   not a string or has an empty field name (`a,,b`, `-`).
 * @example
 * compileOrder('first_name,-created_at')?.(users, (user) => user) // users sorted, a new array
 */
export function compileOrder(raw: unknown): DocSort | undefined {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'string') throw invalidParameter('order', 'must be a comma-separated list of field names')
  if (raw.trim() === '') return undefined
  const keys = parseOrder(raw).map(({ field, descending }) => ({ read: sortPathReader(field), descending }))
  const keyOf = (doc: Doc): unknown[] => keys.map(({ read, descending }) => sortKey(read(doc), descending))
  const compare = (a: readonly unknown[], b: readonly unknown[]): number => {
    // An index loop: this runs n log n times, and an entries() iterator per call cost more than the comparisons.
    for (let at = 0; at < keys.length; at++) {
      const order = compareKeys(a[at], b[at])
      if (order !== 0) return keys[at]!.descending ? -order : order
    }
    return 0
  }
  // Decorate, sort, undecorate: each doc's keys are read once per query, not
  // twice per comparison (a path walk and its garbage n log n times over).
  return (items, docOf) =>
    items
      .map((item) => ({ item, key: keyOf(docOf(item)) }))
      .sort((a, b) => compare(a.key, b.key))
      .map(({ item }) => item)
}
