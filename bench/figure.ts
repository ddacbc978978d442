import { median } from './stats.js'

/** Units of the benchmark's figures. `MB` is 10^6 bytes. */
export type Unit = 'req/s' | 'ms' | 'µs' | 'MB'

/**
 * One figure of the benchmark: the median of interleaved samples, or INVALID (`value` null) when
 * any sample met a non-2xx answer or an error: a failing server must never look fast.
 */
export interface Figure {
  /** Stable name, e.g. `http.show-me`, `reset.100k`; the key of results.json and of the targets. */
  id: string
  /** Table heading it is printed under. */
  section: string
  label: string
  unit: Unit
  /** Median of `samples`; null when invalid. */
  value: number | null
  samples: number[]
  /** Why the figure is INVALID; absent when valid. */
  invalid?: string
  /** `value` ÷ the figure named by `to` (a floor of the same run, or the same lookup at 1k users). */
  ratio?: { to: string; value: number | null }
  /** The goal of issue 5 for this figure, and whether this run met it. */
  target?: { text: string; met: boolean }
}

/** What one measurement gives: a number, or the reason it is not to be trusted. */
export type Sample = { value: number } | { invalid: string }

/**
 * A figure from its samples: the median of the values, or INVALID with the first sample's reason.
 *
 * @example
 * figure({ id: 'reset.1k', section: 'Reset', label: '1,000 users', unit: 'ms' }, [{ value: 0.4 }, { value: 0.5 }])
 */
export function figure(head: Pick<Figure, 'id' | 'section' | 'label' | 'unit'>, samples: readonly Sample[]): Figure {
  const values = samples.flatMap((sample) => ('value' in sample ? [sample.value] : []))
  const bad = samples.find((sample): sample is { invalid: string } => 'invalid' in sample)
  if (bad) return { ...head, value: null, samples: values, invalid: bad.invalid }
  return { ...head, value: median(values), samples: values }
}
