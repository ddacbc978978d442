import { Context } from 'mingo/core'
import { $and, $nor, $not, $or } from 'mingo/operators/query'
import { Query } from 'mingo/query'
import type { AnyObject, Options } from 'mingo/types'
import { isPlainObject } from '../json.js'
import { compareValues, typeRank } from './bson-compare.js'
import { DateOrText } from './date-value.js'
import { pathReader, triedValues, type PathValues } from './field-path.js'
import { isNear, type NearSphere } from './near-sphere.js'

type Predicate = (doc: AnyObject) => boolean

/** The shape mingo calls a query operator with. */
type QueryOperator = (selector: string, operand: unknown, options: Options) => Predicate

/**
 * The field under which {@link $elemMatch} hands one array element to its
 * operators, in a wrapper doc of its own; no user doc is ever read with it.
 */
const ELEMENT = '\u0000element'

/** What a condition sees of a doc: the values its path reaches; an `$elemMatch` element is tried whole. */
interface Reached extends PathValues {
  whole: boolean
}

/** What a condition on `selector` sees of each doc; the path is split once, when the `where` is compiled. */
function reacher(selector: string): (doc: AnyObject) => Reached {
  const read = pathReader(selector)
  const whole = selector === ELEMENT
  return (doc) => ({ ...read(doc), whole })
}

/** The values MongoDB tries a condition on ({@link triedValues}); an `$elemMatch` element only as it is. */
const candidates = (reached: Reached): readonly unknown[] => (reached.whole ? reached.values : triedValues(reached))

const operandFor = (stored: unknown, operand: unknown): unknown =>
  operand instanceof DateOrText ? operand.against(stored) : operand

/**
 * MongoDB equality: a candidate equals the operand in {@link compareValues}'
 * sense (numbers numerically, embedded documents with the same keys in the
 * same order); null also matches a path that ends missing.
 */
function equals(reached: Reached, operand: unknown): boolean {
  if (operand === null && reached.missing) return true
  return candidates(reached).some((item) => compareValues(item, operandFor(item, operand)) === 0)
}

/**
 * A range condition: some candidate in the operand's type bracket compares as
 * `accept` wants (type bracketing: `{"$gt": 28}` never matches `"35"`). With a
 * null operand MongoDB lets `$lte`/`$gte` mean equality with null and
 * `$lt`/`$gt` match nothing.
 */
function inRange(reached: Reached, operand: unknown, accept: (order: number) => boolean): boolean {
  if (operand === null) return accept(0) && equals(reached, null)
  return candidates(reached).some((item) => {
    const bound = operandFor(item, operand)
    return typeRank(item) === typeRank(bound) && accept(compareValues(item, bound))
  })
}

/** A field operator built from a test of what the field's path reaches against the operand. */
const fieldOperator =
  (test: (reached: Reached, operand: unknown) => boolean): QueryOperator =>
  (selector, operand) => {
    const reach = reacher(selector)
    return (doc) => test(reach(doc), operand)
  }

const rangeOperator = (accept: (order: number) => boolean): QueryOperator =>
  fieldOperator((reached, operand) => inRange(reached, operand, accept))

// mingo 7.2.7's own comparisons ignore key order in embedded documents,
// compare strings by UTF-16 unit, never compare an array field as a whole
// with an array bound, let missing fields fail $lte/$gte null, and read a
// field name on a nested array as the array itself.
const $eq = fieldOperator(equals)
const $ne = fieldOperator((reached, operand) => !equals(reached, operand))
const $lt = rangeOperator((order) => order < 0)
const $lte = rangeOperator((order) => order <= 0)
const $gt = rangeOperator((order) => order > 0)
const $gte = rangeOperator((order) => order >= 0)

// mingo 7.2.7 $in only intersects the elements of an array field with the
// operands, so {"$in": [["golf","snowboarding"]]} never matches a field equal
// to that array, and $nin (its negation) matches it wrongly (case B19).
const $in = fieldOperator((reached, operands) => (operands as readonly unknown[]).some((operand) => equals(reached, operand)))
const $nin = fieldOperator((reached, operands) => !(operands as readonly unknown[]).some((operand) => equals(reached, operand)))

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
  const read = pathReader(selector)
  return (doc) => read(doc).values.some((value) => Array.isArray(value) && value.some(matches))
}

const isElemMatch = (operand: unknown): operand is { $elemMatch: AnyObject } =>
  isPlainObject(operand) && Object.hasOwn(operand, '$elemMatch')

// MongoDB defines $all as an $and of equalities, so ["golf"] also matches a
// scalar "golf" and [[1,2]] matches the array [1,2]; mingo 7.2.7 requires an
// array field and compares only its elements (case B20). A list of
// {"$elemMatch": …} is an $and of those; where-tree.ts lets only such a list
// or a list of values through (a value never holds a `$` key).
const $all: QueryOperator = (selector, operand, options) => {
  const reach = reacher(selector)
  const tests = (operand as readonly unknown[]).map((item): Predicate => {
    if (isElemMatch(item)) return $elemMatch(selector, item.$elemMatch, options)
    return (doc) => equals(reach(doc), item)
  })
  return (doc) => tests.length > 0 && tests.every((test) => test(doc))
}

// BSON truth: only false, 0 and null (and undefined) are false, so
// {"$exists": ""} means true, where mingo's `!!` reads it as false. A field
// exists when its path reaches a value; mingo would also reach inherited
// members ({"created_at.getTime": {"$exists": true}} matched every user).
const $exists = fieldOperator((reached, operand) => {
  const wanted = operand !== false && operand !== 0 && operand !== null && operand !== undefined
  return reached.values.length > 0 === wanted
})

const $size = fieldOperator((reached, size) => reached.values.some((value) => Array.isArray(value) && value.length === size))

/** The operand `where-tree.ts` builds from `{"$regex": …, "$options": …}`: a linear-time matcher. */
export interface LinearRegex {
  test(input: string): boolean
}

// A string value, or a string element of an array value, matches; mingo 7.2.7
// also looks one level into nested arrays, which MongoDB does not. The pattern
// runs on RE2 (linear time), so no pattern can backtrack catastrophically.
const $linearRegex = fieldOperator((reached, matcher) =>
  candidates(reached).some((item) => typeof item === 'string' && (matcher as LinearRegex).test(item)),
)

// mingo has no geo operators. A user matches when any point is within range;
// MongoDB would also sort by distance, which a filter cannot do.
const $nearSphere = fieldOperator((reached, near) => reached.values.some((value) => isNear(value, near as NearSphere)))

/**
 * The only operators a `where` can reach (spec §5.1, §11 "where"): mingo's
 * own for `$and`, `$or`, `$nor` and `$not`, which follow MongoDB; ours for
 * every operator on a field, where mingo does not (the table in
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
    $exists,
    $in,
    $nin,
    $all,
    $nearSphere,
  },
})
