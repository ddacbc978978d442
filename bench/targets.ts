import type { Figure } from './figure.js'

/**
 * The targets of issue 5 ("Targets", ratios of the same run on this 2-core machine) and the
 * ratios they are judged on. A ratio links a figure to its reference: a floor for throughput,
 * the 1,000-user figure for how a lookup grows with the data.
 */

interface Rule {
  /** Reference figure id for the ratio, when the figure has one. */
  ratioTo?: string
  /** The goal as printed, and its test on the figure (its value, or its ratio). */
  target?: { text: string; met: (value: number, ratio: number | null) => boolean }
}

const atLeast = (share: number, floor: string): Rule['target'] => ({
  text: `≥ ${share} × ${floor}`,
  met: (_value, ratio) => ratio !== null && ratio >= share,
})
const under = (limit: number, unit: string): Rule['target'] => ({ text: `< ${limit} ${unit}`, met: (value) => value < limit })
/** "The same time at 100k users as at 1k": within half again, so that noise is not a miss and a scan (×100) is. */
const flat: Rule['target'] = { text: '≤ 1.5 × at 1k (an index)', met: (_value, ratio) => ratio !== null && ratio <= 1.5 }

const FIXED = 'http.floor-fixed'
const FILTER = 'http.floor-filter'
const FILTER_OBJECTS = 'http.floor-filter-objects'

const RULES: Record<string, Rule> = {
  'http.show-me': { ratioTo: FIXED, target: atLeast(0.7, 'fixed floor') },
  'http.show-id': { ratioTo: FIXED, target: atLeast(0.7, 'fixed floor') },
  'http.login': { ratioTo: FIXED, target: atLeast(0.3, 'fixed floor') },
  'http.create': { ratioTo: FIXED, target: atLeast(0.3, 'fixed floor') },
  'http.query': { ratioTo: FILTER, target: atLeast(0.5, 'filter floor') },
  'http.query-order': { ratioTo: FILTER },
  'http.query-count': { ratioTo: FILTER },
  'http.search': { ratioTo: FILTER },
  'http.objects-create': { ratioTo: FIXED },
  'http.objects-query': { ratioTo: FILTER_OBJECTS, target: atLeast(0.5, 'objects filter floor') },
  'http.photos-create': { ratioTo: FIXED },
  'http.photos-show': { ratioTo: FIXED },
  'http.notify-1000': { ratioTo: FIXED },
  'startup.spawn-10k': { target: under(500, 'ms') },
  'startup.in-process': { target: under(50, 'ms') },
  'reset.1k': { target: under(1, 'ms') },
  'reset.100k': { target: under(50, 'ms') },
  'memory.100k': { target: under(250, 'MB') },
  'scaling.query.10k': { ratioTo: 'scaling.query.1k' },
  'scaling.query.100k': { ratioTo: 'scaling.query.1k' },
  ...Object.fromEntries(
    ['id', 'username', 'email', 'login'].flatMap((lookup) => [
      [`scaling.${lookup}.10k`, { ratioTo: `scaling.${lookup}.1k` }],
      [`scaling.${lookup}.100k`, { ratioTo: `scaling.${lookup}.1k`, target: flat }],
    ]),
  ),
}

/**
 * Adds each figure's ratio and target verdict. An INVALID figure, or one whose reference is
 * INVALID, gets a null ratio and a missed target.
 */
export function judge(figures: readonly Figure[]): Figure[] {
  const byId = new Map(figures.map((item) => [item.id, item]))
  return figures.map((item) => {
    const rule = RULES[item.id]
    if (!rule) return item
    const judged: Figure = { ...item }
    let ratio: number | null = null
    if (rule.ratioTo !== undefined) {
      const reference = byId.get(rule.ratioTo)?.value ?? null
      ratio = item.value === null || reference === null ? null : item.value / reference
      judged.ratio = { to: rule.ratioTo, value: ratio }
    }
    if (rule.target) {
      judged.target = { text: rule.target.text, met: item.value !== null && rule.target.met(item.value, ratio) }
    }
    return judged
  })
}
