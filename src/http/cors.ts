import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'

/**
 * The CORS headers of the API, as seen on the live service (docs/api.md "Parameters"): the request's origin echoed
 * (credentials need it), credentials allowed, and on a preflight the methods and headers below.
 */
const CORS_OPTIONS = {
  origin: (origin: string) => origin,
  credentials: true,
  allowMethods: ['POST', 'GET', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: ['x-requested-with', 'content-type'],
}

const honoCors = cors(CORS_OPTIONS)

/**
 * CORS for `/v1/*` (docs/api.md "Parameters"). A preflight (`OPTIONS`) is hono's `cors` middleware with
 * {@link CORS_OPTIONS}: 204, `Access-Control-Allow-Methods`/`-Headers`, no call made or journalled.
 *
 * On any other request it sets the headers hono's `cors` sets there for these options
 * (`Access-Control-Allow-Origin` = the `Origin` sent, if any; `Access-Control-Allow-Credentials:
 * true`; `Vary: Origin`), but before the answer exists, so the answer is made with them. hono's
 * `cors` sets them on a placeholder response and appends `Vary` after the answer, which rebuilds
 * every reply as a full undici `Response`: a tenth of the time of a `users/show/me`.
 * No handler of the API sets `Vary`, so setting it first gives the same headers.
 *
 * @example
 * api.use('/v1/*', apiCors)
 */
export const apiCors: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS') return honoCors(c, next)
  const origin = CORS_OPTIONS.origin(c.req.header('origin') ?? '')
  if (origin) c.header('Access-Control-Allow-Origin', origin)
  c.header('Access-Control-Allow-Credentials', 'true')
  c.header('Vary', 'Origin', { append: true })
  await next()
}
