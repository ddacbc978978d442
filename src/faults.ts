import { ApiError, invalidParameter, unknownMethodName } from './errors.js'
import { isPlainObject } from './json.js'
import { integerValue, isAbsent, jsonParam, readBoolean } from './param-values.js'
import type { Router } from './engine/router.js'

/**
 * Faults on demand (docs/toolkit.md): "the next N calls of users/login fail with code C",
 * "add D ms to users/query", "drop the connection on the next users/update". Each fault is
 * scoped to one app key or to all, counts its uses down and is gone after the last one (or
 * after its ttl). Free of HTTP: the HTTP layer asks {@link Faults.take} before running an
 * endpoint and carries out what the fault says.
 */


/** An injected failure: the reply is a failure envelope with this code and message. */
export interface FaultError {
  /** `meta.code` and HTTP status, 400–599. */
  code: number
  /** `meta.message`; default {@link DEFAULT_FAULT_MESSAGE}. */
  message: string
}

/** The `meta.message` of an injected error given without one. */
export const DEFAULT_FAULT_MESSAGE = 'Injected fault.'

/**
 * What `fault()` and `POST /__mock/faults` take. Name the endpoint by `method_name` or by
 * `path`, not both; give at least one of `error`, `delay`, `drop` (`error` and `drop`
 * exclude each other; `delay` goes before either).
 */
export interface FaultSpec {
  /** The app key whose calls it hits; absent: calls of every key. */
  key?: string
  /** The endpoint by method_name, e.g. `loginUser`. */
  method_name?: string
  /**
   * The endpoint by path: `users/login`, `users/login.json` or `/v1/users/login.json`; a path
   * with variables names every call it matches (`objects/:classname/query`), a concrete one only
   * its own (`objects/cars/query`).
   */
  path?: string
  /** How many calls it acts on, 1 or more; default 1. */
  times?: number
  /** It is gone this many milliseconds (1 or more) after it was added, by the server's clock, used up or not. */
  ttl?: number
  /** Fail the call: `{ code, message? }`. */
  error?: { code: number; message?: string }
  /** Milliseconds (real time) to wait before answering, 0–60000. */
  delay?: number
  /** Destroy the connection without a reply. */
  drop?: boolean
}

/** A fault as `faults()` and `GET /__mock/faults` show it. */
export interface Fault {
  /** `fault-1`, `fault-2`, ... in order of adding. */
  id: string
  /** The app key it is scoped to, or null for every key. */
  key: string | null
  /** The endpoint's path under `/v1/`, e.g. `users/login`, `objects/cars/query` or `objects/:classname/query`; for a fault named by a method_name several endpoints share, the first. */
  path: string
  method_name: string
  /** Calls it will still act on. */
  remaining: number
  /** When it expires (ISO 8601, server clock), or null: only by use. */
  expires_at: string | null
  error?: FaultError
  delay?: number
  drop?: boolean
}

/** The longest delay accepted, in ms: a minute is more than any client timeout worth testing. */
export const MAX_DELAY_MS = 60_000

const FIELDS = ['key', 'method_name', 'path', 'times', 'ttl', 'error', 'delay', 'drop']

/**
 * The faults of a server, in order of adding. When several match a call, the
 * oldest acts and only it counts a use.
 *
 * @example
 * const faults = new Faults(new Router(OBJECTS), clock)
 * faults.add({ key: 'K', path: 'users/login', times: 2, error: { code: 503, message: 'Down' } })
 * faults.take('K', 'users/login') // the fault, remaining 1
 */
export class Faults {
  private live: Fault[] = []
  private lastId = 0

  constructor(
    private readonly router: Router,
    private readonly clock: { now(): Date },
  ) {}

  /**
   * Checks and adds a fault.
   *
   * @param spec - a {@link FaultSpec}, or the same read from outside (numbers may be digit
   *   strings, `error` JSON text, `drop` a boolean word) as a form or JSON body sends it.
   * @returns the fault as stored, with its id.
   * @throws ApiError 400 naming the field that is wrong: an unknown field, no or an unknown
   *   endpoint, `times` or `ttl` below 1, a `delay` outside 0–60000, a `code` outside 400–599, nothing
   *   to do, or both `error` and `drop`.
   */
  add(spec: FaultSpec | Readonly<Record<string, unknown>>): Fault {
    const raw = spec as Readonly<Record<string, unknown>>
    const unknown = Object.keys(raw).find((name) => !FIELDS.includes(name))
    if (unknown !== undefined) {
      throw new ApiError(400, `Unknown fault field ${JSON.stringify(unknown)}; the fields are ${FIELDS.join(', ')}`)
    }
    const fault: Fault = {
      id: '',
      key: readKey(raw.key),
      ...this.endpointOf(raw),
      remaining: whole(raw.times, 'times', 1) ?? 1,
      expires_at: null,
    }
    const ttl = whole(raw.ttl, 'ttl', 1)
    if (ttl !== undefined) fault.expires_at = new Date(this.clock.now().getTime() + ttl).toISOString()
    if (!isAbsent(raw.error)) fault.error = readError(raw.error)
    const delay = whole(raw.delay, 'delay', 0, MAX_DELAY_MS)
    if (delay !== undefined) fault.delay = delay
    if (!isAbsent(raw.drop)) {
      const drop = readBoolean(raw.drop)
      if (drop === undefined) throw invalidParameter('drop', `must be true or false, got ${JSON.stringify(raw.drop)}`)
      if (drop) fault.drop = true
    }
    if (fault.error && fault.drop) throw new ApiError(400, 'A fault cannot both fail the call (error) and drop it (drop); choose one')
    if (!fault.error && fault.delay === undefined && !fault.drop) {
      throw new ApiError(400, 'A fault needs something to do: error ({"code":503}), delay (milliseconds) or drop (true)')
    }
    fault.id = `fault-${++this.lastId}`
    if (!isAbsent(raw.method_name)) byName.add(fault)
    this.live.push(fault)
    return { ...fault }
  }

