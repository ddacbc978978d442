import { Query } from 'mingo/query'
import { invalidParameter } from '../errors.js'
import { jsonParam } from '../param-values.js'
import { MONGO_QUERY_CONTEXT } from './mongo-operators.js'
import { compileNearOrder } from './near-order.js'
import type { DocSort } from './order.js'
import { compileKeywords } from './text.js'
import { whereLimits, type WhereLimits } from './where-limits.js'
import { normalizeWhere } from './where-tree.js'

/**
 * A compiled `where`: true when a query doc matches; `byDistance` is the nearest-first order of a
 * `where` holding `$nearSphere` (see near-order.ts), absent otherwise.
 */
export type WherePredicate = ((doc: Record<string, unknown>) => boolean) & { readonly byDistance?: DocSort }

/**
 * Compiles the `where` parameter of `users/query`, `users/count` and
 * `users/batch_delete` (docs/api.md "Queries",
 * "Custom fields"; docs/users.md "Search" for `$text`).
 *
 * Matching follows MongoDB, not mingo, where the two differ (see
 * `mongo-operators.ts` and `test/query/mongodb-divergences.md`): type
 * bracketing, null matching a missing field, element-wise matching of
 * arrays, key order in embedded documents, `$in`/`$nin` with array operands
 *, `$all` on scalars. Date strings compare with date
 * fields by instant (see `where-tree.ts`). A top-level
 * `$text: {"$search": …}` is matched by {@link compileKeywords} and ANDed
 * with the rest.
 *
 * @param raw - a JSON string (form, query string) or an already parsed
 *   value (JSON body). `undefined` or `''`: no condition.
 * @param limits - overrides of the size limits of where-limits.ts
 *   (`maxDepth`, `maxNodes`, `maxRegexLength`); the defaults otherwise.
 * @returns a predicate over query docs (plain objects with custom fields at
 *   the top level, `id` and `_id` both set, dates as `Date`s) carrying the
 *   nearest-first order of a `$nearSphere` as `byDistance`, or undefined
 *   when there is no `where`, so the caller can skip building docs.
 * @throws ApiError 400 `Invalid where parameter: <reason>` for text that is
 *   not JSON, a value that is not a JSON object, a limit passed, or any rule
 *   of {@link normalizeWhere} or {@link compileNearOrder}, or `$text` with
 *   `$nearSphere`; 400 with the real service's message for a regex that
 *   does not start with `^` and a letter or digit.
 * @example
 * const match = compileWhere('{"color":{"$in":["blue","red"]}}')
 * match({ id: 'x', _id: 'x', color: 'red' }) // true
 * compileWhere('{"a":{"$regex":"^a(a+)+$"}}', { maxRegexLength: 64 }) // linear-time match
 */
export function compileWhere(raw: unknown, limits: Partial<WhereLimits> = {}): WherePredicate | undefined {
  if (raw === undefined || raw === '') return undefined
  const { criteria, search } = normalizeWhere(jsonParam('where', raw), whereLimits(limits))
  const byDistance = compileNearOrder(criteria)
  // MongoDB refuses a text search and a geo sort in one query.
  if (search !== undefined && byDistance !== undefined) throw invalidParameter('where', '$text and $nearSphere cannot be used together')
  const query = new Query(criteria, { context: MONGO_QUERY_CONTEXT, scriptEnabled: false })
  const keywords = search === undefined ? undefined : compileKeywords(search)
  const match = keywords === undefined ? (doc: Record<string, unknown>) => query.test(doc) : (doc: Record<string, unknown>) => keywords(doc) && query.test(doc)
  return Object.assign(match, { byDistance })
}
