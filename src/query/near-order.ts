import { ApiError, invalidParameter } from '../errors.js'
import { isPlainObject } from '../json.js'
import { pathReader } from './field-path.js'
import { nearestDistance, type NearSphere } from './near-sphere.js'
import type { DocSort } from './order.js'

const invalidWhere = (reason: string): ApiError => invalidParameter('where', reason)

/** The `$nearSphere` condition that orders a query, and the field it is on. */
interface NearCondition {
  path: string
  near: NearSphere
}

const containsNear = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(containsNear)
    : isPlainObject(value) && Object.entries(value).some(([key, item]) => key === '$nearSphere' || containsNear(item))

/**
 * The `$nearSphere` conditions of a query document that MongoDB sorts by: on a field at the top level, in any
 * `$and`, or in an `$or` of one clause; one anywhere else (an `$or` of more clauses, `$nor`, `$not`, `$elemMatch`) is refused.
 */
function nearConditions(document: Record<string, unknown>): NearCondition[] {
  const found: NearCondition[] = []
  for (const [key, operand] of Object.entries(document)) {
    if ((key === '$and' || key === '$or') && Array.isArray(operand) && (key === '$and' || operand.length === 1)) {
      for (const clause of operand) found.push(...nearConditions(clause as Record<string, unknown>))
    } else if (key.startsWith('$')) {
      if (containsNear(operand)) throw invalidWhere(`$nearSphere is not allowed inside ${key === '$or' ? 'an $or of more than one clause' : key}`)
    } else if (isPlainObject(operand)) {
      const { $nearSphere: near, ...rest } = operand
      if (containsNear(rest)) throw invalidWhere(`$nearSphere is not allowed inside ${Object.keys(rest).find((op) => containsNear(rest[op]))}`)
      if (near !== undefined) found.push({ path: key, near: near as NearSphere })
    }
  }
  return found
}

/**
 * The order MongoDB gives the matches of a `where` holding `$nearSphere` (docs/api.md "Queries"): nearest
 * first, by great-circle distance from the point to the record's nearest point on that field; equal
 * distances keep the order they came in. A query's `order` replaces it; `skip`/`limit` page the sorted
 * matches.
 *
 * @param criteria - a `where` after `normalizeWhere` (its `$nearSphere` operands are {@link NearSphere}s).
 * @returns a {@link DocSort}, or undefined when the `where` has no `$nearSphere`.
 * @throws ApiError 400 `Invalid where parameter: …` for more than one `$nearSphere`, or one inside an `$or`
 *   of more than one clause, a `$nor`, a `$not` or an `$elemMatch` (MongoDB refuses those queries too).
 */
export function compileNearOrder(criteria: Record<string, unknown>): DocSort | undefined {
  const conditions = nearConditions(criteria)
  if (conditions.length > 1) throw invalidWhere('only one $nearSphere is allowed in a where')
  const [condition] = conditions
  if (condition === undefined) return undefined
  const read = pathReader(condition.path)
  const distanceOf = (doc: Record<string, unknown>): number => nearestDistance(read(doc).values, condition.near.near)
  return (items, docOf) =>
    items
      .map((item) => ({ item, distance: distanceOf(docOf(item)) }))
      .sort((a, b) => a.distance - b.distance)
      .map(({ item }) => item)
}
