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
