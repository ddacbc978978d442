import type { Context, Hono } from 'hono'
import { ApiError, wrongVerb } from '../errors.js'
import { textParam, type Params } from '../param-values.js'
import { ENVELOPE_PARAMS, renderFailure, renderThrown } from './envelope.js'
import { checkUrlEncoding, queryParams } from './params.js'

/** Answers one verb of an admin route; `params` are the query-string parameters. */
export type AdminHandler = (c: Context, params: Params) => Promise<Response> | Response

/**
 * Adds a test-control route under `/__mock/` with a handler per verb, answered
 * as the API answers (docs/api.md "Envelope"): another verb gets 405 with `Allow`, an
 * {@link ApiError} its envelope, a `RangeError` (a bad value handed to the
 * clock or an option) a 400 envelope with its message, anything else a logged 500 envelope.
 *
 * @param method_name - the `meta.method_name` of its failures, e.g. `mockClock`.
 * @example
 * adminRoute(admin, '/__mock/clock', 'mockClock', { GET: (c, params) => renderSuccess(c, params, 'mockClock', {}, clock.state()) })
 */
export function adminRoute(admin: Hono, path: string, method_name: string, handlers: Partial<Record<string, AdminHandler>>): void {
  const verbs = Object.keys(handlers)
  admin.all(path, async (c) => {
    const params = queryParams(c)
    const handler = handlers[c.req.method]
    try {
      checkUrlEncoding(c)
      if (!handler) {
        c.header('Allow', verbs.join(', '))
        throw wrongVerb(c.req.path.slice(1), verbs, c.req.method)
      }
      return await handler(c, params)
    } catch (error) {
      if (error instanceof RangeError) return renderFailure(c, params, new ApiError(400, error.message), method_name)
      return renderThrown(c, params, error, method_name)
    }
  })
}

/**
 * The `key` query parameter of an admin route: the app key it acts on, or
 * undefined (no `key`) for every data set.
 *
 * @throws ApiError 400 for an empty `key`: read as "every data set", a
 *   variable left empty in a test would wipe the data of every parallel file.
 */
export function adminKey(params: Params): string | undefined {
  const key = textParam(params, 'key')
  if (key !== undefined && key.trim() === '') {
    throw new ApiError(400, 'Invalid key parameter: it is empty; give an app key, or leave key out to act on every data set')
  }
  return key
}

/**
 * Refuses query parameters an admin route does not take (the envelope's own,
 * `pretty_json` and `suppress_response_codes`, are always allowed), so a misspelt
 * filter is an error rather than silently ignored.
 *
 * @throws ApiError 400 `Unknown parameter "X" for /__mock/...; it takes a, b`.
 * @example
 * onlyParams(params, '/__mock/requests', ['key', 'method_name', 'status', 'since'])
 */
export function onlyParams(params: Params, path: string, known: readonly string[]): void {
  const unknown = Object.keys(params).find((name) => !known.includes(name) && !ENVELOPE_PARAMS.has(name))
  if (unknown !== undefined) {
    throw new ApiError(400, `Unknown parameter ${JSON.stringify(unknown)} for ${path}; it takes ${known.join(', ') || 'none'}`)
  }
}
