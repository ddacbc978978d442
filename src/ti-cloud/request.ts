import { isUpload, percentEncode } from './encoding.js'

/** One HTTP request as ti.cloud sends it. */
export interface WireRequest {
  method: string
  url: string
  headers: Record<string, string>
  /** An urlencoded form, or multipart when it carries an upload; none for GET and DELETE. */
  body?: string | FormData
}

/** Where and as whom a request goes. */
export interface RequestTarget {
  /** The server's base URL, without a trailing slash. */
  baseUrl: string
  key: string
  /** Sent as `_session_id` when set. */
  sessionId?: unknown
}

/**
 * Builds the request ti.cloud makes (`Cocoafish.prototype.sendRequest` in `api.js` and
 * `sendAppceleratorRequest` in `utils.js`; docs/api.md "Parameters", "Sessions"):
 * - URL `<base>/v1/<path>?key=<key>` then `&_session_id=<session>`, both as given (not encoded);
 * - GET and DELETE: every parameter appended to the URL as `&name=<percent-encoded value>`;
 * - POST and PUT: an `application/x-www-form-urlencoded; charset=utf-8` body, or
 *   `multipart/form-data` when `photo`/`file` holds a Blob or bytes (what Titanium's HTTPClient
 *   does with a dictionary): a Blob under its own name (a nameless one `blob`, as FormData names
 *   it), bytes (an ArrayBuffer or a view of one) named after the parameter.
 *
 * `data` must already be cleaned (`cleanParameters`) and carry `suppress_response_codes`.
 */
export function buildRequest(target: RequestTarget, verb: string, path: string, data: Record<string, unknown>): WireRequest {
  let url = `${target.baseUrl}/v1/${path}?key=${target.key}`
  if (target.sessionId) url += `&_session_id=${String(target.sessionId)}`
  const headers: Record<string, string> = { 'accept-encoding': 'gzip,deflate' }
  const entries = Object.entries(data)
  if (verb === 'GET' || verb === 'DELETE') {
    for (const [name, value] of entries) url += `&${name}=${percentEncode(value)}`
    return { method: verb, url, headers }
  }
  if (entries.some(([, value]) => isUpload(value))) {
    const form = new FormData()
    for (const [name, value] of entries) {
      if (value instanceof Blob) form.append(name, value)
      else if (ArrayBuffer.isView(value)) form.append(name, new Blob([new Uint8Array(value.buffer, value.byteOffset, value.byteLength)]), name)
      else if (value instanceof ArrayBuffer) form.append(name, new Blob([value]), name)
      else form.append(name, String(value))
    }
    return { method: verb, url, headers, body: form }
  }
  headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8'
  const body = entries.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&')
  return { method: verb, url, headers, body }
}
