import { ApiError, invalidParameter } from '../errors.js'
import { FORBIDDEN_KEYS, isPlainObject } from '../json.js'
import { parseCustomDate, parseIsoDate } from './date-value.js'
import type { NearSphere } from './mongo-operators.js'

/** A `where` after validation, ready for mingo, with any top-level `$text` taken out. */
interface NormalizedWhere {
  criteria: Record<string, unknown>
  /** The `$search` string of a top-level `$text`, if there was one. */
  search?: string
}

const invalidWhere = (reason: string): ApiError => invalidParameter('where', reason)

const MAX_DEPTH = 32
const MAX_REGEX_LENGTH = 256
const REGEX_PREFIX_MESSAGE = 'This regex query is not supported, regex expression should start with ^letter or ^digit.'
const REGEX_PREFIX = /^\^[\p{L}\p{N}]/u

const CODE_OPERATORS = new Set(['$where', '$function', '$accumulator', '$expr', '$jsonSchema'])
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor'])
const COMPARISONS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte'])
const LIST_OPERATORS = new Set(['$in', '$nin', '$all'])
/** Every operator spec §5.1 names; anything else is refused before mingo sees it. */
const ALLOWED_OPERATORS = new Set([
  ...COMPARISONS,
  ...LIST_OPERATORS,
  ...LOGICAL_OPERATORS,
  '$exists',
  '$elemMatch',
  '$not',
  '$regex',
  '$options',
  '$text',
  '$search',
  '$nearSphere',
  '$maxDistance',
  '$size',
])

type Json = Record<string, unknown>

const isOperator = (key: string): boolean => key.startsWith('$')
const NO_DATE_FIELDS: ReadonlySet<string> = new Set()


function checkDepth(depth: number): void {
  if (depth > MAX_DEPTH) throw invalidWhere(`nested deeper than ${MAX_DEPTH} levels`)
}

function checkKey(key: string): void {
  const forbidden = key.split('.').find((segment) => FORBIDDEN_KEYS.has(segment))
  if (forbidden !== undefined) throw invalidWhere(`field name ${forbidden} is not allowed`)
}

/** The error for an operator used where it cannot stand. */
function misplaced(operator: string, where: string): ApiError {
  if (CODE_OPERATORS.has(operator)) return invalidWhere(`operator ${operator} is not supported`)
  if (!ALLOWED_OPERATORS.has(operator)) return invalidWhere(`unknown operator ${operator}`)
  return invalidWhere(`operator ${operator} is not allowed ${where}`)
}

/** A query document: field conditions and `$and`/`$or`/`$nor` (MongoDB "query filter"). */
function normalizeDocument(value: unknown, depth: number, dateFields: ReadonlySet<string>): Json {
  checkDepth(depth)
  if (!isPlainObject(value)) throw invalidWhere('a condition must be a JSON object')
  const out: Json = {}
  for (const [key, operand] of Object.entries(value)) {
    checkKey(key)
    if (LOGICAL_OPERATORS.has(key)) {
      // MongoDB rejects an empty list; mingo would quietly match nothing ($or) or everything ($and, $nor).
      if (!Array.isArray(operand) || operand.length === 0) throw invalidWhere(`${key} must be a non-empty array`)
      out[key] = operand.map((item) => normalizeDocument(item, depth + 2, dateFields))
    } else if (isOperator(key)) {
      throw misplaced(key, key === '$text' ? 'below the top level' : 'in place of a field name')
    } else {
      out[key] = normalizeCondition(operand, depth + 1, dateFields.has(key))
    }
  }
  return out
}

/** The value given for a field: an operator object or a value to equal. */
function normalizeCondition(value: unknown, depth: number, dateField: boolean): unknown {
  if (isPlainObject(value) && Object.keys(value).some(isOperator)) return normalizeOperators(value, depth, dateField)
  return comparisonValue(value, depth, dateField)
}

/** `{"$gt": 1, "$lt": 5}` and friends, applied to one field or array element. */
function normalizeOperators(value: Json, depth: number, dateField = false): Json {
  checkDepth(depth)
  const out: Json = {}
  for (const [operator, operand] of Object.entries(value)) {
    checkKey(operator)
    if (!isOperator(operator)) throw invalidWhere(`cannot mix operators and field names (${operator})`)
    if (COMPARISONS.has(operator)) {
      out[operator] = comparisonValue(operand, depth + 1, dateField)
    } else if (LIST_OPERATORS.has(operator)) {
      if (!Array.isArray(operand)) throw invalidWhere(`${operator} needs an array`)
      out[operator] = operand.map((item) => comparisonValue(item, depth + 2, dateField))
    } else if (operator === '$exists') {
      out[operator] = literal(operand, depth + 1)
    } else if (operator === '$size') {
      if (!Number.isSafeInteger(operand) || (operand as number) < 0) throw invalidWhere('$size needs a whole number')
      out[operator] = operand
    } else if (operator === '$elemMatch') {
      out[operator] = normalizeElemMatch(operand, depth + 1)
    } else if (operator === '$not') {
      if (!isPlainObject(operand) || Object.keys(operand).length === 0 || !Object.keys(operand).every(isOperator)) {
        throw invalidWhere('$not needs an object of operators')
      }
      out[operator] = normalizeOperators(operand, depth + 1, dateField)
    } else if (operator === '$regex') {
      out[operator] = compileRegex(operand, value.$options)
    } else if (operator === '$nearSphere') {
      out[operator] = nearSphere(operand, value.$maxDistance)
    } else if (operator === '$options' || operator === '$maxDistance') {
      const partner = operator === '$options' ? '$regex' : '$nearSphere'
      if (!Object.hasOwn(value, partner)) throw invalidWhere(`${operator} needs ${partner}`)
    } else {
      throw misplaced(operator, 'on a field')
    }
  }
  return out
}

