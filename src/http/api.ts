import { Hono, type Context } from 'hono'
import { unknownEndpoint, wrongVerb } from '../errors.js'
import type { Faults } from '../faults.js'
import type { Journal } from '../journal.js'
import type { Params } from '../param-values.js'
import type { Clock } from '../clock.js'
import type { Caller, UsersService } from '../users/service.js'
import { checkAppKey } from './app-key.js'
import { apiCors } from './cors.js'
import { renderSuccess, renderThrown } from './envelope.js'
import { actOnFault } from './fault-acts.js'
import { journalCalls } from './journal-calls.js'
import { queryParams, readParams } from './params.js'
import { clearSessionCookie, sessionIdOf, setSessionCookie } from './session.js'
import { usersEndpoints, type Endpoint } from './users-endpoints.js'

/** The test toolkit the API works with: where calls are recorded and which faults hit them (issue 4). */
export interface ApiToolkit {
  journal: Journal
  faults: Faults
  /** The server's clock, for the journal's times. */
  clock: Pick<Clock, 'now'>
}

/**
 * The `/v1/...` API: reads the parameters, finds the endpoint, checks the app
 * key, resolves the session, lets a fault act, calls the service and wraps its
 * answer in the envelope. Every failure, expected or not, leaves as a failure
 * envelope (spec §2.3); an unexpected one is logged and answered 500 without a
 * stack. Every call (but CORS preflights) is recorded in the journal.
 *
 * @param usersOf - the Users service of an app key's data set (spec §11 "unknown app key").
 * @param appKeys - the accepted app keys; empty accepts any.
 * @param maxBodyBytes - the largest request body accepted (issue 6 limits); larger → 413.
 * @param defaultAppKey - the app key of a call that sends none; absent: such a call gets 401.
 */
export function apiRoutes(
  usersOf: (key: string) => UsersService,
  appKeys: ReadonlySet<string>,
  maxBodyBytes: number,
  { journal, faults, clock }: ApiToolkit,
  defaultAppKey?: string,
): Hono {
  const api = new Hono()
  api.use('/v1/*', apiCors)
  api.use('/v1/*', journalCalls(journal, clock))
  api.all('/v1/*', async (c) => {
    const call = c.get('apiCall')
    const path = c.req.path.slice('/v1/'.length).replace(/\.json$/, '')
    const endpoint = Object.hasOwn(usersEndpoints, path) ? usersEndpoints[path] : undefined
    call.method_name = endpoint?.method_name ?? null
    let params = (call.params = queryParams(c))
    try {
      // Read first: a refusal must honour suppress_response_codes and pretty_json sent in the
      // body, where ti.cloud puts them on a POST (spec §11 "status codes").
      params = call.params = await readParams(c, params, maxBodyBytes)
      if (!endpoint) throw unknownEndpoint(c.req.method, c.req.path)
      // HEAD is answered as GET without a body, as HTTP servers do.
      const verb = c.req.method === 'HEAD' ? 'GET' : c.req.method
      if (!endpoint.verbs.includes(verb)) {
        c.header('Allow', endpoint.verbs.join(', '))
        throw wrongVerb(`${path}.json`, endpoint.verbs, c.req.method)
      }
      const key = (call.key = checkAppKey(params, appKeys, defaultAppKey))
      const service = usersOf(key)
      const caller = service.caller(sessionIdOf(c, params))
      call.user_id = caller.user?.id ?? null
      const fault = faults.take(key, path)
      if (fault) {
        call.fault = fault.id
        const dropped = await actOnFault(c, fault)
        if (dropped) {
          call.dropped = true
          return dropped
        }
      }
      return await answer(c, endpoint, service, params, caller)
    } catch (error) {
      return renderThrown(c, params, error, endpoint?.method_name)
    }
  })
  return api
}

async function answer(c: Context, endpoint: Endpoint, service: UsersService, params: Params, caller: Caller): Promise<Response> {
  const result = await endpoint.call(service, params, caller)
  if (result.session_id !== undefined) setSessionCookie(c, result.session_id)
  if (result.session_ended) clearSessionCookie(c)
  const meta = { ...(result.session_id !== undefined && { session_id: result.session_id }), ...result.meta }
  return renderSuccess(c, params, endpoint.method_name, meta, result.users && { users: result.users })
}
