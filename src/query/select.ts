import { invalidParameter } from '../errors.js'
import { isPlainObject } from '../json.js'
import { isAbsent, jsonParam } from '../param-values.js'

/** Trims a wire user (or any wire object with `id` and `custom_fields`) to the fields asked for. */
type Selection = (wire: Record<string, unknown>) => Record<string, unknown>

type ParamName = 'sel' | 'unsel'

/** Reads `{"all":["name", …]}` (docs/api.md "Queries"), from JSON text or a parsed JSON body. */
function parseFieldList(param: ParamName, raw: unknown): Set<string> {
  const value = jsonParam(param, raw)
  const shape = `must be {"all":[field names]}`
  if (!isPlainObject(value) || Object.keys(value).length !== 1 || !Object.hasOwn(value, 'all')) {
    throw invalidParameter(param, shape)
  }
  const names = value.all
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) throw invalidParameter(param, shape)
  return new Set(names as string[])
}

const customFieldsOf = (wire: Record<string, unknown>): Record<string, unknown> =>
  isPlainObject(wire.custom_fields) ? wire.custom_fields : {}

function keepOnly(names: Set<string>): Selection {
  return (wire) => {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(wire)) {
      if (key === 'id' || names.has(key)) out[key] = value
    }
    if (Object.hasOwn(out, 'custom_fields')) return out
    // A bare name that is not a top-level field names a custom field (docs/api.md "Queries").
    const custom = Object.entries(customFieldsOf(wire)).filter(([key]) => names.has(key) && !Object.hasOwn(wire, key))
    if (custom.length > 0) out.custom_fields = Object.fromEntries(custom)
    return out
  }
}

function leaveOut(names: Set<string>): Selection {
  return (wire) => {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(wire)) {
      if (key === 'id' || !names.has(key)) out[key] = value
    }
    if (isPlainObject(out.custom_fields)) {
      out.custom_fields = Object.fromEntries(
        Object.entries(out.custom_fields).filter(([key]) => !names.has(key) || Object.hasOwn(wire, key)),
      )
    }
    return out
  }
}

/**
 * Compiles `sel` / `unsel` (docs/api.md "Queries") into a function
 * applied to each WIRE user, the shape clients see (custom fields nested
 * under `custom_fields`). Each parameter is `{"all":[names]}` as JSON text or
 * a parsed object. A name is a top-level wire field or, when the user has no
 * such top-level field, one of its custom fields by bare name. `sel` keeps
 * just the named fields (`custom_fields` only when one of its fields, or
 * `custom_fields` itself, is named); `unsel` drops them. `id` is always kept
 * (docs/api.md "Queries"). The input is not modified.
 *
 * @returns the trimming function, or undefined when neither parameter is given.
 * @throws ApiError 400 `Invalid sel parameter: <reason>` / `Invalid unsel
 *   parameter: <reason>` for bad JSON or any other shape, and
 *   `Invalid sel parameter: sel and unsel cannot be used together`.
 * @example
 * compileSelection('{"all":["username","age"]}', undefined)?.(user)
 * // { id, username, custom_fields: { age } }
 */
export function compileSelection(sel: unknown, unsel: unknown): Selection | undefined {
  if (!isAbsent(sel) && !isAbsent(unsel)) throw invalidParameter('sel', 'sel and unsel cannot be used together')
  if (!isAbsent(sel)) return keepOnly(parseFieldList('sel', sel))
  if (!isAbsent(unsel)) return leaveOut(parseFieldList('unsel', unsel))
  return undefined
}
