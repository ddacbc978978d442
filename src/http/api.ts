import { Hono, type Context } from 'hono'
import type { Clock } from '../clock.js'
import type { ServiceDirectory } from '../engine/services.js'
import type { CallResult, Caller } from '../engine/object.js'
import type { RouteMatch, Router } from '../engine/router.js'
import type { AppSettings } from '../engine/settings.js'
import { unknownEndpoint, wrongVerb } from '../errors.js'
import type { Faults } from '../faults.js'
import type { Journal } from '../journal.js'
import type { Params } from '../param-values.js'
import { checkAppKey, type AppKeyRule } from './app-key.js'
import { apiCors } from './cors.js'
import { renderBytes, renderSuccess, renderThrown } from './envelope.js'
import { actOnFault } from './fault-acts.js'
import { incomingOf } from './node-request.js'
import { journalCalls } from './journal-calls.js'
import { queryParams, readParams } from './params.js'
import { clearSessionCookie, sessionIdOf, setSessionCookie } from './session.js'

/** The test toolkit the API works with: where calls are recorded and which faults hit them (docs/toolkit.md). */
export interface ApiToolkit {
  journal: Journal
  faults: Faults
  /** The server's clock, for the journal's times. */
  clock: Pick<Clock, 'now'>
}

/** What the API accepts, from the server's options (docs/command-line.md). */
export interface ApiOptions extends AppKeyRule {
  /** The largest request body accepted, in bytes; larger → 413. */
  maxBodyBytes: number
}

/**
 * The `/v1/...` API, one pipeline for every object (docs/architecture.md): read the parameters,
 * route the path (with its variables), check the verb and the app key, resolve the caller from
 * the session, let a fault act, make the object's one call, and wrap its answer in the envelope.
 * Every failure, expected or not, leaves as a failure envelope (docs/api.md "Envelope"); an
 * unexpected one is logged and answered 500 without a stack. Every call (but CORS preflights) is
 * recorded in the journal.
 */
export function apiRoutes(router: Router, services: ServiceDirectory, options: ApiOptions, toolkit: ApiToolkit): Hono {
  const { journal, faults, clock } = toolkit
  const api = new Hono()
  api.use('/v1/*', apiCors)
  api.use('/v1/*', journalCalls(journal, clock))
  api.all('/v1/*', async (c) => {
    const call = c.get('apiCall')
    const path = c.req.path.slice('/v1/'.length).replace(/\.json$/, '')
    const route = router.match(path)
    call.method_name = route?.endpoint.method_name ?? null
    let params = (call.params = queryParams(c))
    try {
      // Read first: a refusal must honour suppress_response_codes and pretty_json sent in the
      // body, where ti.cloud puts them on a POST (docs/api.md "Status codes").
      params = call.params = await readParams(c, params, options.maxBodyBytes)
      if (!route) throw unknownEndpoint(c.req.method, c.req.path)
      // HEAD is answered as GET without a body, as HTTP servers do.
      const verb = c.req.method === 'HEAD' ? 'GET' : c.req.method
      const { verbs } = route.endpoint
      if (!verbs.includes(verb)) {
        c.header('Allow', verbs.join(', '))
        throw wrongVerb(`${path}.json`, verbs, c.req.method)
      }
      const key = (call.key = checkAppKey(params, options))
      await services.dueStored(key)
      const caller = services.caller(key, sessionIdOf(c, params))
      call.user_id = caller.user?.id ?? null
      const fault = faults.take(key, path, route.endpoint)
      if (fault) {
        call.fault = fault.id
        const dropped = await actOnFault(c, fault)
        if (dropped) {
          call.dropped = true
          return dropped
        }
      }
      return await answer(c, route, services, key, params, caller)
    } catch (error) {
      return renderThrown(c, params, error, route?.endpoint.method_name)
    }
  })
  return api
}

async function answer(c: Context, route: RouteMatch, services: ServiceDirectory, key: string, params: Params, caller: Caller): Promise<Response> {
  const { endpoint } = route
  const service = services.of(key, route.object)
  const settings = services.settings(key)
  const origin = new URL(c.req.url).origin
  const result: CallResult = await endpoint.call({ service, params, caller, settings, verb: c.req.method, path: route.vars, address: incomingOf(c)?.socket?.remoteAddress, origin })
  if (result.session_id !== undefined) setSessionCookie(c, result.session_id)
  if (result.session_ended) clearSessionCookie(c)
  const meta = { ...(result.session_id !== undefined && { session_id: result.session_id }), ...result.meta }
  if (result.bytes !== undefined) return renderBytes(c, endpoint.method_name, meta, result.bytes)
  const social = result.response && services.withSocialFields(key, route.object, result.response, params, caller)
  const response = social && services.withPrimaryPhotos(key, route.object, social, caller, origin)
  return renderSuccess(c, params, endpoint.method_name, meta, response, result.status)
}
