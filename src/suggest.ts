/**
 * "Did you mean" for a mistyped name: a command-line flag (`--prot` → `--port`) or an option
 * (`fixture` → `fixtures`).
 */

/**
 * The known name closest to `name`, when it is a likely typo: at most two edits away (an edit
 * adds, removes or changes one character; letter case counts as no edit), or else the only known
 * name that starts with it (`maxBody` → `maxBodyBytes`).
 *
 * @example
 * closest('fixture', ['fixtures', 'data']) // 'fixtures'
 * closest('colour', ['fixtures', 'data']) // undefined
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  const near = nearest(name, known)
  if (near !== undefined || name.length < 3) return near
  const longer = known.filter((candidate) => candidate.toLowerCase().startsWith(name.toLowerCase()))
  return longer.length === 1 ? longer[0] : undefined
}

function nearest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    row = next
  }
  return row[b.length]!
}
