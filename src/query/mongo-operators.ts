import { Context } from 'mingo/core'
import { $and, $exists, $nor, $not, $or, $size } from 'mingo/operators/query'
import { Query } from 'mingo/query'
import type { AnyObject, Options } from 'mingo/types'
import { flatten, resolve } from 'mingo/util'
import { isPlainObject } from '../json.js'
import { compareValues, typeRank } from './bson-compare.js'
import { DateOrText } from './date-value.js'

/** The operand `where-tree.ts` builds from `{"$nearSphere": [lng, lat], "$maxDistance": r}`. */
export interface NearSphere {
  near: readonly [number, number]
  /** Great-circle distance in radians (spec §5.1); absent = no limit. */
  maxDistance?: number
}

type Predicate = (doc: AnyObject) => boolean

/** The shape mingo calls a query operator with. */
type QueryOperator = (selector: string, operand: unknown, options: Options) => Predicate

const valueAt = (doc: AnyObject, selector: string): unknown => resolve(doc, selector, { unwrapArray: true })

/**
 * The field under which {@link $elemMatch} hands one array element to its
 * operators, in a wrapper doc of its own; no user doc is ever read with it.
 */
const ELEMENT = '\u0000element'

/** Arrays crossed by a dotted path; -1 for an `$elemMatch` element, which is tried as a whole. */
const pathDepth = (selector: string): number => (selector === ELEMENT ? -1 : selector.split('.').length - 1)

/**
 * The values MongoDB tries a condition on: the field's value itself and, for
 * an array, each element (also through arrays met on a dotted path), but not
 * the elements of nested arrays.
 */
function candidates(value: unknown, depth: number): readonly unknown[] {
  if (!Array.isArray(value) || depth < 0) return [value]
  return [value, ...value, ...(depth > 0 ? flatten(value, depth) : [])]
}

const operandFor = (stored: unknown, operand: unknown): unknown =>
  operand instanceof DateOrText ? operand.against(stored) : operand

/**
 * MongoDB equality: the value or one of its elements equals the operand in
 * {@link compareValues}' sense, so null stands for a missing field, numbers
 * compare numerically and embedded documents must have the same keys in the
 * same order.
 */
function equals(value: unknown, operand: unknown, depth: number): boolean {
  return candidates(value, depth).some((item) => compareValues(item, operandFor(item, operand)) === 0)
}

/**
 * A range condition: some candidate in the operand's type bracket compares as
 * `accept` wants (type bracketing: `{"$gt": 28}` never matches `"35"`). With a
 * null operand MongoDB lets `$lte`/`$gte` mean equality with null and
 * `$lt`/`$gt` match nothing.
 */
function inRange(value: unknown, operand: unknown, depth: number, accept: (order: number) => boolean): boolean {
  if (operand === null) return accept(0) && equals(value, null, depth)
  return candidates(value, depth).some((item) => {
    const bound = operandFor(item, operand)
    return typeRank(item) === typeRank(bound) && accept(compareValues(item, bound))
  })
}

/** A field operator built from a test of the field's value against the operand. */
const fieldOperator =
  (test: (value: unknown, operand: unknown, depth: number) => boolean): QueryOperator =>
  (selector, operand) => {
    const depth = pathDepth(selector)
    return (doc) => test(valueAt(doc, selector), operand, depth)
  }

const rangeOperator = (accept: (order: number) => boolean): QueryOperator =>
  fieldOperator((value, operand, depth) => inRange(value, operand, depth, accept))

// mingo 7.2.7's own comparisons ignore key order in embedded documents,
// compare strings by UTF-16 unit, never compare an array field as a whole
// with an array bound, and let missing fields fail $lte/$gte null.
const $eq = fieldOperator(equals)
const $ne = fieldOperator((value, operand, depth) => !equals(value, operand, depth))
const $lt = rangeOperator((order) => order < 0)
const $lte = rangeOperator((order) => order <= 0)
const $gt = rangeOperator((order) => order > 0)
const $gte = rangeOperator((order) => order >= 0)

// mingo 7.2.7 $in only intersects the elements of an array field with the
// operands, so {"$in": [["golf","snowboarding"]]} never matches a field equal
// to that array, and $nin (its negation) matches it wrongly (case B19).
const $in = fieldOperator((value, operands, depth) =>
  (operands as readonly unknown[]).some((operand) => equals(value, operand, depth)),
)
const $nin = fieldOperator(
  (value, operands, depth) => !(operands as readonly unknown[]).some((operand) => equals(value, operand, depth)),
)

const LOGICAL_KEYS = new Set(['$and', '$or', '$nor'])

/**
 * Whether `$elemMatch` criteria apply operators to each element
 * (`{"$gte": 70, "$lt": 90}`) rather than being a query document on it
 * (`{"score": {"$gt": 80}}`, `{"$or": […]}`): MongoDB's reading, and mingo's.
 *
 * @example
 * isElementCriteria(['$gte', '$lt']) // true
 */
export const isElementCriteria = (keys: readonly string[]): boolean =>
  keys.length > 0 && keys.every((key) => key.startsWith('$') && !LOGICAL_KEYS.has(key))

