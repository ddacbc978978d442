import { invalidObjectId } from '../errors.js'
import { isObjectId } from '../ids.js'
import type { Params } from '../param-values.js'

/**
 * An id list parameter: a comma list (forms), a JSON array as text (node and ti.cloud
 * JSON-encode arrays: `["a","b"]`) or an array of strings (JSON bodies); one malformed id fails the whole call (docs/api.md "Id lists").
 * Duplicates dropped, ids lowercased.
 *
 * @returns undefined when the parameter is absent, `[]` when it holds no id.
 * @throws ApiError 400 `Invalid object id: '<value>'`.
 */
export function idListParam(params: Params, name: string): string[] | undefined {
  const items = rawIdList(params, name)
  if (items === undefined) return undefined
  for (const id of items) if (!isObjectId(id)) throw invalidObjectId(id)
  return [...new Set(items.map((id) => id.toLowerCase()))]
}

/**
 * The items of an id list parameter as sent (read as {@link idListParam} reads them), trimmed,
 * blanks dropped, not checked: for a call that reports malformed and unknown ids together.
 * A value that is neither text nor an array is one item, its JSON text.
 *
 * @returns undefined when the parameter is absent, `[]` when it holds no id.
 */
export function rawIdList(params: Params, name: string): string[] | undefined {
  const raw = params[name]
  if (raw === undefined) return undefined
  const items = typeof raw === 'string' ? textItems(raw) : Array.isArray(raw) ? raw : [raw]
  return items.map((id) => (typeof id === 'string' ? id.trim() : describeValue(id))).filter((id) => id !== '')
}

/** A parameter value as a message shows it: text as sent, anything else as JSON. */
export function describeValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The items of an id list sent as text: a JSON array when it looks like one, else a comma list. */
function textItems(raw: string): unknown[] {
  const text = raw.trim()
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (Array.isArray(parsed)) return parsed
    } catch {
      // Not JSON after all: read as a comma list, whose malformed ids are refused below.
    }
  }
  return raw.split(',')
}
