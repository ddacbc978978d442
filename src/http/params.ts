import type { Context } from 'hono'
import { ApiError } from '../errors.js'
import { isPlainObject, MAX_JSON_DEPTH, nestsDeeperThan } from '../json.js'
import { DEFAULT_MAX_BODY_BYTES } from '../limits.js'
import type { Params } from '../param-values.js'
import { parseMultipart } from './multipart.js'
import { incomingOf } from './node-request.js'
import { raiseLimit } from '../limits.js'

/**
 * The parameters of a request: the query string merged with the body, body
 * winning on a clash and the last of repeated keys winning, for every verb
 * (docs/api.md "Parameters"). Bodies may be urlencoded (also
 * when no Content-Type is sent, as `curl -d` does), multipart or JSON.
 *
 * GET bodies are read too: the guides send `curl -d ... -X GET` (docs/api.md "Parameters").
 * Over HTTP every body is read from Node's request (see docs/performance.md).
 *
 * @param query - the query-string parameters, from {@link queryParams}.
 * @param maxBodyBytes - the largest body accepted (the `limits.maxBodyBytes` option for the API; 1 MiB by default).
 * @throws ApiError 413 `Request body too large: the limit is N bytes; ...` (how to raise it) for a larger body, 400 for a query
 *   string or body whose percent-escapes or UTF-8 are malformed, for a body
 *   that does not parse as its Content-Type says or a JSON body nested deeper than
 *   {@link MAX_JSON_DEPTH} levels below its parameters, 415 for other types.
 */
export async function readParams(c: Context, query: Params, maxBodyBytes = DEFAULT_MAX_BODY_BYTES): Promise<Params> {
  // A URL without '%' has no escape to check: not parsed a second time (queryParams parsed it).
  if (c.req.url.includes('%')) checkPercentEncoding(new URL(c.req.url).search.slice(1), 'query string')
  const entries: [string, unknown][] = Object.entries(query)
  const declared = Number(c.req.header('content-length') ?? 0)
  if (declared > maxBodyBytes) throw tooLarge(maxBodyBytes)
  const body = await readBody(c, maxBodyBytes)
  if (body.byteLength > 0) entries.push(...(await parseBody(body, c.req.header('content-type') ?? '')))
  // fromEntries defines own properties, so a "__proto__" parameter stays a plain key.
  return Object.fromEntries(entries)
}

/**
 * The query-string parameters alone (last of repeated keys wins): what a
 * failure can still be rendered with (`suppress_response_codes`, `pretty_json`)
 * before, or without, reading the body.
 */
export function queryParams(c: Context): Params {
  return Object.fromEntries(new URL(c.req.url).searchParams)
}

const invalidJsonBody = (reason: string): ApiError => new ApiError(400, `Invalid JSON body: ${reason}`)

/**
 * Refuses a request URL whose path or query string holds a malformed
 * percent-escape or invalid UTF-8, as {@link readParams} does for the API:
 * for the `/__mock/` routes, whose `key` and names would otherwise be read as U+FFFD.
 *
 * @throws ApiError 400 `Invalid path: ...` or `Invalid query string: ...`.
 */
export function checkUrlEncoding(c: Context): void {
  const url = new URL(c.req.url)
  checkPercentEncoding(url.pathname, 'path')
  checkPercentEncoding(url.search.slice(1), 'query string')
}

/**
 * Refuses urlencoded text (a query string or a form body) with a malformed
 * percent-escape (`%`, `%2`, `%ZZ`) or one that decodes to invalid UTF-8 (`%FF`):
 * read leniently, such text silently turns into other characters (U+FFFD), so
 * that e.g. two different app keys would name one data set.
 *
 * @throws ApiError 400 `Invalid <where>: malformed percent-encoding in "<part>"; ...`.
 */
function checkPercentEncoding(text: string, where: string): void {
  if (!text.includes('%')) return
  for (const part of text.split(/[&=]/)) {
    try {
      decodeURIComponent(part)
    } catch {
      const shown = part.length > 40 ? `${part.slice(0, 40)}…` : part
      throw new ApiError(400, `Invalid ${where}: malformed percent-encoding in "${shown}"; send "%" as %25 and text as UTF-8`)
    }
  }
}

function tooLarge(maxBodyBytes: number): ApiError {
  return new ApiError(413, `Request body too large: the limit is ${maxBodyBytes} bytes; ${raiseLimit('maxBodyBytes')}.`)
}

async function readBody(c: Context, maxBodyBytes: number): Promise<Uint8Array> {
  const incoming = incomingOf(c)
  // HTTP/1.1 has no request body without Content-Length or Transfer-Encoding (RFC 9112 §6.3):
  // no stream to wait on, a tenth of the time of a GET with no body.
  if (incoming && incoming.headers['transfer-encoding'] === undefined && Number(incoming.headers['content-length'] ?? 0) === 0) {
    return new Uint8Array()
  }
  // Node's request itself, not the Fetch `Request`: that drops a GET body, and reading its web stream
  // costs a Request, a ReadableStream and an AbortSignal per call (a sixth of a login's time).
  const source: AsyncIterable<Uint8Array> | null = incoming ?? c.req.raw.body
  if (source === null) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    // Counted as it arrives, so a chunked body with no Content-Length cannot fill memory.
    for await (const chunk of source) {
      size += chunk.byteLength
      if (size > maxBodyBytes) throw tooLarge(maxBodyBytes)
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw new ApiError(400, `The request body could not be read: ${(error as Error).message}`)
  }
  return Buffer.concat(chunks)
}

async function parseBody(body: Uint8Array, contentType: string): Promise<[string, unknown][]> {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  const text = (): string => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body)
    } catch {
      throw new ApiError(400, 'Invalid body: it is not valid UTF-8 text')
    }
  }
  if (type === '' || type === 'application/x-www-form-urlencoded') {
    const form = text()
    checkPercentEncoding(form, 'form body')
    return [...new URLSearchParams(form)]
  }
  if (type === 'multipart/form-data') return parseMultipart(body, contentType)
  if (type === 'application/json' || type.endsWith('+json')) {
    let json: unknown
    try {
      json = JSON.parse(text())
    } catch (error) {
      throw invalidJsonBody((error as Error).message)
    }
    if (!isPlainObject(json)) throw invalidJsonBody('expected an object of parameters')
    // Parameters sit one level down, so a value may nest as deep as a JSON-text parameter may.
    if (nestsDeeperThan(json, MAX_JSON_DEPTH + 1)) throw invalidJsonBody(`a value is nested deeper than ${MAX_JSON_DEPTH} levels`)
    return Object.entries(json)
  }
  throw new ApiError(
    415,
    `Unsupported Content-Type "${type}": send application/x-www-form-urlencoded, multipart/form-data or application/json`,
  )
}
