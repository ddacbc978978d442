import { isPlainObject } from '../json.js'
import type { WireRequest } from './request.js'

/**
 * What ti.cloud's HTTP layer passes on once a request is over: the parsed reply, or an error
 * event with a `message`. `loaded` is Titanium's `onload` (HTTP status below 400): only then is
 * a `meta.session_id` taken as the new session.
 */
export interface Reply {
  loaded: boolean
  event: Record<string, unknown>
}

/** A JSON object (not an array), or undefined. */
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return isPlainObject(value) ? value : undefined
  } catch {
    return undefined
  }
}

/** The text of a network failure: undici's cause (`connect ECONNREFUSED 127.0.0.1:9`) when it gives one. */
function failureText(error: unknown): string {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined
  if (cause instanceof Error) return cause.message
  return error instanceof Error ? error.message : String(error)
}

/**
 * Sends the request with Node's fetch and reads the reply as ti.cloud does. Never rejects: a
 * network failure or a reply that is not a JSON object becomes an event with a `message` and no
 * `meta`, which ti.cloud reports as a failure with `code` undefined.
 */
export async function exchange(request: WireRequest): Promise<Reply> {
  let response: Response
  let text: string
  try {
    response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? null })
    text = await response.text()
  } catch (error) {
    return { loaded: false, event: { message: failureText(error) } }
  }
  const loaded = response.status < 400
  const parsed = parseObject(text)
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
  if (!parsed) return { loaded: false, event: { message: `${status}: the reply is not a JSON object` } }
  // Titanium's onerror gives an error reply without a message the HTTP status text.
  if (!loaded && !parsed.message) parsed.message = status
  return { loaded, event: parsed }
}
