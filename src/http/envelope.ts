import type { Context } from 'hono'
import { ApiError } from '../errors.js'
import { parseBoolean, type Params } from '../param-values.js'

declare module 'hono' {
  interface ContextVariableMap {
    /** The `meta` of the envelope a request was answered with, for the request journal. */
    envelopeMeta: Record<string, unknown>
  }
}

/**
 * The ArrowDB envelope (docs/api.md "Envelope"): `{"meta":{...},"response":{...}}`, HTTP
 * status = `meta.code` unless `suppress_response_codes` is true, then 200
 * (docs/api.md "Status codes"); `pretty_json` indents by two spaces
 * (docs/api.md "Status codes"). This is the only place that renders replies.
 */

/**
 * A success: `meta` = code 200, status ok, method_name, then `extra`; `response` only when given.
 *
 * @param status - the HTTP status, 200 unless a partly done batch answers 202 (`meta.code` stays 200).
 */
export function renderSuccess(
  c: Context,
  params: Params,
  method_name: string,
  extra: Record<string, unknown>,
  response: Record<string, unknown> | undefined,
  status = 200,
): Response {
  const meta = { code: 200, status: 'ok', method_name, ...extra }
  return render(c, params, status, meta, response)
}

/**
 * A success answered with raw bytes instead of the envelope (a binary key-value's `get`,
 * docs/key-values.md): HTTP 200, the given `Content-Type`; the journal still records the
 * `meta` the envelope would have carried.
 */
export function renderBytes(
  c: Context,
  method_name: string,
  extra: Record<string, unknown>,
  bytes: { data: Uint8Array<ArrayBuffer>; type: string },
): Response {
  c.set('envelopeMeta', { code: 200, status: 'ok', method_name, ...extra })
  return c.body(bytes.data, 200, { 'Content-Type': bytes.type })
}

/** A failure: `meta` = status fail, code, message and, for a known endpoint, its method_name (docs/api.md "Envelope"). */
export function renderFailure(c: Context, params: Params, error: ApiError, method_name: string | undefined): Response {
  return render(c, params, error.code, failureBody(error, method_name).meta, undefined)
}

/**
 * The body of a failure envelope, `{"meta":{"status":"fail","code","message"[,"method_name"]}}`,
 * for the one place that answers without a Hono context: a request Node cannot parse
 * (`client-errors.ts`).
 */
export function failureBody(error: ApiError, method_name?: string): { meta: Record<string, unknown> } {
  return {
    meta: { status: 'fail', code: error.code, message: error.message, ...(method_name !== undefined && { method_name }) },
  }
}

/**
 * Anything thrown while answering, as a failure envelope: an {@link ApiError} as itself;
 * anything else is logged and answered 500 `Internal server error.` without a stack.
 * After a 413 the connection closes, because the rest of the refused body is still on the
 * socket and a client reusing it would fail.
 */
export function renderThrown(c: Context, params: Params, error: unknown, method_name: string | undefined): Response {
  if (error instanceof ApiError) {
    if (error.code === 413) c.header('Connection', 'close')
    return renderFailure(c, params, error, method_name)
  }
  console.error('mock-cloud: unexpected error on %s %s:', c.req.method, c.req.path, error)
  return renderFailure(c, params, new ApiError(500, 'Internal server error.'), method_name)
}

/** The names of the parameters that shape the envelope rather than the call. */
export const ENVELOPE_PARAMS: ReadonlySet<string> = new Set(['suppress_response_codes', 'pretty_json'])

function render(
  c: Context,
  params: Params,
  code: number,
  meta: Record<string, unknown>,
  response: Record<string, unknown> | undefined,
): Response {
  c.set('envelopeMeta', meta)
  const status = parseBoolean(params.suppress_response_codes) ? 200 : code
  return renderJson(c, params, status, response === undefined ? { meta } : { meta, response })
}

/**
 * `body` as a JSON reply with status `status`, indented by two spaces under `pretty_json`
 * (docs/api.md "Status codes"): the envelopes above, and the one admin reply that is not an
 * envelope (`GET /__mock/data`, saved as a file).
 */
export function renderJson(c: Context, params: Params, status: number, body: unknown): Response {
  const text = JSON.stringify(body, null, parseBoolean(params.pretty_json) ? 2 : undefined)
  return c.body(text, status as 200, { 'Content-Type': 'application/json; charset=utf-8' })
}
