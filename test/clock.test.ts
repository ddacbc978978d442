import { describe, expect, it } from 'vitest'
import { Clock, parseDuration } from '../src/clock.js'

// The clock a test controls (docs/toolkit.md), on a fake real time so nothing depends on timing.
function fakeReal(start: number) {
  const real = { now: start }
  return { real, clock: new Clock(undefined, () => real.now) }
}

describe('Clock', () => {
  it('runs with the real time until moved', () => {
    const { real, clock } = fakeReal(Date.UTC(2025, 0, 1))
    real.now += 5000
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:05.000Z')
    expect(clock.state()).toEqual({ now: '2025-01-01T00:00:05.000Z', frozen: false })
  })

  it('frozen, stands still while real time passes; advance moves it by a duration text or ms', () => {
    const { real, clock } = fakeReal(Date.UTC(2025, 0, 1))
    clock.freeze()
    real.now += 60_000
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z')
    clock.advance('25h')
    expect(clock.now().toISOString()).toBe('2025-01-02T01:00:00.000Z')
    clock.advance(1500)
    expect(clock.state()).toEqual({ now: '2025-01-02T01:00:01.500Z', frozen: true })
  })

  it('set puts a frozen clock at the date, and a running one runs on from it; unfreeze runs on from where it stood', () => {
    const { real, clock } = fakeReal(Date.UTC(2025, 0, 1))
    clock.set('2030-06-01')
    real.now += 1000
    expect(clock.now().toISOString()).toBe('2030-06-01T00:00:01.000Z')
    clock.freeze()
    clock.set(new Date('2031-01-01T12:00:00Z'))
    real.now += 1000
    expect(clock.now().toISOString()).toBe('2031-01-01T12:00:00.000Z')
    clock.unfreeze()
    real.now += 2000
    expect(clock.state()).toEqual({ now: '2031-01-01T12:00:02.000Z', frozen: false })
  })

  it('starts frozen at a given time (deterministic mode)', () => {
    const clock = new Clock(new Date('2020-01-01T00:00:00Z'))
    expect(clock.state()).toEqual({ now: '2020-01-01T00:00:00.000Z', frozen: true })
  })

  it('refuses a text that is no date, and a duration it cannot read, leaving the time as it was', () => {
    const clock = new Clock(new Date('2020-01-01T00:00:00Z'))
    expect(() => clock.set('next tuesday')).toThrow(new RangeError('not a date: "next tuesday"; use ISO 8601, e.g. 2030-01-01T00:00:00Z'))
    expect(() => clock.set('2020-02-30')).toThrow(RangeError)
    expect(() => clock.advance('soon')).toThrow(/^not a duration: "soon"; use milliseconds or a text such as '25h'/)
    expect(() => clock.advance('')).toThrow(RangeError)
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError)
    expect(clock.now().toISOString()).toBe('2020-01-01T00:00:00.000Z')
  })
})

describe('parseDuration', () => {
  it('reads ms numbers and texts', () => {
    expect(parseDuration('30m')).toBe(1_800_000)
    expect(parseDuration('2 days')).toBe(172_800_000)
    expect(parseDuration('-1h')).toBe(-3_600_000)
    expect(parseDuration('1500')).toBe(1500)
    expect(parseDuration(42)).toBe(42)
  })
})
