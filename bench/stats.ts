/** The median of some samples (the mean of the middle two for an even count); NaN for none. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Runs `measure` for every item, `rounds` times, the items alternating within each round
 * (a, b, c, a, b, c, ...), so that a slow phase of the machine touches every item alike.
 *
 * @returns the samples of each item, in item order.
 */
export async function interleave<T, S>(rounds: number, items: readonly T[], measure: (item: T) => Promise<S>): Promise<S[][]> {
  const samples: S[][] = items.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (const [index, item] of items.entries()) samples[index]!.push(await measure(item))
  }
  return samples
}
