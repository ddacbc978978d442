import { RE2JS } from 're2js'
import { ApiError, invalidParameter } from '../errors.js'
import { FORBIDDEN_KEYS, isPlainObject } from '../json.js'
import { DateOrText, parseCustomDate, parseIsoDate } from './date-value.js'
import { isElementCriteria, type LinearRegex } from './mongo-operators.js'
import type { NearSphere } from './near-sphere.js'
import type { WhereLimits } from './where-limits.js'
import { raiseLimit } from '../limits.js'

/** A `where` after validation, ready for mingo, with any top-level `$text` taken out. */
interface NormalizedWhere {
  criteria: Record<string, unknown>
  /** The `$search` string of a top-level `$text`, if there was one. */
  search?: string
}

const invalidWhere = (reason: string): ApiError => invalidParameter('where', reason)

const REGEX_PREFIX_MESSAGE = 'This regex query is not supported, regex expression should start with ^letter or ^digit.'
const REGEX_PREFIX = /^\^[\p{L}\p{N}]/u

const CODE_OPERATORS = new Set(['$where', '$function', '$accumulator', '$expr', '$jsonSchema'])
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor'])
const COMPARISONS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte'])
const LIST_OPERATORS = new Set(['$in', '$nin', '$all'])
/** Every operator a `where` may use (docs/api.md "Queries", docs/users.md "Queries"); anything else is refused before mingo sees it. */
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

/**
 * Refuses a `where` nested deeper or holding more nodes than the limits
 * allow, before any other work. Walks with its own stack, so no depth of
 * input can overflow the call stack; stops at the first limit passed.
 */
function checkSize(where: unknown, { maxDepth, maxNodes }: WhereLimits): void {
  const pending: Array<[value: unknown, depth: number]> = [[where, 1]]
  let nodes = 0
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!
    if (depth > maxDepth) throw invalidWhere(`nested deeper than ${maxDepth} levels; ${raiseLimit('maxWhereDepth')}`)
    if (++nodes > maxNodes) throw invalidWhere(`more than ${maxNodes} values and operators; ${raiseLimit('maxWhereNodes')}`)
    if (typeof value === 'object' && value !== null) {
      for (const item of Object.values(value)) pending.push([item, depth + 1])
    }
  }
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
function normalizeDocument(value: unknown, regexLimit: number): Json {
  if (!isPlainObject(value)) throw invalidWhere('a condition must be a JSON object')
  const out: Json = {}
  for (const [key, operand] of Object.entries(value)) {
    checkKey(key)
    if (LOGICAL_OPERATORS.has(key)) {
      // MongoDB rejects an empty list; mingo would quietly match nothing ($or) or everything ($and, $nor).
      if (!Array.isArray(operand) || operand.length === 0) throw invalidWhere(`${key} must be a non-empty array`)
      out[key] = operand.map((item) => normalizeDocument(item, regexLimit))
    } else if (isOperator(key)) {
      throw misplaced(key, key === '$text' ? 'below the top level' : 'in place of a field name')
    } else {
      out[key] = normalizeCondition(operand, regexLimit)
    }
  }
  return out
}

/** The value given for a field: an operator object or a value to equal. */
function normalizeCondition(value: unknown, regexLimit: number): Json {
  if (isPlainObject(value) && Object.keys(value).some(isOperator)) return normalizeOperators(value, regexLimit)
  return { $eq: comparisonValue(value) }
}

