import { expect } from 'vitest'
import type { MockCloud } from '../../src/index.js'

/** An API reply read in process: the HTTP status and the parsed envelope. */
export interface InProcessReply {
  status: number
  body: any
}

/**
 * Calls `/v1/<path>.json` on `cloud.app.request()` for app key K: parameters in the query string
 * for GET and DELETE (as ti.cloud sends them), in a form body otherwise (multipart when a value is
 * a `Blob`, sent as the file `pic.png`); objects are sent as JSON text, as the clients encode them.
 */
export async function inProcessCall(
  cloud: MockCloud,
  verb: string,
  path: string,
  params: Record<string, unknown> = {},
  sessionId?: string,
): Promise<InProcessReply> {
  const files = Object.entries(params).filter((entry): entry is [string, Blob] => entry[1] instanceof Blob)
  const texts = Object.entries(params)
    .filter(([, value]) => !(value instanceof Blob))
    .map(([name, value]): [string, string] => [name, typeof value === 'string' ? value : JSON.stringify(value)])
  const all = new URLSearchParams([['key', 'K'], ...texts, ...(sessionId ? [['_session_id', sessionId] as [string, string]] : [])])
  const inQuery = verb === 'GET' || verb === 'DELETE'
  let body: URLSearchParams | FormData = all
  if (files.length > 0) {
    body = new FormData()
    for (const [name, value] of all) body.append(name, value)
    for (const [name, blob] of files) body.append(name, blob, 'pic.png')
  }
  const reply = await cloud.app.request(`/v1/${path}.json?${inQuery ? all : 'key=K'}`, { method: verb, ...(!inQuery && { body }) })
  return { status: reply.status, body: (await reply.json()) as any }
}

/** A failure reply's status, message and method_name, to compare in one assertion. */
export function failure(reply: InProcessReply): { status: number; message: string; method_name: string } {
  return { status: reply.status, message: reply.body.meta.message, method_name: reply.body.meta.method_name }
}

/** The body of a reply that must be a success (HTTP 200, `meta.status` ok); fails the test with its meta otherwise. */
export async function okBody(reply: Promise<InProcessReply>): Promise<any> {
  const { status, body } = await reply
  expect(body.meta, JSON.stringify(body.meta)).toMatchObject({ status: 'ok' })
  expect(status).toBe(200)
  return body
}

/** {@link failure} of a reply that must be a failure envelope: it has no `response`. */
export async function refusal(reply: Promise<InProcessReply>): Promise<{ status: number; message: string; method_name: string }> {
  const done = await reply
  expect(done.body.response).toBeUndefined()
  return failure(done)
}
