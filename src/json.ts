/**
 * Checks on parsed JSON shared by every layer that takes JSON from outside
 * (parameters, fixture files, data files).
 */

/**
 * True for a plain object as JSON.parse makes them (prototype `Object.prototype`
 * or null): not an array, not null, not a `File` or a `Date`.
 *
 * @example
 * isPlainObject({ a: 1 }) // true
 * isPlainObject([1]) // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * Keys that reach an object's prototype when assigned: refused or dropped
 * wherever input becomes object keys (issue: no prototype pollution from input).
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * The deepest nesting of objects and arrays accepted in JSON from a request (a JSON body, or a
 * `custom_fields` parameter), the value itself being level 1. Deeper JSON parses, but
 * recursive code over it (copying, storing) would run out of stack: such input is refused
 * with a 400 before anything reads it (docs/limits.md). A `where` has its own, lower
 * limit (`query/where-limits.ts`).
 */
export const MAX_JSON_DEPTH = 100

/**
 * True when `value` nests objects and arrays deeper than `max` levels. Walks without
 * recursion, so any depth can be checked.
 *
 * @example
 * nestsDeeperThan({ a: [1] }, 2) // false
 * nestsDeeperThan({ a: [[1]] }, 2) // true
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next
    if (typeof item !== 'object' || item === null) continue
    if (depth > max) return true
    for (const child of Object.values(item)) pending.push([child, depth + 1])
  }
  return false
}

/**
 * V8's JSON.parse message with its offset as a line and column, which an editor can jump to
 * (fixture and data files). Node 20's "Unexpected token" messages carry no offset but quote
 * up to 10 characters either side of it: the offset is found from where that quote occurs
 * in the text, when it occurs once; otherwise the message is given as it is.
 *
 * @param text - the text that failed to parse.
 * @param message - the SyntaxError's message.
 * @example
 * jsonProblem('{"a":', 'Unexpected end of JSON input') // 'invalid JSON at line 1, column 6: Unexpected end of JSON input'
 */
export function jsonProblem(text: string, message: string): string {
  const offset =
    /JSON at position (\d+)/.exec(message)?.[1] ??
    (message.includes('end of JSON input') ? String(text.length) : undefined) ??
    quotedOffset(text, message) ??
    scannedOffset(text)
  if (offset === undefined) return `invalid JSON: ${message}`
  const before = text.slice(0, Number(offset)).split('\n')
  const reason = message.replace(/\s+(in JSON )?at position \d+.*$/s, '').replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
  return `invalid JSON at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${reason}`
}

/** The longest text {@link scannedOffset} reads: it parses each prefix, so its time grows with the square. */
const SCANNED_CHARACTERS = 4096

/**
 * The offset of a short text's syntax error when V8's message does not tell it (it quotes the
 * whole text): the end of the longest prefix that can still begin valid JSON.
 */
function scannedOffset(text: string): string | undefined {
  if (text.length > SCANNED_CHARACTERS) return undefined
  for (let end = 1; end <= text.length; end++) {
    try {
      JSON.parse(text.slice(0, end))
    } catch (error) {
      // A prefix that may go on fails at its end: "end of JSON input", or a position at its length.
      const { message } = error as Error
      const at = /JSON at position (\d+)/.exec(message)?.[1]
      if (!message.includes('end of JSON input') && Number(at ?? -1) < end) return String(end - 1)
    }
  }
  return undefined
}

/** V8 quotes `text` from 10 characters before the offset to 10 after, marking a cut end with `...`. */
const CONTEXT_CHARACTERS = 10

function quotedOffset(text: string, message: string): string | undefined {
  const quote = /^Unexpected token .+?, (\.\.\.)?"(.*)"(\.\.\.)? is not valid JSON$/s.exec(message)
  if (quote === null) return undefined
  const [, cutBefore, context = '', cutAfter] = quote
  const start = text.indexOf(context)
  if (start < 0 || text.includes(context, start + 1) || (!cutBefore && !cutAfter)) return undefined
  return String(cutBefore ? start + CONTEXT_CHARACTERS : start + context.length - CONTEXT_CHARACTERS)
}

/**
 * An object's entries without those whose value is undefined, to spread into a stored record (a
 * field sent empty to clear it is left out, never stored as undefined).
 *
 * @example
 * definedFields({ name: 'x', tags: undefined }) // { name: 'x' }
 */
export function definedFields<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T
}