/** `{"$gt": 1, "$lt": 5}` and friends, applied to one field or array element. */
function normalizeOperators(value: Json, regexLimit: number): Json {
  const out: Json = {}
  for (const [operator, operand] of Object.entries(value)) {
    checkKey(operator)
    if (!isOperator(operator)) throw invalidWhere(`cannot mix operators and field names (${operator})`)
    if (COMPARISONS.has(operator)) {
      out[operator] = comparisonValue(operand)
    } else if (LIST_OPERATORS.has(operator)) {
      out[operator] = listOperand(operator, operand, regexLimit)
    } else if (operator === '$exists') {
      out[operator] = literal(operand)
    } else if (operator === '$size') {
      if (!Number.isSafeInteger(operand) || (operand as number) < 0) throw invalidWhere('$size needs a whole number')
      out[operator] = operand
    } else if (operator === '$elemMatch') {
      out[operator] = normalizeElemMatch(operand, regexLimit)
    } else if (operator === '$not') {
      if (!isPlainObject(operand) || Object.keys(operand).length === 0 || !Object.keys(operand).every(isOperator)) {
        throw invalidWhere('$not needs an object of operators')
      }
      out[operator] = normalizeOperators(operand, regexLimit)
    } else if (operator === '$regex') {
      out.$linearRegex = compileRegex(operand, value.$options, regexLimit)
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
function normalizeElemMatch(operand: unknown, regexLimit: number): Json {
  if (!isPlainObject(operand)) throw invalidWhere('$elemMatch needs an object')
  const onElement = isElementCriteria(Object.keys(operand))
  return onElement ? normalizeOperators(operand, regexLimit) : normalizeDocument(operand, regexLimit)
}

const isElemMatchItem = (item: unknown): item is Json =>
  isPlainObject(item) && Object.keys(item).length === 1 && Object.hasOwn(item, '$elemMatch')

/**
 * The list of `$in`, `$nin` or `$all`: values, or for `$all` only
 * `{"$elemMatch": …}` items, which MongoDB allows but not mixed with values.
 */
function listOperand(operator: string, operand: unknown, regexLimit: number): unknown[] {
  if (!Array.isArray(operand)) throw invalidWhere(`${operator} needs an array`)
  if (operator !== '$all' || !operand.some(isElemMatchItem)) return operand.map((item) => comparisonValue(item))
  if (!operand.every(isElemMatchItem)) throw invalidWhere('$all cannot mix $elemMatch items and values')
  return operand.map((item) => ({ $elemMatch: normalizeElemMatch(item.$elemMatch, regexLimit) }))
}

/**
 * A value compared with a field. A custom-field date string (docs/api.md "Custom fields") becomes a date
 * (docs/api.md "Custom fields"). An ISO 8601 or wire-format string
 * (`2024-03-01`, `2011-11-03T00:07:37+0000`) becomes a {@link DateOrText}:
 * the instant for a field holding a date (built-in or custom), the text for
 * one holding text, since clients send back the dates replies showed them.
 */
function comparisonValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const customDate = parseCustomDate(value)
    if (customDate) return customDate
    const isoDate = parseIsoDate(value)
    if (isoDate) return new DateOrText(value, isoDate)
  }
  return literal(value)
}

/** A JSON value taken as data; an operator inside it would be silently ignored by mingo, so refuse it. */
function literal(value: unknown): unknown {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value
  if (Array.isArray(value)) return value.map(literal)
  if (!isPlainObject(value)) throw invalidWhere(`unsupported value ${String(value)}`)
  const out: Json = {}
  for (const [key, item] of Object.entries(value)) {
    checkKey(key)
    if (isOperator(key)) throw misplaced(key, 'inside a value')
    out[key] = literal(item)
  }
  return out
}

/**
 * A `$regex` (docs/api.md "Queries", docs/limits.md): prefix-only, at most `maxLength` characters,
 * flags `i` and `m` only. Compiled for RE2 (re2js), which matches in time
 * linear in the input, so no pattern (`^a(a+)+$`...) backtracks
 * catastrophically; lookarounds and backreferences, which RE2 lacks, are
 * refused as invalid.
 */
function compileRegex(pattern: unknown, options: unknown, maxLength: number): LinearRegex {
  if (typeof pattern !== 'string') throw invalidWhere('$regex needs a string')
  if (pattern.length > maxLength) throw invalidWhere(`$regex longer than ${maxLength} characters; ${raiseLimit('maxRegexLength')}`)
  if (!REGEX_PREFIX.test(pattern)) throw new ApiError(400, REGEX_PREFIX_MESSAGE)
  const flags = options ?? ''
  if (typeof flags !== 'string' || !/^[im]*$/.test(flags)) throw invalidWhere('$options may only hold i and m')
  const bits = (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0)
  try {
    return RE2JS.compile(pattern, bits)
  } catch (error) {
    throw invalidWhere(`invalid regular expression (${(error as Error).message})`)
  }
}

/** The earth's radius MongoDB takes for spherical distances, in metres. */
const EARTH_RADIUS_METRES = 6378100

/**
 * The geo condition (`$nearSphere`): `[longitude, latitude]` and an optional distance in radians,
 * or MongoDB's GeoJSON form `{"$geometry": {"type": "Point", "coordinates": [lng, lat]},
 * "$maxDistance": metres}` (docs/api.md "Queries").
 */
function nearSphere(point: unknown, maxDistance: unknown): NearSphere {
  if (isPlainObject(point) && Object.hasOwn(point, '$geometry')) return geoJsonNear(point)
  const near = lngLat(point)
  if (near === undefined) throw invalidWhere('$nearSphere needs [longitude, latitude]')
  if (maxDistance === undefined) return { near }
  if (typeof maxDistance !== 'number' || !(maxDistance >= 0)) {
    throw invalidWhere('$maxDistance needs a non-negative number of radians')
  }
  return { near, maxDistance }
}

/** `{"$geometry": {"type": "Point", "coordinates": [lng, lat]}, "$maxDistance": metres}`, the distance made radians. */
function geoJsonNear(operand: Record<string, unknown>): NearSphere {
  const { $geometry: geometry, $maxDistance: metres, ...rest } = operand
  const near = isPlainObject(geometry) && geometry.type === 'Point' ? lngLat(geometry.coordinates) : undefined
  if (near === undefined || Object.keys(rest).length > 0) {
    throw invalidWhere('$nearSphere needs {"$geometry": {"type": "Point", "coordinates": [longitude, latitude]}, "$maxDistance": metres}')
  }
  if (metres === undefined) return { near }
  if (typeof metres !== 'number' || !(metres >= 0)) throw invalidWhere('$maxDistance needs a non-negative number of metres')
  return { near, maxDistance: metres / EARTH_RADIUS_METRES }
}

/** A `[longitude, latitude]` pair in range, or undefined. */
function lngLat(point: unknown): [number, number] | undefined {
  const valid =
    Array.isArray(point) &&
    point.length === 2 &&
    typeof point[0] === 'number' &&
    typeof point[1] === 'number' &&
    Math.abs(point[0]) <= 180 &&
    Math.abs(point[1]) <= 90
  return valid ? [point[0], point[1]] : undefined
}

/**
 * Validates a parsed `where` object and rewrites it for mingo (docs/api.md
 * "Queries", docs/limits.md): within the size limits;
 * only the operators a `where` may use, in their proper places; code-running ones
 * (`$where`, `$function`, `$accumulator`, `$expr`, `$jsonSchema`) refused,
 * never run; non-empty `$and`/`$or`/`$nor` arrays; prefix-only `$regex`
 * compiled for RE2 as `$linearRegex`; date strings turned into dates; every
 * plain field value as an explicit `$eq`; no `__proto__`, `constructor` or
 * `prototype` key anywhere. A `$text` is accepted at the top level only and
 * returned apart.
 *
 * @param where - the parsed `where`.
 * @param limits - depth, node and `$regex` length limits (see where-limits.ts).
 * @throws ApiError 400 `Invalid where parameter: must be a JSON object` for
 *   anything but a plain object, `Invalid where parameter: <reason>` for a
 *   broken rule or limit (the reason names the offending operator or limit),
 *   or 400 with the exact regex-prefix message of the real service.
 * @example
 * normalizeWhere({ $text: { $search: 'golf' }, age: { $gt: 28 } }, whereLimits())
 * // { criteria: { age: { $gt: 28 } }, search: 'golf' }
 */
export function normalizeWhere(where: unknown, limits: WhereLimits): NormalizedWhere {
  if (!isPlainObject(where)) throw invalidWhere('must be a JSON object')
  checkSize(where, limits)
  const { maxRegexLength } = limits
  const { $text: text, ...rest } = where
  if (text === undefined) return { criteria: normalizeDocument(where, maxRegexLength) }
  const textKeys = isPlainObject(text) ? Object.keys(text) : []
  const unknown = textKeys.find((key) => key !== '$search')
  if (unknown !== undefined) throw misplaced(unknown, 'inside $text')
  if (!isPlainObject(text) || typeof text.$search !== 'string') throw invalidWhere('$text needs {"$search": "<words>"}')
  return { criteria: normalizeDocument(rest, maxRegexLength), search: text.$search }
}
