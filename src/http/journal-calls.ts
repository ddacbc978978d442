import type { MiddlewareHandler } from 'hono'
import { redactParams, type Journal } from '../journal.js'
import type { Params } from '../param-values.js'
import type { Clock } from '../clock.js'

/**
 * What the API handler learns about a call as it goes, for the request journal: it fills
 * this in (`c.get('apiCall')`), and {@link journalCalls} records it once the reply is made.
 */
export interface ApiCall {
  /** The parameters read so far: the query string, then query and body merged. */
  params: Params
  /** The endpoint's method_name, or null for a path that names none. */
  method_name: string | null
  /** The app key the call is answered under, once checked (the default key for a call that sent none). */
  key?: string
  /** The user of the session the call carried, or null. */
  user_id: string | null
  /** The id of the fault that acted on the call. */
  fault?: string
  /** A fault dropped the connection: no reply was sent. */
  dropped?: boolean
}

declare module 'hono' {
  interface ContextVariableMap {
    apiCall: ApiCall
  }
}

/**
 * Middleware that records every call under it in the journal (docs/toolkit.md): its arrival
 * time by the server's clock (`Clock`, which a test may freeze or move), and after the handler the status, the envelope's `meta` and
 * the wall time taken (measured with `performance.now()`, which a test clock does not move).
 *
 * @example
 * api.use('/v1/*', journalCalls(journal, clock))
 */
export function journalCalls(journal: Journal, clock: Pick<Clock, 'now'>): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    const time = clock.now().toISOString()
    const call: ApiCall = { params: {}, method_name: null, user_id: null }
    c.set('apiCall', call)
    await next()
    journal.record({
      // Read without textParam: a key sent as a list was already refused, and must not throw here.
      key: call.key ?? (typeof call.params.key === 'string' && call.params.key !== '' ? call.params.key : null),
      time,
      method: c.req.method,
      path: c.req.path,
      method_name: call.method_name,
      params: redactParams(call.params),
      user_id: call.user_id,
      status: call.dropped ? null : c.res.status,
      meta: call.dropped ? null : (c.get('envelopeMeta') ?? null),
      duration_ms: performance.now() - started,
      ...(call.fault !== undefined && { fault: call.fault }),
    })
  }
}
