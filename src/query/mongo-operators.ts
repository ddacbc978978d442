import { Context } from 'mingo/core'
import { $and, $nor, $not, $or } from 'mingo/operators/query'
import { Query } from 'mingo/query'
import type { AnyObject, Options } from 'mingo/types'
import { isPlainObject } from '../json.js'
import { compareValues, typeRank } from './bson-compare.js'
import { DateOrText } from './date-value.js'
import { pathReader, pathTester, type PathReader, type PathTester } from './field-path.js'
import { isNear, type NearSphere } from './near-sphere.js'

type Predicate = (doc: AnyObject) => boolean

/** The shape mingo calls a query operator with. */
type QueryOperator = (selector: string, operand: unknown, options: Options) => Predicate

/**
 * The field under which {@link $elemMatch} hands one array element to its
 * operators, in a wrapper doc of its own; no user doc is ever read with it.
 */
const ELEMENT = '\u0000element'

/** How a condition on one field reads each doc; built once, when the `where` is compiled. */
interface Field {
  /** Whether some value MongoDB tries the condition on passes a test; an `$elemMatch` element is tried whole. */
  some: PathTester
  /** Whether a branch of the path ends missing (`{"a.b": null}` then matches); never for an `$elemMatch` element. */
  missing(doc: AnyObject): boolean
  /** The values the path reaches, for the operators that look at them as they are (`$size`, `$nearSphere`, `$elemMatch`). */
  read: PathReader
}

/** The reading of `selector` by a condition (the {@link ELEMENT} wrapper's field is the element itself). */
function field(selector: string): Field {
  const read = pathReader(selector)
  if (selector === ELEMENT) return { some: (doc, test) => test(doc[ELEMENT]), missing: () => false, read }
  return { some: pathTester(selector), missing: (doc) => read(doc).missing, read }
}

const operandFor = (stored: unknown, operand: unknown): unknown =>
  operand instanceof DateOrText ? operand.against(stored) : operand

const isNull = (value: unknown): boolean => value === null || value === undefined

/**
 * MongoDB equality with `operand`: some tried value equals it in
 * {@link compareValues}' sense (numbers numerically, embedded documents with
 * the same keys in the same order); null also matches a path that ends missing.
 */
function equality({ some, missing }: Field, operand: unknown): Predicate {
  // The missing check walks the path a second time, so it is left to null, the one operand that needs it.
  if (operand === null) return (doc) => some(doc, isNull) || missing(doc)
  // One test per condition, not one closure per doc.
  const test = (item: unknown): boolean => compareValues(item, operandFor(item, operand)) === 0
  return (doc) => some(doc, test)
}

/**
 * A range condition: some tried value in the operand's type bracket compares
 * as `accept` wants (type bracketing: `{"$gt": 28}` never matches `"35"`).
 * With a null operand MongoDB lets `$lte`/`$gte` mean equality with null and
 * `$lt`/`$gt` match nothing.
 */
function range(reached: Field, operand: unknown, accept: (order: number) => boolean): Predicate {
  if (operand === null) return accept(0) ? equality(reached, null) : () => false
  const test = (item: unknown): boolean => {
    const bound = operandFor(item, operand)
    return typeRank(item) === typeRank(bound) && accept(compareValues(item, bound))
  }
  return (doc) => reached.some(doc, test)
}

// Loops over a condition's predicates, so that no closure is made per doc.
function someAccepts(predicates: readonly Predicate[], doc: AnyObject): boolean {
  for (const predicate of predicates) if (predicate(doc)) return true
  return false
}

function allAccept(predicates: readonly Predicate[], doc: AnyObject): boolean {
  for (const predicate of predicates) if (!predicate(doc)) return false
  return true
}

/** A field operator built from the predicate it makes of the field's reader and the operand. */
const fieldOperator =
  (build: (reached: Field, operand: unknown) => Predicate): QueryOperator =>
  (selector, operand) =>
    build(field(selector), operand)

const rangeOperator = (accept: (order: number) => boolean): QueryOperator =>
  fieldOperator((reached, operand) => range(reached, operand, accept))

