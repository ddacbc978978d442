import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { ApiError } from '../errors.js'
import { renderFailure } from './envelope.js'
import { incomingOf } from './node-request.js'
import { queryParams } from './params.js'

/**
 * Who may use the admin routes (`/__mock/*`, docs/toolkit.md):
 *
 * - without an admin token, only clients connecting from loopback (127.0.0.0/8, ::1, and
 *   ::ffff:127.x.x.x) and in-process calls (`app.request()`, which have no socket); any
 *   other client gets 403;
 * - with an admin token, every client, loopback included, must present it, as
 *   `Authorization: Bearer TOKEN`, `x-mock-admin-token: TOKEN`, or as the password of
 *   `Authorization: Basic` (any user name: what a browser sends for the dashboard,
 *   docs/dashboard.md): none → 401 with `WWW-Authenticate: Basic` (so a browser asks for it),
 *   a wrong one → 403. One rule for everyone, so a suite that sets a token finds out at once
 *   when a call forgets it.
 *
 * Refusals are failure envelopes without a method_name.
 *
 * @example
 * admin.use('/__mock/*', adminAccess(options.adminToken))
 */
export function adminAccess(token: string | undefined): MiddlewareHandler {
  const expected = token === undefined ? undefined : digest(token)
  return async (c, next) => {
    const refusal = expected === undefined ? loopbackOnly(c) : tokenRefusal(c, expected)
    if (refusal) {
      if (refusal.code === 401) c.header('WWW-Authenticate', 'Basic realm="mock-cloud admin", charset="UTF-8"')
      return renderFailure(c, queryParams(c), refusal, undefined)
    }
    await next()
  }
}

/**
 * Whether `address` is a loopback address: IPv4 127.0.0.0/8, IPv6 `::1`, or either in
 * IPv4-mapped form (`::ffff:127.0.0.1`).
 *
 * @example
 * isLoopback('127.0.0.2') // true
 * isLoopback('10.0.0.1') // false
 */
export function isLoopback(address: string): boolean {
  const v4 = address.toLowerCase().replace(/^::ffff:/, '')
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1' || address === '0:0:0:0:0:0:0:1'
}

function loopbackOnly(c: Context): ApiError | undefined {
  const incoming = incomingOf(c)
  if (incoming === undefined) return undefined
  // A socket closed already has no address: refused, or a client could close at once to pass.
  const address = incoming.socket?.remoteAddress
  if (address !== undefined && isLoopback(address)) return undefined
  return new ApiError(
    403,
    `The admin routes answer only loopback clients, not ${address ?? 'an unknown address'}; start mock-cloud with --admin-token TOKEN and send Authorization: Bearer TOKEN`,
  )
}

function tokenRefusal(c: Context, expected: Buffer): ApiError | undefined {
  const authorization = c.req.header('authorization') ?? ''
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]
  const presented = bearer ?? basicPassword(authorization) ?? c.req.header('x-mock-admin-token')
  if (presented === undefined || presented === '') {
    return new ApiError(401, 'The admin routes need the admin token: send Authorization: Bearer TOKEN or x-mock-admin-token: TOKEN')
  }
  // Compared as digests of equal length, in constant time.
  if (!timingSafeEqual(digest(presented.trim()), expected)) return new ApiError(403, 'Wrong admin token.')
  return undefined
}

/** The password of an `Authorization: Basic` header (base64 of `user:password`), or undefined. */
function basicPassword(authorization: string): string | undefined {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization)?.[1]
  if (encoded === undefined) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon < 0 ? undefined : decoded.slice(colon + 1)
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}
