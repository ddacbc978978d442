import { invalidParameter } from './errors.js'

/**
 * Reading the values of request parameters, below the HTTP layer: what a
 * form, a query string or a JSON body may send for one parameter, and how
 * each kind of value is read from any of them.
 */

/**
 * The request parameters of one API call: query string and body merged, body
 * winning on a clash (docs/api.md "Parameters"). Values are strings from
 * forms and query strings, `File`s from multipart bodies, or any JSON value
 * from a JSON body.
 */
export type Params = Readonly<Record<string, unknown>>

/**
 * A parameter as text: strings as sent, numbers and booleans (JSON bodies)
 * as their text, absent or `null` as undefined.
 *
 * @throws ApiError 400 `Invalid <name> parameter: expected text, got <kind>` for an
 *   object, an array or a file: such a value is a client's mistake, not "not sent".
 */
export function textParam(params: Params, name: string): string | undefined {
  const value = params[name]
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === undefined || value === null) return undefined
  const kind = Array.isArray(value) ? 'a list' : value instanceof Blob ? 'a file' : 'an object'
  throw invalidParameter(name, `expected text, got ${kind}`)
}

/**
 * Text without surrounding spaces, or undefined when nothing is left (a
 * form's untouched field): how names, emails and ids are read.
 *
 * @example
 * trimmed(textParam({ login: ' alice ' }, 'login')) // 'alice'
 */
export function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim()
  return text ? text : undefined
}

/**
 * Whether a parameter counts as not sent: absent, `null`, or empty, because a
 * form sends `limit=` for a field the user left untouched.
 *
 * @example
 * isAbsent('') // true
 */
export const isAbsent = (raw: unknown): boolean => raw === undefined || raw === null || raw === ''

/**
 * A JSON-valued parameter (`where`, `sel`, `custom_fields`; docs/api.md "Queries",
 * "Custom fields"): forms and query strings send it as JSON text, JSON bodies as the
 * value itself, so text is parsed and anything else passes through.
 *
 * @throws ApiError 400 `Invalid <name> parameter: not valid JSON (<V8's message>)`.
 * @example
 * jsonParam('where', '{"age":30}') // { age: 30 }
 * jsonParam('where', { age: 30 }) // { age: 30 }
 */
export function jsonParam(name: string, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw
  try {
    return JSON.parse(raw)
  } catch (error) {
    throw invalidParameter(name, `not valid JSON (${(error as Error).message})`)
  }
}

const TRUE_WORDS = new Set(['true', 't', '1', 'yes'])
const FALSE_WORDS = new Set(['false', 'f', '0', 'no'])

/**
 * Reads a boolean parameter the way ArrowDB clients send them (docs/api.md
 * "Parameters"): `true`, `t`, `1`, `yes` (any case) are true; everything else,
 * including `false`/`f`/`0`/`no`, empty and absent, is false. Real booleans
 * (JSON bodies) pass through and the number 1 counts as `1`. Never throws:
 * ti.cloud sends `1`/`0` and an unrecognised word is simply "not set".
 *
 * @param raw - a string from a form or query string, or a JSON value.
 * @returns the boolean it stands for.
 * @example
 * parseBoolean('1') // true
 * parseBoolean('No') // false
 */
export function parseBoolean(raw: unknown): boolean {
  return readBoolean(raw) === true
}

/**
 * Like {@link parseBoolean}, but undefined for anything that is not one of the
 * words {@link parseBoolean} knows (or a real boolean), so a caller can tell
 * "false" from "not understood". An empty value (a form's untouched field) is
 * not understood, so it changes nothing.
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

/**
 * A whole-number parameter: a JSON number, or text of digits with an optional sign
 * (`"42"`, `"-3"`, surrounding spaces ignored) as forms and query strings send it.
 *
 * @returns the number, or undefined for anything else (absent, `"1.5"`, `"ten"`, `1e400`).
 * @example
 * integerValue('42') // 42
 * integerValue(2.5) // undefined
 */
export function integerValue(raw: unknown): number | undefined {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN
  return Number.isSafeInteger(value) ? value : undefined
}