  /**
   * The fault that acts on this call, with one use counted (a fault with no use left is
   * removed), or undefined when none matches.
   *
   * @param key - the call's app key.
   * @param path - the call's path under `/v1/` without `.json` (`objects/cars/query`).
   * @param endpoint - the endpoint it reached: its path pattern and method_name.
   */
  take(key: string, path: string, endpoint: { readonly path: string; readonly method_name: string }): Fault | undefined {
    // Asked on every API call: with no fault set, no clock read and no array copied.
    if (this.live.length === 0) return undefined
    this.dropExpired()
    const index = this.live.findIndex(
      (fault) =>
        (fault.key === null || fault.key === key) &&
        (byName.has(fault) ? fault.method_name === endpoint.method_name : fault.path === path || fault.path === endpoint.path),
    )
    const fault = this.live[index]
    if (!fault) return undefined
    fault.remaining -= 1
    if (fault.remaining === 0) this.live.splice(index, 1)
    return { ...fault }
  }

  /** The live faults scoped to `key` (exactly: not those for every key), or without a key all of them. */
  list(key?: string): Fault[] {
    this.dropExpired()
    return this.live.filter((fault) => key === undefined || fault.key === key).map((fault) => ({ ...fault }))
  }

  /**
   * Removes the faults scoped to `key`, or without a key every fault.
   * @returns how many were removed.
   */
  clear(key?: string): number {
    const before = this.live.length
    this.live = key === undefined ? [] : this.live.filter((fault) => fault.key !== key)
    return before - this.live.length
  }

  private dropExpired(): void {
    const now = this.clock.now().getTime()
    this.live = this.live.filter((fault) => fault.expires_at === null || Date.parse(fault.expires_at) > now)
  }

  private endpointOf(raw: Readonly<Record<string, unknown>>): { path: string; method_name: string } {
    const named = !isAbsent(raw.method_name)
    if (named === !isAbsent(raw.path)) {
      throw new ApiError(400, 'A fault names its endpoint by method_name (loginUser) or by path (users/login): give exactly one')
    }
    if (named) {
      const found = typeof raw.method_name === 'string' ? this.router.byMethodName(raw.method_name) : []
      if (found.length === 0) throw unknownMethodName(raw.method_name, this.router.methodNames())
      return { path: found[0]!.endpoint.path, method_name: found[0]!.endpoint.method_name }
    }
    const path = typeof raw.path === 'string' ? raw.path.replace(/^\/?(v1\/)?/, '').replace(/\.json$/, '') : undefined
    const exact = path === undefined ? undefined : this.router.routes.find((route) => route.endpoint.path === path)
    const route = exact ?? (path === undefined ? undefined : this.router.match(path))
    if (path === undefined || route === undefined) {
      const known = this.router.routes.map((candidate) => candidate.endpoint.path).join(', ')
      throw invalidParameter('path', `no endpoint at ${JSON.stringify(raw.path)}; known: ${known}`)
    }
    return { path, method_name: route.endpoint.method_name }
  }
}

/** Faults named by method_name: they act on every endpoint of that name, whatever its path. */
const byName = new WeakSet<Fault>()

function readKey(raw: unknown): string | null {
  if (isAbsent(raw)) return null
  if (typeof raw !== 'string') throw invalidParameter('key', 'must be an app key (text)')
  return raw
}

/** A whole number from `min` to `max`, or undefined when absent. */
function whole(raw: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (isAbsent(raw)) return undefined
  const value = integerValue(raw)
  if (value === undefined || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`
    throw invalidParameter(name, `must be a whole number ${range}, got ${JSON.stringify(raw)}`)
  }
  return value
}

function readError(raw: unknown): FaultError {
  const error = jsonParam('error', raw)
  if (!isPlainObject(error)) throw invalidParameter('error', 'must be an object {"code": 400–599, "message": "..."}')
  const extra = Object.keys(error).find((name) => name !== 'code' && name !== 'message')
  if (extra !== undefined) throw invalidParameter('error', `unknown field ${JSON.stringify(extra)}; the fields are code, message`)
  const code = whole(error.code, 'error.code', 400, 599)
  if (code === undefined) throw invalidParameter('error.code', 'is required: an HTTP status from 400 to 599')
  if (error.message !== undefined && (typeof error.message !== 'string' || error.message === '')) {
    throw invalidParameter('error.message', 'must be non-empty text')
  }
  return { code, message: (error.message as string | undefined) ?? DEFAULT_FAULT_MESSAGE }
}
