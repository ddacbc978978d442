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
 * with a 400 before anything reads it (issue 6 "bad input"). A `where` has its own, lower
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
