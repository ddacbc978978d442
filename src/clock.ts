import ms from 'ms'
import { parseIsoDate } from './query/date-value.js'

/** What {@link Clock.state} reports, and `GET /__mock/clock` answers. */
export interface ClockState {
  /** The clock's time now, ISO 8601 UTC with milliseconds. */
  now: string
  /** True while the clock stands still (frozen, or deterministic mode). */
  frozen: boolean
}

/**
 * A server's clock, which a test controls (docs/toolkit.md): it runs with the real
 * time until frozen, set or advanced, and then keeps the offset it was given.
 * It drives `created_at`/`updated_at`, ids' time part, session expiry and token
 * expiry, through the server's {@link Runtime}. One per server, never global,
 * so servers in one process do not move each other's time.
 *
 * Moving it back is allowed (a test of "a date in the past"); ids made after
 * that sort before the ones made earlier.
 *
 * @example
 * const clock = new Clock()
 * clock.freeze()
 * clock.advance('25h') // a day and an hour later, to the millisecond
 * clock.set('2030-01-01T00:00:00Z')
 * clock.unfreeze() // runs on from 2030-01-01
 */
export class Clock {
  /** While frozen: the time it stands at, ms since the epoch. */
  private frozenAt: number | undefined
  /** While running: what is added to the real time, ms. */
  private offset = 0

  /**
   * @param start - a time to stand frozen at from the beginning (deterministic mode); default: run with the real time.
   * @param realNow - the real time in ms since the epoch; tests of the clock pass their own.
   */
  constructor(
    start?: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    if (start !== undefined) this.frozenAt = start.getTime()
  }

  /** The clock's current time. */
  now(): Date {
    return new Date(this.frozenAt ?? this.realNow() + this.offset)
  }

  /** Stops the clock at its current time; it stays there until set, advanced or unfrozen. */
  freeze(): void {
    this.frozenAt = this.now().getTime()
  }

  /** Lets a frozen clock run again from where it stands. */
  unfreeze(): void {
    if (this.frozenAt === undefined) return
    this.offset = this.frozenAt - this.realNow()
    this.frozenAt = undefined
  }

  /**
   * Puts the clock at `at`; a frozen clock stays frozen there, a running one runs on from it.
   *
   * @param at - a Date, or an ISO 8601 text as fixtures take it (`2030-01-01`, `2030-01-01T10:00:00Z`; no zone = UTC).
   * @throws RangeError for an invalid date.
   */
  set(at: Date | string): void {
    const time = typeof at === 'string' ? parseIsoDate(at)?.getTime() : at.getTime()
    if (time === undefined || Number.isNaN(time)) {
      throw new RangeError(`not a date: ${JSON.stringify(typeof at === 'string' ? at : String(at))}; use ISO 8601, e.g. 2030-01-01T00:00:00Z`)
    }
    if (this.frozenAt !== undefined) this.frozenAt = time
    else this.offset = time - this.realNow()
  }

  /**
   * Moves the clock forward (or back, for a negative duration).
   *
   * @param duration - milliseconds, or a duration text as the `ms` library reads it: `'25h'`, `'30m'`, `'2 days'`, `'-1h'`.
   * @throws RangeError for a text that is no duration or a number that is not finite.
   */
  advance(duration: string | number): void {
    const millis = parseDuration(duration)
    if (this.frozenAt !== undefined) this.frozenAt += millis
    else this.offset += millis
  }

  /** The time and whether the clock is frozen. */
  state(): ClockState {
    return { now: this.now().toISOString(), frozen: this.frozenAt !== undefined }
  }
}

/**
 * A duration in ms: a number as it is, a text as `ms` reads it (`'25h'`, `'30m'`, `'1500'`).
 *
 * @throws RangeError naming the value and the accepted forms.
 * @example
 * parseDuration('30m') // 1800000
 */
export function parseDuration(duration: string | number): number {
  let millis: number | undefined
  try {
    millis = typeof duration === 'number' ? duration : ms(duration as ms.StringValue)
  } catch {
    // ms throws for an empty text; answered below like any other text that is no duration.
  }
  if (typeof millis !== 'number' || !Number.isFinite(millis)) {
    throw new RangeError(`not a duration: ${JSON.stringify(duration)}; use milliseconds or a text such as '25h', '30m', '2 days'`)
  }
  return millis
}