// Mirrors mingo's (and MongoDB's) reading: operators only → applied to each element; otherwise a query document.
function normalizeElemMatch(operand: unknown, depth: number): Json {
  if (!isPlainObject(operand)) throw invalidWhere('$elemMatch needs an object')
  const keys = Object.keys(operand)
  const onElement = keys.length > 0 && keys.every((key) => isOperator(key) && !LOGICAL_OPERATORS.has(key))
  return onElement ? normalizeOperators(operand, depth) : normalizeDocument(operand, depth, NO_DATE_FIELDS)
}

/**
 * A value compared with a field: date strings of spec §5.8 become dates (spec
 * §11 "date values in where"); on a date field (`created_at`...) ISO 8601 and
 * wire-format strings do too, since clients echo back the dates they were sent.
 * Elsewhere those stay strings: a custom field may hold ISO text as text.
 */
function comparisonValue(value: unknown, depth: number, dateField: boolean): unknown {
  if (typeof value === 'string') {
    const date = parseCustomDate(value) ?? (dateField ? parseIsoDate(value) : undefined)
    if (date) return date
  }
  return literal(value, depth)
}

/** A JSON value taken as data; an operator inside it would be silently ignored by mingo, so refuse it. */
function literal(value: unknown, depth: number): unknown {
  checkDepth(depth)
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date) return value
  if (Array.isArray(value)) return value.map((item) => literal(item, depth + 1))
  if (!isPlainObject(value)) throw invalidWhere(`unsupported value ${String(value)}`)
  const out: Json = {}
  for (const [key, item] of Object.entries(value)) {
    checkKey(key)
    if (isOperator(key)) throw misplaced(key, 'inside a value')
    out[key] = literal(item, depth + 1)
  }
  return out
}

/** Spec §5.1 / §11 "$regex": prefix-only, short, flags `i` and `m` only. */
function compileRegex(pattern: unknown, options: unknown): RegExp {
  if (typeof pattern !== 'string') throw invalidWhere('$regex needs a string')
  if (pattern.length > MAX_REGEX_LENGTH) throw invalidWhere(`$regex longer than ${MAX_REGEX_LENGTH} characters`)
  if (!REGEX_PREFIX.test(pattern)) throw new ApiError(400, REGEX_PREFIX_MESSAGE)
  const flags = options ?? ''
  if (typeof flags !== 'string' || !/^[im]*$/.test(flags)) throw invalidWhere('$options may only hold i and m')
  try {
    return new RegExp(pattern, flags)
  } catch (error) {
    throw invalidWhere(`invalid regular expression (${(error as Error).message})`)
  }
}

/** Spec §5.1 geo: `[longitude, latitude]` and an optional distance in radians. */
function nearSphere(point: unknown, maxDistance: unknown): NearSphere {
  const valid =
    Array.isArray(point) &&
    point.length === 2 &&
    typeof point[0] === 'number' &&
    typeof point[1] === 'number' &&
    Math.abs(point[0]) <= 180 &&
    Math.abs(point[1]) <= 90
  if (!valid) throw invalidWhere('$nearSphere needs [longitude, latitude]')
  const near: [number, number] = [point[0], point[1]]
  if (maxDistance === undefined) return { near }
  if (typeof maxDistance !== 'number' || !(maxDistance >= 0)) {
    throw invalidWhere('$maxDistance needs a non-negative number of radians')
  }
  return { near, maxDistance }
}

/**
 * Validates a parsed `where` object and rewrites it for mingo (spec §5.1,
 * §11 "where", "$regex", "date values in where"): only the operators of
 * spec §5.1 in their proper places; code-running ones (`$where`,
 * `$function`, `$accumulator`, `$expr`, `$jsonSchema`) refused, never run;
 * non-empty `$and`/`$or`/`$nor` arrays; prefix-only `$regex` compiled to a
 * RegExp; §5.8 date strings turned into `Date`s; no `__proto__`,
 * `constructor` or `prototype` key anywhere; at most 32 levels deep. A
 * `$text` is accepted at the top level only and returned apart.
 *
 * @param where - the parsed `where`.
 * @param dateFields - fields holding dates, where ISO 8601 strings compare as dates too.
 * @throws ApiError 400 `Invalid where parameter: must be a JSON object` for
 *   anything but a plain object, `Invalid where parameter: <reason>` for a
 *   broken rule (the reason names the offending operator), or 400 with the
 *   exact §5.1 regex-prefix message.
 * @example
 * normalizeWhere({ $text: { $search: 'golf' }, age: { $gt: 28 } })
 * // { criteria: { age: { $gt: 28 } }, search: 'golf' }
 */
export function normalizeWhere(where: unknown, dateFields: ReadonlySet<string> = NO_DATE_FIELDS): NormalizedWhere {
  if (!isPlainObject(where)) throw invalidWhere('must be a JSON object')
  const { $text: text, ...rest } = where
  if (text === undefined) return { criteria: normalizeDocument(where, 1, dateFields) }
  const textKeys = isPlainObject(text) ? Object.keys(text) : []
  const unknown = textKeys.find((key) => key !== '$search')
  if (unknown !== undefined) throw misplaced(unknown, 'inside $text')
  if (!isPlainObject(text) || typeof text.$search !== 'string') throw invalidWhere('$text needs {"$search": "<words>"}')
  return { criteria: normalizeDocument(rest, 1, dateFields), search: text.$search }
}
