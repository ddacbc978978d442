import { parseBoolean, type Params } from '../param-values.js'
import { compileOrder } from '../query/order.js'
import { formatCount, parseLimitSkip, parseSearchPaging } from '../query/paging.js'
import { compileSelection } from '../query/select.js'
import { compileWhere } from '../query/where.js'
import type { WhereLimits } from '../query/where-limits.js'
import type { Collection } from '../store/collection.js'
import type { StoredRecord } from '../store/stored-record.js'

/** A record as a `where`, `order` or `$text` sees it; made once per stored record and shared, never changed. */
export type QueryDoc = Readonly<Record<string, unknown>>

/**
 * What a query runs over: a collection (or records worked out for the call, such as event
 * occurrences, given in their default order), how its records look to a `where`, and who may read them.
 */
export interface QuerySource<R extends StoredRecord> {
  readonly collection: Pick<Collection<R>, 'scan'>
  /** The record's query document (custom fields at the top level, dates as `Date`s); cache it per record. */
  toQueryDoc(record: R): QueryDoc
  readonly whereLimits: Partial<WhereLimits>
  /** Whether the caller may read the record (ACLs); unreadable records are absent from results and counts. */
  readable?(record: R): boolean
  /** The `legacyPaging` app setting in force (docs/app-settings.md); absent: off. */
  legacyPaging?(): boolean
  /** The order of the matches when the call sends no `order` (a friend list: oldest friendship first); absent: id order. */
  defaultOrder?(records: R[]): R[]
}

/**
 * A query's page of records, with `meta` to add (`count` when asked for; `page`, `per_page`,
 * `total_pages` and `total_results` under the `legacyPaging` app setting), and the `sel`/`unsel`
 * projection of wire records.
 */
export interface QueryPage<R> {
  records: R[]
  meta: Record<string, unknown>
  /** Applies `sel`/`unsel` to a rendered record; identity when neither was sent. */
  select(wire: Record<string, unknown>): Record<string, unknown>
}

/**
 * Runs a `query.json` call over a collection (docs/api.md "Queries"): `where`, `order`,
 * `sel`/`unsel`, `limit`/`skip` (or `page`/`per_page` as an offset) and `count`, in id order
 * (creation order, or the source's `defaultOrder`) unless `order` says otherwise or the `where` holds a
 * `$nearSphere` (then nearest first, docs/api.md "Queries"); ties keep that order. Under the `legacyPaging`
 * app setting the reply's meta also carries the page (docs/app-settings.md), unless the call sends
 * `new_pagination=true`.
 *
 * @throws ApiError 400 for a `where`, `order`, `sel`, `limit` or `skip` it cannot read.
 */
export function runQuery<R extends StoredRecord>(params: Params, source: QuerySource<R>): QueryPage<R> {
  const select = compileSelection(params.sel, params.unsel)
  const { limit, skip } = parseLimitSkip(params)
  const where = compileWhere(params.where, source.whereLimits)
  // An `order` replaces the nearest-first order of a `$nearSphere`, which replaces the default order (MongoDB's rule).
  const order = compileOrder(params.order) ?? where?.byDistance
  const counted = parseBoolean(params.count)
  const paged = source.legacyPaging?.() === true && parseBoolean(params.new_pagination) !== true
  const matches = scanMatching(source, where, order || counted || paged || source.defaultOrder ? Infinity : skip + limit)
  const ordered = order ? order(matches, source.toQueryDoc) : source.defaultOrder ? source.defaultOrder(matches) : matches
  return {
    records: ordered.slice(skip, skip + limit),
    meta: {
      ...(counted && { count: formatCount(matches.length) }),
      ...(paged && legacyPageMeta(params, skip, limit, matches.length)),
    },
    select: select ?? ((wire) => wire),
  }
}

/**
 * The paging meta of apps made before ACS 1.1.5: from `page`/`per_page` when the call sent them,
 * else from `skip`/`limit` (the page `skip` falls in).
 */
function legacyPageMeta(params: Params, skip: number, limit: number, total: number): Record<string, number> {
  const byPage = params.page !== undefined || params.per_page !== undefined
  const { page, per_page } = byPage ? parseSearchPaging(params) : { page: Math.floor(skip / limit) + 1, per_page: limit }
  return { page, per_page, total_pages: Math.ceil(total / per_page), total_results: total }
}

/**
 * The records a compiled `where` accepts (all without one) that the caller may read, in id
 * order; the first `wanted` only when fewer are needed (a page with no order and no count).
 */
export function scanMatching<R extends StoredRecord>(
  source: QuerySource<R>,
  where: ((doc: QueryDoc) => boolean) | undefined,
  wanted = Infinity,
): R[] {
  const { readable, toQueryDoc } = source
  if (where === undefined && readable === undefined) return source.collection.scan(undefined, wanted)
  return source.collection.scan(
    (record) => (readable === undefined || readable(record)) && (where === undefined || where(toQueryDoc(record))),
    wanted,
  )
}
