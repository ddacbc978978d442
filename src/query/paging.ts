import { ApiError } from '../errors.js'
import { integerValue, isAbsent } from '../param-values.js'

/** Query parameters that choose a page of `users/query` results (docs/api.md "Queries"). */
interface LimitSkipParams {
  limit?: unknown
  skip?: unknown
  page?: unknown
  per_page?: unknown
}

/** An offset page: at most `limit` results after skipping `skip` of them. */
interface LimitSkip {
  limit: number
  skip: number
}

/** A 1-based page of `users/search` results (docs/users.md "Search"). */
interface SearchPaging {
  page: number
  per_page: number
}

interface IntRule {
  name: string
  min: number
  max?: number
  fallback: number
}

const LIMIT: IntRule = { name: 'limit', min: 1, max: 1000, fallback: 10 }
const SKIP: IntRule = { name: 'skip', min: 0, max: 4999, fallback: 0 }
const PER_PAGE: IntRule = { name: 'per_page', min: 1, max: 1000, fallback: 10 }
const PAGE: IntRule = { name: 'page', min: 1, fallback: 1 }

/** The most `meta.count` reports as a number (docs/api.md "Queries"). */
const COUNT_CAP = 5000

function readInt(raw: unknown, rule: IntRule): number {
  if (isAbsent(raw)) return rule.fallback
  const value = integerValue(raw)
  const inRange = value !== undefined && value >= rule.min && (rule.max === undefined || value <= rule.max)
  if (inRange) return value
  const range =
    rule.max === undefined
      ? `value must be an integer of ${rule.min} or more`
      : `value must be in a valid range of ${rule.min}~${rule.max}`
  throw new ApiError(400, `Invalid ${rule.name} parameter; ${range}`)
}

/**
 * Reads `limit`/`skip` for `users/query` (docs/api.md "Queries"):
 * limit 1–1000 (default 10), skip 0–4999 (default 0). When neither is given
 * but `page`/`per_page` are, they are honoured as an offset (docs/api.md "Queries"):
 * limit = per_page (1–1000, default 10), skip = (page − 1) × per_page with
 * page ≥ 1 (default 1); the 4999 skip cap does not apply to that offset.
 * Values may be strings ("10") or JSON numbers.
 *
 * @throws ApiError 400 `Invalid limit parameter; value must be in a valid range of 1~1000`,
 *   `Invalid skip parameter; value must be in a valid range of 0~4999`,
 *   `Invalid per_page parameter; value must be in a valid range of 1~1000` or
 *   `Invalid page parameter; value must be an integer of 1 or more`.
 * @example
 * parseLimitSkip({ limit: '5', skip: '10' }) // { limit: 5, skip: 10 }
 * parseLimitSkip({ page: '3', per_page: '20' }) // { limit: 20, skip: 40 }
 */
export function parseLimitSkip(params: LimitSkipParams): LimitSkip {
  const usesLimitSkip = !isAbsent(params.limit) || !isAbsent(params.skip)
  const usesPages = !isAbsent(params.page) || !isAbsent(params.per_page)
  if (usesPages && !usesLimitSkip) {
    const { page, per_page } = parseSearchPaging(params)
    return { limit: per_page, skip: (page - 1) * per_page }
  }
  return { limit: readInt(params.limit, LIMIT), skip: readInt(params.skip, SKIP) }
}

/**
 * Reads `page`/`per_page` for `users/search` (docs/users.md "Search"):
 * page ≥ 1 (default 1), per_page 1–1000 (default 10).
 *
 * @throws ApiError 400 `Invalid page parameter; value must be an integer of 1 or more` or
 *   `Invalid per_page parameter; value must be in a valid range of 1~1000`.
 * @example
 * parseSearchPaging({ page: '2', per_page: '1' }) // { page: 2, per_page: 1 }
 */
export function parseSearchPaging(params: { page?: unknown; per_page?: unknown }): SearchPaging {
  return { page: readInt(params.page, PAGE), per_page: readInt(params.per_page, PER_PAGE) }
}

/**
 * The value of `meta.count` for `n` matches (docs/api.md "Queries"): the number itself,
 * or the string `"5000+"` above 5000.
 *
 * @example
 * formatCount(12) // 12
 * formatCount(5001) // '5000+'
 */
export function formatCount(n: number): number | '5000+' {
  return n > COUNT_CAP ? '5000+' : n
}
