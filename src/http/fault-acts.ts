import type { Context } from 'hono'
import { setTimeout as sleep } from 'node:timers/promises'
import { ApiError } from '../errors.js'
import type { Fault } from '../faults.js'
import { incomingOf } from './node-request.js'

/**
 * Carries out a fault on the call it hit (docs/toolkit.md): first its delay, then its error
 * or its drop.
 *
 * - `delay`: waits that many milliseconds of real time (not the server's clock, which a
 *   test may have frozen); never less, so a journal entry's `duration_ms` is at least it.
 * - `error`: throws an {@link ApiError} with the fault's code and message, which the API
 *   renders as an ordinary failure envelope with the endpoint's method_name.
 * - `drop`: destroys the socket without a reply (the client sees a closed connection:
 *   "socket hang up", "other side closed") and returns a body-less 502 for the framework,
 *   which is never sent. In-process (`app.request()`, no socket) that 502 is what the caller
 *   gets.
 *
 * @returns a Response when the call is dropped, undefined when it should go on.
 * @throws ApiError for an `error` fault.
 */
export async function actOnFault(c: Context, fault: Fault): Promise<Response | undefined> {
  if (fault.delay !== undefined) await waitAtLeast(fault.delay)
  if (fault.error) throw new ApiError(fault.error.code, fault.error.message)
  if (!fault.drop) return undefined
  const incoming = incomingOf(c)
  incoming?.socket.destroy()
  return c.body(null, 502)
}

/** Node's timers may fire up to a millisecond early; this never returns before `ms` have passed. */
async function waitAtLeast(ms: number): Promise<void> {
  const until = performance.now() + ms
  for (let left = ms; left > 0; left = until - performance.now()) await sleep(Math.ceil(left))
}