const not = (predicate: Predicate): Predicate => (doc) => !predicate(doc)

// mingo 7.2.7's own comparisons ignore key order in embedded documents,
// compare strings by UTF-16 unit, never compare an array field as a whole
// with an array bound, let missing fields fail $lte/$gte null, and read a
// field name on a nested array as the array itself.
const $eq = fieldOperator(equality)
const $ne = fieldOperator((reached, operand) => not(equality(reached, operand)))
const $lt = rangeOperator((order) => order < 0)
const $lte = rangeOperator((order) => order <= 0)
const $gt = rangeOperator((order) => order > 0)
const $gte = rangeOperator((order) => order >= 0)

// mingo 7.2.7 $in only intersects the elements of an array field with the
// operands, so {"$in": [["golf","snowboarding"]]} never matches a field equal
// to that array, and $nin (its negation) matches it wrongly.
const inList = (reached: Field, operands: unknown): Predicate => {
  const equalities = (operands as readonly unknown[]).map((operand) => equality(reached, operand))
  return (doc) => someAccepts(equalities, doc)
}
const $in = fieldOperator(inList)
const $nin = fieldOperator((reached, operands) => not(inList(reached, operands)))

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
  const holdsMatch = (value: unknown): boolean => Array.isArray(value) && value.some(matches)
  return (doc) => read(doc).values.some(holdsMatch)
}

const isElemMatch = (operand: unknown): operand is { $elemMatch: AnyObject } =>
  isPlainObject(operand) && Object.hasOwn(operand, '$elemMatch')

// MongoDB defines $all as an $and of equalities, so ["golf"] also matches a
// scalar "golf" and [[1,2]] matches the array [1,2]; mingo 7.2.7 requires an
// array field and compares only its elements. A list of
// {"$elemMatch": …} is an $and of those; where-tree.ts lets only such a list
// or a list of values through (a value never holds a `$` key).
const $all: QueryOperator = (selector, operand, options) => {
  const reached = field(selector)
  const tests = (operand as readonly unknown[]).map(
    (item): Predicate => (isElemMatch(item) ? $elemMatch(selector, item.$elemMatch, options) : equality(reached, item)),
  )
  return (doc) => tests.length > 0 && allAccept(tests, doc)
}

// BSON truth: only false, 0 and null (and undefined) are false, so
// {"$exists": ""} means true, where mingo's `!!` reads it as false. A field
// exists when its path reaches a value; mingo would also reach inherited
// members ({"created_at.getTime": {"$exists": true}} matched every user).
// Some value is tried exactly when the path reaches one.
const anyValue = (): boolean => true
const $exists = fieldOperator((reached, operand) => {
  const wanted = operand !== false && operand !== 0 && operand !== null && operand !== undefined
  return (doc) => reached.some(doc, anyValue) === wanted
})

const $size = fieldOperator((reached, size) => {
  const sized = (value: unknown): boolean => Array.isArray(value) && value.length === size
  return (doc) => reached.read(doc).values.some(sized)
})

/** The operand `where-tree.ts` builds from `{"$regex": …, "$options": …}`: a linear-time matcher. */
export interface LinearRegex {
  test(input: string): boolean
}

// A string value, or a string element of an array value, matches; mingo 7.2.7
// also looks one level into nested arrays, which MongoDB does not. The pattern
// runs on RE2 (linear time), so no pattern can backtrack catastrophically.
const $linearRegex = fieldOperator((reached, matcher) => {
  const test = (item: unknown): boolean => typeof item === 'string' && (matcher as LinearRegex).test(item)
  return (doc) => reached.some(doc, test)
})

// mingo has no geo operators. A record matches when any point is within range;
// the nearest-first order is near-order.ts's, applied by the query run.
const $nearSphere = fieldOperator((reached, near) => {
  const close = (value: unknown): boolean => isNear(value, near as NearSphere)
  return (doc) => reached.read(doc).values.some(close)
})

/**
 * The only operators a `where` can reach (docs/api.md "Queries"): mingo's
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
