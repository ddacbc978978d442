import { ApiError } from '../errors.js'
import type { Params } from '../param-values.js'
import { parseSearchPaging } from '../query/paging.js'
import type { Endpoint } from './object.js'

/**
 * The deprecated `search.json` endpoints (`users/search`, `places/search`, `events/search`, ...,
 * docs/app-settings.md `legacySearch`): every one is made by wrapping its endpoint here, and
 * pages its matches with {@link searchPage}.
 */

/** 410 of a deprecated search endpoint while the `legacySearch` app setting is false. */
export const searchDeprecated = (): ApiError => new ApiError(410, 'search.json has been deprecated. Please use $text query')

/**
 * A deprecated `search.json` endpoint: answers as `endpoint` while the app's `legacySearch` setting
 * is true (the default), and 410 `search.json has been deprecated. Please use $text query` (with the
 * endpoint's own `method_name`) while it is false, before anything else is read
 * (docs/app-settings.md).
 *
 * @example
 * deprecatedSearch(endpoint('places/search', 'searchPlace', ['GET'], ({ service, params }) => service.search(params)))
 */
export function deprecatedSearch<S>(endpoint: Endpoint<S>): Endpoint<S> {
  return {
    ...endpoint,
    call(call) {
      if (!call.settings.legacySearch) throw searchDeprecated()
      return endpoint.call(call)
    },
  }
}

/**
 * One page of a search's matches, in the order given, with the paging meta every search reply
 * carries (docs/users.md "Search"): `page` ≥ 1 (default 1), `per_page` 1–1000 (default 10),
 * `total_pages`, `total_results`.
 *
 * @throws ApiError 400 `Invalid page parameter; ...` / `Invalid per_page parameter; ...`.
 * @example
 * searchPage(['a', 'b', 'c'], { page: '2', per_page: '2' })
 * // { records: ['c'], meta: { page: 2, per_page: 2, total_pages: 2, total_results: 3 } }
 */
export function searchPage<T>(matches: readonly T[], params: Params): { records: T[]; meta: Record<string, number> } {
  const { page, per_page } = parseSearchPaging(params)
  return {
    records: matches.slice((page - 1) * per_page, page * per_page),
    meta: { page, per_page, total_pages: Math.ceil(matches.length / per_page), total_results: matches.length },
  }
}
