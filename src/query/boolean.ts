const TRUE_WORDS = new Set(['true', 't', '1', 'yes'])

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
