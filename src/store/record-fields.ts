import { isObjectId } from '../ids.js'
import { FORBIDDEN_KEYS, isPlainObject } from '../json.js'

// Checks of fields many objects store alike, for their stored-record checks (`recordCheck` of
// db.ts, run on a data file or an import: docs/toolkit.md "Export and import"): each says whether a
// field as read is one the API could not render or match.

/**
 * Whether an optional id field (`acl_id`, `place_id`...) is present but not a 24-hex id string.
 *
 * @example
 * if (badOptionalId(record.acl_id)) return 'acl_id'
 */
export function badOptionalId(value: unknown): boolean {
  return value !== undefined && !(typeof value === 'string' && isObjectId(value))
}

/** Whether an optional `tags` field is present but not a list of strings. */
export function badTags(value: unknown): boolean {
  return value !== undefined && !(Array.isArray(value) && value.every((tag) => typeof tag === 'string'))
}

/** Whether a required `custom_fields` is not a plain object, or names a key no input may set (`__proto__`...). */
export function badCustomFields(value: unknown): boolean {
  return !isPlainObject(value) || Object.keys(value).some((name) => FORBIDDEN_KEYS.has(name))
}
