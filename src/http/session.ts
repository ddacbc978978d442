import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { textParam, type Params } from '../param-values.js'

const COOKIE = '_session_id'

/**
 * The session id a request carries: the `_session_id` parameter (query or
 * body, as ti.cloud sends it), then `session_id`, then the `_session_id`
 * cookie (as the arrowdb SDK sends it) (docs/api.md "Sessions").
 */
export function sessionIdOf(c: Context, params: Params): string | undefined {
  return textParam(params, '_session_id') || textParam(params, 'session_id') || getCookie(c, COOKIE) || undefined
}

/** Sets `_session_id=<id>; Path=/; HttpOnly` (docs/api.md "Sessions"). */
export function setSessionCookie(c: Context, id: string): void {
  setCookie(c, COOKIE, id, { path: '/', httpOnly: true })
}

/** Clears the session cookie with `Max-Age=0` after logout (docs/api.md "Sessions"). */
export function clearSessionCookie(c: Context): void {
  setCookie(c, COOKIE, '', { path: '/', httpOnly: true, maxAge: 0 })
}
