const TRUE_WORDS = new Set(['true', 't', '1', 'yes'])
const FALSE_WORDS = new Set(['false', 'f', '0', 'no', ''])

/**
 * Reads a boolean parameter the way ArrowDB clients send them (spec §11
 * "booleans"): `true`, `t`, `1`, `yes` (any case) are true; everything else,
 * including `false`/`f`/`0`/`no`, empty and absent, is false. Real booleans
 * (JSON bodies) pass through and the number 1 counts as `1`. Never throws:
 * ti.cloud sends `1`/`0` (case B08) and an unrecognised word is simply "not set".
 *
 * @param raw - a string from a form or query string, or a JSON value.
 * @returns the boolean it stands for.
 * @example
 * parseBoolean('1') // true
 * parseBoolean('No') // false
 */
export function parseBoolean(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw
  if (typeof raw === 'number') return raw === 1
  if (typeof raw !== 'string') return false
  return TRUE_WORDS.has(raw.trim().toLowerCase())
}

/**
 * Like {@link parseBoolean}, but undefined for anything that is not one of the
 * words of spec §11 "booleans" (or a real boolean), so a caller can tell
 * "false" from "not understood".
 *
 * @example
 * readBoolean('F') // false
 * readBoolean('maybe') // undefined
 */
export function readBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : typeof raw === 'number' ? String(raw) : undefined
  if (word === undefined) return undefined
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined
}
