import { describe, expect, it } from 'vitest'
import { formatCount, parseLimitSkip, parseSearchPaging } from '../../src/query/paging.js'
import { expectApiError } from '../support/expect-api-error.js'

const LIMIT_MESSAGE = 'Invalid limit parameter; value must be in a valid range of 1~1000'
const SKIP_MESSAGE = 'Invalid skip parameter; value must be in a valid range of 0~4999'
const PER_PAGE_MESSAGE = 'Invalid per_page parameter; value must be in a valid range of 1~1000'
const PAGE_MESSAGE = 'Invalid page parameter; value must be an integer of 1 or more'

describe('paging', () => {
  it('gives 10 results from the start when nothing is asked (B07)', () => {
    expect(parseLimitSkip({})).toEqual({ limit: 10, skip: 0 })
  })

  it('reads limit and skip from strings and JSON numbers', () => {
    expect(parseLimitSkip({ limit: '5', skip: '20' })).toEqual({ limit: 5, skip: 20 })
    expect(parseLimitSkip({ limit: 1000, skip: 4999 })).toEqual({ limit: 1000, skip: 4999 })
    expect(parseLimitSkip({ limit: '1', skip: '0' })).toEqual({ limit: 1, skip: 0 })
  })

  it('treats an empty form field as absent', () => {
    expect(parseLimitSkip({ limit: '', skip: '' })).toEqual({ limit: 10, skip: 0 })
  })

  it.each(['1001', '0', '-1', '2.5', 'ten', 1001, 0, 2.5, true])('answers limit=%j with 400 (B07)', (limit) => {
    expectApiError(() => parseLimitSkip({ limit }), 400, LIMIT_MESSAGE)
  })

  it.each(['5000', '-1', '1.5', 'x', 5000])('answers skip=%j with 400 (B07)', (skip) => {
    expectApiError(() => parseLimitSkip({ skip }), 400, SKIP_MESSAGE)
  })

  it('accepts skip=4999, the last allowed offset (B07)', () => {
    expect(parseLimitSkip({ skip: '4999' }).skip).toBe(4999)
  })

  it('honours page/per_page on query as an offset when limit/skip are absent', () => {
    expect(parseLimitSkip({ page: '3', per_page: '20' })).toEqual({ limit: 20, skip: 40 })
    expect(parseLimitSkip({ page: '2' })).toEqual({ limit: 10, skip: 10 })
    expect(parseLimitSkip({ per_page: 7 })).toEqual({ limit: 7, skip: 0 })
  })

  it('lets page/per_page reach past the 4999 skip cap', () => {
    expect(parseLimitSkip({ page: '1001', per_page: '10' })).toEqual({ limit: 10, skip: 10000 })
  })

  it('ignores page/per_page when limit or skip is given', () => {
    expect(parseLimitSkip({ limit: '3', page: '5', per_page: '50' })).toEqual({ limit: 3, skip: 0 })
  })

  it('answers a bad page or per_page on query with 400', () => {
    expectApiError(() => parseLimitSkip({ page: '0' }), 400, PAGE_MESSAGE)
    expectApiError(() => parseLimitSkip({ per_page: '1001' }), 400, PER_PAGE_MESSAGE)
  })

  it('pages search results from page 1, 10 per page, by default', () => {
    expect(parseSearchPaging({})).toEqual({ page: 1, per_page: 10 })
    expect(parseSearchPaging({ page: '2', per_page: '1' })).toEqual({ page: 2, per_page: 1 })
  })

  it.each(['0', '-2', 'first', '1.5'])('answers search page=%j with 400', (page) => {
    expectApiError(() => parseSearchPaging({ page }), 400, PAGE_MESSAGE)
  })

  it.each(['0', '1001', 'x'])('answers search per_page=%j with 400', (per_page) => {
    expectApiError(() => parseSearchPaging({ per_page }), 400, PER_PAGE_MESSAGE)
  })

  it('reports counts up to 5000 as numbers and more as "5000+" (B08)', () => {
    expect(formatCount(0)).toBe(0)
    expect(formatCount(5)).toBe(5)
    expect(formatCount(5000)).toBe(5000)
    expect(formatCount(5001)).toBe('5000+')
  })
})