// MongoDB tries each element as a whole: with operators only ({"$gt": 4})
// the element is the value ([[5]] does not match, mingo 7.2.7 says it does);
// with a query document ({"x": 5}) only object and array elements can match
// (mingo 7.2.7 reads field x of the number 5 as 5 itself).
const $elemMatch: QueryOperator = (selector, operand, options) => {
  const criteria = operand as AnyObject // built by where-tree.ts
  const onElement = isElementCriteria(Object.keys(criteria))
  const query = new Query(onElement ? { [ELEMENT]: criteria } : criteria, options)
  const matches = onElement
    ? (item: unknown): boolean => query.test({ [ELEMENT]: item })
    : (item: unknown): boolean => typeof item === 'object' && item !== null && !(item instanceof Date) && query.test(item as AnyObject)
  return (doc) => {
    const value = valueAt(doc, selector)
    return Array.isArray(value) && value.some(matches)
  }
}

const isElemMatch = (operand: unknown): operand is { $elemMatch: AnyObject } =>
  isPlainObject(operand) && Object.hasOwn(operand, '$elemMatch')

// MongoDB defines $all as an $and of equalities, so ["golf"] also matches a
// scalar "golf" and [[1,2]] matches the array [1,2]; mingo 7.2.7 requires an
// array field and compares only its elements (case B20). A list of
// {"$elemMatch": …} is an $and of those; where-tree.ts lets only such a list
// or a list of values through (a value never holds a `$` key).
const $all: QueryOperator = (selector, operand, options) => {
  const operands = operand as readonly unknown[]
  const depth = pathDepth(selector)
  const tests = operands.map((item): Predicate => {
    if (isElemMatch(item)) return $elemMatch(selector, item.$elemMatch, options)
    return (doc) => equals(valueAt(doc, selector), item, depth)
  })
  return (doc) => tests.length > 0 && tests.every((test) => test(doc))
}

// BSON truth: only false, 0 and null (and undefined) are false, so
// {"$exists": ""} means true, where mingo's `!!` reads it as false. mingo
// also reads a dotted path through inherited members, so
// {"created_at.getTime": {"$exists": true}} would match every user; a
// document field never holds a function, so one found on the path is no field.
const ownExists: QueryOperator = (selector, operand, options) => {
  const wanted = operand !== false && operand !== 0 && operand !== null && operand !== undefined
  const builtIn = $exists(selector, wanted, options)
  return (doc) => (typeof valueAt(doc, selector) === 'function' ? !wanted : builtIn(doc))
}

/** The operand `where-tree.ts` builds from `{"$regex": …, "$options": …}`: a linear-time matcher. */
export interface LinearRegex {
  test(input: string): boolean
}

// A string value, or a string element of an array value, matches; mingo 7.2.7
// also looks one level into nested arrays, which MongoDB does not. The pattern
// runs on RE2 (linear time), so no pattern can backtrack catastrophically.
const $linearRegex = fieldOperator((value, matcher, depth) =>
  candidates(value, depth).some((item) => typeof item === 'string' && (matcher as LinearRegex).test(item)),
)

const isPoint = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180

/** Angle between two [longitude, latitude] points in radians (haversine). */
function angularDistance([lng1, lat1]: readonly [number, number], [lng2, lat2]: readonly [number, number]): number {
  const dLat = toRadians(lat2 - lat1)
  const dLng = toRadians(lng2 - lng1)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLng / 2) ** 2
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)))
}

// mingo has no geo operators. The coordinates field holds [lng, lat] or a list
// of them (spec §5.8); a user matches when any point is within range. MongoDB
// would also sort by distance, which a filter cannot do.
const $nearSphere: QueryOperator = (selector, operand) => {
  const { near, maxDistance } = operand as NearSphere // built by where-tree.ts
  return (doc) => {
    const value = valueAt(doc, selector)
    const points = isPoint(value) ? [value] : Array.isArray(value) ? value.filter(isPoint) : []
    return points.some((p) => maxDistance === undefined || angularDistance(p, near) <= maxDistance)
  }
}

/**
 * The only operators a `where` can reach (spec §5.1, §11 "where"): mingo's
 * own for the logical ones, `$not` and `$size`, which follow MongoDB; ours
 * for every comparison and `$elemMatch`, where mingo does not (the table in
 * `test/query/mongodb-divergences.md`). `$linearRegex` is where-tree.ts's
 * name for a compiled `$regex`; input cannot name it. Code-running
 * operators (`$where`, `$function`, `$expr`, …) are absent, so even a
 * validation slip cannot execute them. Built with `Context.init` because
 * `Context.from` (what the `mingo` entry point uses) lets built-ins win over
 * replacements.
 *
 * @example
 * new Query({ hobby: { $all: ['golf'] } }, { context: MONGO_QUERY_CONTEXT }).test({ hobby: 'golf' }) // true
 */
export const MONGO_QUERY_CONTEXT = Context.init({
  query: {
    $and,
    $or,
    $nor,
    $not,
    $eq,
    $ne,
    $lt,
    $lte,
    $gt,
    $gte,
    $linearRegex,
    $size,
    $elemMatch,
    $exists: ownExists,
    $in,
    $nin,
    $all,
    $nearSphere,
  },
})
