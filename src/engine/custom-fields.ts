import { invalidParameter } from '../errors.js'
import { FORBIDDEN_KEYS, isPlainObject, MAX_JSON_DEPTH, nestsDeeperThan } from '../json.js'
import { jsonParam } from '../param-values.js'
import { storedCustomValue } from './custom-dates.js'
import { raiseLimit } from '../limits.js'

/**
 * Parsers for the user fields that arrive in more than one form. Each accepts
 * the text a form sends and the value a JSON body sends.
 */

/**
 * `tags`: a comma list (`"hiking, swimming"`) or an array of strings, trimmed,
 * empties dropped (docs/users.md "Writes").
 *
 * @returns the tags, or undefined for an empty list.
 * @throws ApiError 400 for any other type.
 */
export function parseTags(raw: unknown): string[] | undefined {
  if (typeof raw !== 'string' && !Array.isArray(raw)) throw invalidParameter('tags', 'expected a comma-separated string')
  if (Array.isArray(raw) && !raw.every((item) => typeof item === 'string')) {
    throw invalidParameter('tags', 'expected a list of strings or a comma-separated string')
  }
  const tags = splitTags(raw as string | string[])
  return tags.length > 0 ? tags : undefined
}

/**
 * Tags from a comma list or a list: trimmed, empties dropped (docs/users.md "Writes").
 *
 * @example
 * splitTags('hiking, swimming,') // ['hiking', 'swimming']
 */
export function splitTags(text: string | readonly string[]): string[] {
  const items = typeof text === 'string' ? text.split(',') : text
  return items.map((tag) => tag.trim()).filter((tag) => tag !== '')
}

/**
 * Custom field names MongoDB cannot store (empty, starting with `$`, holding
 * `.`) or that would reach an object's prototype (docs/api.md "Custom fields").
 *
 * @example
 * isBadFieldName('a.b') // true
 */
export function isBadFieldName(name: string): boolean {
  return name === '' || name.startsWith('$') || name.includes('.') || FORBIDDEN_KEYS.has(name)
}

/**
 * `custom_fields`: a JSON object, as a string (forms) or an object (JSON
 * bodies). Values keep their types; fields with bad names are silently
 * ignored, as the service did (docs/api.md "Custom fields"). `null` values are kept here: they
 * mean "remove" to {@link mergeCustomFields}.
 *
 * @param name - the parameter's name in messages: `custom_fields`, or `fields` (CustomObjects).
 * @throws ApiError 400 `Invalid <name> parameter: ...` when it is not a JSON object or is
 *   nested deeper than {@link MAX_JSON_DEPTH} levels.
 */
export function parseCustomFields(raw: unknown, name = 'custom_fields'): Record<string, unknown> {
  if (typeof raw === 'string' && raw.trim() === '') return {}
  const value = jsonParam(name, raw)
  if (!isPlainObject(value)) throw invalidParameter(name, 'must be a JSON object')
  // Stored values are copied and written recursively: a deeper one would overflow the stack.
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) throw invalidParameter(name, `nested deeper than ${MAX_JSON_DEPTH} levels`)
  const fields: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(value)) {
    if (!isBadFieldName(name)) fields[name] = field
  }
  return fields
}

/**
 * Refuses a user's custom fields beyond the server's limit (the `limits.maxCustomFields`
 * option, docs/limits.md): counted as they would be stored, so a `null` (not stored, or removing a
 * field) does not count.
 *
 * @throws ApiError 400 `Invalid custom_fields parameter: a user may hold at most N custom fields, this one would hold M; ...` (how to raise it).
 */
export function checkCustomFieldCount(fields: Readonly<Record<string, unknown>>, max: number): void {
  const count = Object.values(fields).filter((value) => value !== null).length
  if (count > max) throw invalidParameter('custom_fields', `a user may hold at most ${max} custom fields, this one would hold ${count}; ${raiseLimit('maxCustomFields')}`)
}

/**
 * Applies sent custom fields to stored ones: each field set or replaced, a
 * `null` field removed, the rest kept (docs/users.md "Writes", docs/api.md "Custom fields"); date strings
 * stored as dates (`custom-dates.ts`). Pass `{}` as
 * `stored` on create, where a `null` field is simply not stored (docs/api.md "Custom fields").
 *
 * @returns a new object; neither argument is changed.
 */
export function mergeCustomFields(
  stored: Record<string, unknown>,
  sent: Record<string, unknown>,
): Record<string, unknown> {
  // A shallow copy is enough: stored values are never changed in place (stored users are values,
  // shared with baselines and snapshots); a sent object is copied, a number or string needs not be.
  const merged = { ...stored }
  for (const [name, value] of Object.entries(sent)) {
    if (value === null) delete merged[name]
    else merged[name] = storedCustomValue(typeof value === 'object' ? structuredClone(value) : value)
  }
  return merged
}
