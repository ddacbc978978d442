import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'

/**
 * The Node request behind a Hono context (`@hono/node-server` puts it in `c.env.incoming`),
 * or undefined for an in-process call (`app.request()`), which has no socket.
 *
 * @example
 * incomingOf(c)?.socket.remoteAddress // '127.0.0.1'
 */
export function incomingOf(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
}
