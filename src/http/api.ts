import { Hono, type Context } from 'hono'
import { cors } from 'hono/cors'
import { ApiError, unknownEndpoint, wrongVerb } from '../errors.js'
import type { Params } from '../param-values.js'
import type { UsersService } from '../users/service.js'
import { checkAppKey } from './app-key.js'
import { renderFailure, renderSuccess } from './envelope.js'
import { queryParams, readParams } from './params.js'
import { clearSessionCookie, sessionIdOf, setSessionCookie } from './session.js'
import { usersEndpoints, type Endpoint } from './users-endpoints.js'

/**
 * The `/v1/...` API: reads the parameters, finds the endpoint, checks the app
 * key, resolves the session, calls the service and wraps its answer in the
 * envelope. Every failure, expected or not, leaves as a failure envelope
 * (spec §2.3); an unexpected one is logged and answered 500 without a stack.
 *
 * @param usersOf - the Users service of an app key's data set (spec §11 "unknown app key").
 * @param appKeys - the accepted app keys; empty accepts any.
 * @param maxBodyBytes - the largest request body accepted (issue 6 limits); larger → 413.
 */
export function apiRoutes(usersOf: (key: string) => UsersService, appKeys: ReadonlySet<string>, maxBodyBytes: number): Hono {
  const api = new Hono()
  // Headers seen on the live service (spec §1.2); credentials need the origin echoed.
  api.use(
    '/v1/*',
    cors({
      origin: (origin) => origin,
      credentials: true,
      allowMethods: ['POST', 'GET', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['x-requested-with', 'content-type'],
    }),
  )
  api.all('/v1/*', async (c) => {
    const path = c.req.path.slice('/v1/'.length).replace(/\.json$/, '')
    const endpoint = Object.hasOwn(usersEndpoints, path) ? usersEndpoints[path] : undefined
    let params = queryParams(c)
    try {
      // Read first: a refusal must honour suppress_response_codes and pretty_json sent in the
      // body, where ti.cloud puts them on a POST (spec §11 "status codes").
      params = await readParams(c, params, maxBodyBytes)
      if (!endpoint) throw unknownEndpoint(c.req.method, c.req.path)
      // HEAD is answered as GET without a body, as HTTP servers do.
      const verb = c.req.method === 'HEAD' ? 'GET' : c.req.method
      if (!endpoint.verbs.includes(verb)) {
        c.header('Allow', endpoint.verbs.join(', '))
        throw wrongVerb(`${path}.json`, endpoint.verbs, c.req.method)
      }
      const service = usersOf(checkAppKey(params, appKeys))
      return await answer(c, endpoint, service, params)
    } catch (error) {
      // The rest of a refused body is still on the socket; a client reusing it would fail.
      if (error instanceof ApiError && error.code === 413) c.header('Connection', 'close')
      if (error instanceof ApiError) return renderFailure(c, params, error, endpoint?.method_name)
      console.error('mock-cloud: unexpected error on %s %s:', c.req.method, c.req.path, error)
      return renderFailure(c, params, new ApiError(500, 'Internal server error.'), endpoint?.method_name)
    }
  })
  return api
}

async function answer(c: Context, endpoint: Endpoint, service: UsersService, params: Params): Promise<Response> {
  const result = await endpoint.call(service, params, service.caller(sessionIdOf(c, params)))
  if (result.session_id !== undefined) setSessionCookie(c, result.session_id)
  if (result.session_ended) clearSessionCookie(c)
  const meta = { ...(result.session_id !== undefined && { session_id: result.session_id }), ...result.meta }
  return renderSuccess(c, params, endpoint.method_name, meta, result.users && { users: result.users })
}
