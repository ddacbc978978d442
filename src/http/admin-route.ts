import type { Context, Hono } from 'hono'
import { ApiError, wrongVerb } from '../errors.js'
import { textParam, type Params } from '../param-values.js'
import { renderFailure } from './envelope.js'
import { queryParams } from './params.js'

/** Answers one verb of an admin route; `params` are the query-string parameters. */
export type AdminHandler = (c: Context, params: Params) => Promise<Response> | Response

/**
 * Adds a test-control route under `/__mock/` with a handler per verb, answered
 * as the API answers (spec §2.3): another verb gets 405 with `Allow`, an
 * {@link ApiError} its envelope, and a `RangeError` (a bad value handed to the
 * clock or an option) a 400 envelope with its message.
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
      if (!handler) {
        c.header('Allow', verbs.join(', '))
        throw wrongVerb(c.req.path.slice(1), verbs, c.req.method)
      }
      return await handler(c, params)
    } catch (error) {
      if (error instanceof ApiError) return renderFailure(c, params, error, method_name)
      if (error instanceof RangeError) return renderFailure(c, params, new ApiError(400, error.message), method_name)
      throw error
    }
  })
}

/** The `key` query parameter of an admin route: the app key it acts on, or undefined for every data set. */
export function adminKey(params: Params): string | undefined {
  return textParam(params, 'key') || undefined
}
