import { startMockCloud, type RunningMockCloud } from '../../src/server.js'
import type { MockCloudOptions } from '../../src/options.js'
import { fixtureS } from './fixture-s.js'

/** What a test sees of one reply. */
export interface Reply {
  status: number
  body: any
  headers: Headers
  text: string
}

export interface CallOptions {
  /** Sent as the `_session_id` query parameter (ti.cloud's way). */
  session?: string
  /** Raw `Cookie` header (the arrowdb SDK's way). */
  cookie?: string
  /** Body as urlencoded form fields; objects are JSON-encoded as real clients do. */
  form?: Record<string, unknown>
  /** Body as JSON. */
  json?: unknown
  /** Body as multipart form data; a `File` or `Blob` is sent as a file part. */
  multipart?: Record<string, string | Blob>
  /** App key; default TESTKEY; null sends none. */
  key?: string | null
}

/** Encodes a parameter as clients do: objects and arrays as JSON text (docs/api.md "Parameters"). */
function encode(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)
}

/**
 * A small HTTP client for the API: `call('GET', 'users/query', { where: {...} })`
 * hits `/v1/users/query.json?key=TESTKEY&where=...` over real HTTP.
 */
export function client(baseUrl: string) {
  return async function call(
    method: string,
    endpoint: string,
    query: Record<string, unknown> = {},
    options: CallOptions = {},
  ): Promise<Reply> {
    const url = new URL(`${baseUrl}/v1/${endpoint}.json`)
    const key = options.key === undefined ? 'TESTKEY' : options.key
    if (key !== null) url.searchParams.set('key', key)
    if (options.session) url.searchParams.set('_session_id', options.session)
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, encode(value))
    const headers: Record<string, string> = {}
    if (options.cookie) headers.cookie = options.cookie
    let body: RequestInit['body']
    if (options.form) {
      body = new URLSearchParams(Object.entries(options.form).map(([k, v]): [string, string] => [k, encode(v)]))
    } else if (options.json !== undefined) {
      body = JSON.stringify(options.json)
      headers['content-type'] = 'application/json'
    } else if (options.multipart) {
      const form = new FormData()
      for (const [k, v] of Object.entries(options.multipart)) form.append(k, v)
      body = form
    }
    const response = await fetch(url, { method, headers, body })
    const text = await response.text()
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    return { status: response.status, body: parsed, headers: response.headers, text }
  }
}

export type Call = ReturnType<typeof client>

/** Starts a server on 127.0.0.1, port 0, seeded with fixture S unless told otherwise. */
export async function startServer(options: MockCloudOptions = {}): Promise<{ server: RunningMockCloud; call: Call }> {
  const server = await startMockCloud({ fixtures: fixtureS, ...options })
  return { server, call: client(server.url) }
}

/** The usernames of a reply's users (`body.response.users`), in reply order. */
export function usernames(reply: { body: any }): string[] {
  return (reply.body.response.users as { username: string }[]).map((u) => u.username)
}

/** Logs in and returns the session id from `meta.session_id`. */
export async function login(call: Call, login: string, password: string): Promise<string> {
  const reply = await call('POST', 'users/login', {}, { form: { login, password } })
  if (reply.status !== 200) throw new Error(`login ${login} failed: ${reply.text}`)
  return reply.body.meta.session_id as string
}
