import { describe, expect, it } from 'vitest'
import { parseCustomDate } from '../../src/query/date-value.js'

describe('parseCustomDate', () => {
  it('reads the custom-field date form with and without a space before the zone', () => {
    expect(parseCustomDate('2011-11-02 17:07:37 -0700')?.toISOString()).toBe('2011-11-03T00:07:37.000Z')
    expect(parseCustomDate('2020-01-01 03:30:00+0000')?.toISOString()).toBe('2020-01-01T03:30:00.000Z')
    expect(parseCustomDate('2020-01-01 03:30:00+0530')?.toISOString()).toBe('2019-12-31T22:00:00.000Z')
  })

  it('leaves other strings alone', () => {
    expect(parseCustomDate('2020-01-01')).toBeUndefined()
    expect(parseCustomDate('2020-01-01T03:30:00+0000')).toBeUndefined()
    expect(parseCustomDate('hello')).toBeUndefined()
  })

  it('does not roll impossible dates over into real ones', () => {
    expect(parseCustomDate('2020-02-31 00:00:00+0000')).toBeUndefined()
    expect(parseCustomDate('2020-13-01 00:00:00+0000')).toBeUndefined()
    expect(parseCustomDate('2020-01-01 24:00:00+0000')).toBeUndefined()
  })
})
