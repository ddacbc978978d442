import { Context } from 'mingo/core'
import { $and, $elemMatch, $eq, $exists, $gt, $gte, $lt, $lte, $ne, $nor, $not, $or, $regex, $size } from 'mingo/operators/query'
import type { AnyObject, Options } from 'mingo/types'
import { flatten, isEqual, resolve } from 'mingo/util'

/** The operand `where-tree.ts` builds from `{"$nearSphere": [lng, lat], "$maxDistance": r}`. */
export interface NearSphere {
  near: readonly [number, number]
  /** Great-circle distance in radians (spec §5.1); absent = no limit. */
  maxDistance?: number
}

type Predicate = (doc: AnyObject) => boolean

/** The shape mingo calls a query operator with. */
type QueryOperator = (selector: string, operand: unknown, options: Options) => Predicate

const pathDepth = (selector: string): number => selector.split('.').length - 1

const valueAt = (doc: AnyObject, selector: string): unknown => resolve(doc, selector, { unwrapArray: true })

/**
 * MongoDB equality of a field value with one operand: the whole value, any
 * element of an array value (also through arrays met on a dotted path), and
 * null standing for a missing field.
 */
function equalsOperand(value: unknown, operand: unknown, depth: number): boolean {
  if (isEqual(value, operand)) return true
  if (operand === null && value === undefined) return true
  if (!Array.isArray(value)) return false
  return value.some((item) => isEqual(item, operand)) || flatten(value, depth).some((item) => isEqual(item, operand))
}

// mingo 7.2.7 $in only intersects the elements of an array field with the
// operands, so {"$in": [["golf","snowboarding"]]} never matches a field equal
// to that array, and $nin (its negation) matches it wrongly (case B19).
const $in: QueryOperator = (selector, operand) => {
  const operands = operand as readonly unknown[] // where-tree.ts lets only arrays through
  const depth = pathDepth(selector)
  return (doc) => {
    const value = valueAt(doc, selector)
    return operands.some((operand) => equalsOperand(value, operand, depth))
  }
}

const $nin: QueryOperator = (selector, operand, options) => {
  const matches = $in(selector, operand, options)
  return (doc) => !matches(doc)
}

// MongoDB defines $all as an $and of equalities, so ["golf"] also matches a
// scalar "golf" and [[1,2]] matches the array [1,2]; mingo 7.2.7 requires an
// array field and compares only its elements (case B20).
const $all: QueryOperator = (selector, operand) => {
  const operands = operand as readonly unknown[] // where-tree.ts lets only arrays through
  const depth = pathDepth(selector)
  return (doc) => {
    const value = valueAt(doc, selector)
    return operands.length > 0 && operands.every((operand) => equalsOperand(value, operand, depth))
  }
}

// mingo reads a dotted path through inherited members, so
// {"created_at.getTime": {"$exists": true}} matches every user; a document
// field can never hold a function, so one found on the path is not a field.
const ownExists: QueryOperator = (selector, wanted, options) => {
  const builtIn = $exists(selector, wanted, options)
  return (doc) => (typeof valueAt(doc, selector) === 'function' ? !wanted : builtIn(doc))
}

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
 * own where they follow MongoDB, ours where they do not. Code-running
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
    $regex,
    $size,
    $elemMatch,
    $exists: ownExists,
    $in,
    $nin,
    $all,
    $nearSphere,
  },
})
