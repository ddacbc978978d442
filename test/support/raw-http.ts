import { request, type Agent } from 'node:http'

/** A reply read without any client-side decoding. */
export interface RawReply {
  status: number
  body: any
  headers: Record<string, string | string[] | undefined>
  text: string
}

/**
 * Sends a request exactly as given, with node:http rather than fetch: fetch refuses a body on
 * GET (which the guides' `curl -d ... -X GET` examples send, docs/api.md "Parameters") and re-encodes URLs.
 * `path` goes on the wire untouched, so a raw `+` stays a raw `+`.
 *
 * @example
 * const reply = await rawRequest(server.url, 'GET', '/v1/users/query.json?key=TESTKEY', {
 *   body: 'where=%7B%22username%22%3A%22bob%22%7D',
 *   headers: { 'content-type': 'application/x-www-form-urlencoded' },
 * })
 */
export function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: string | Uint8Array; headers?: Record<string, string>; agent?: Agent } = {},
): Promise<RawReply> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers }
    if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body)
    const req = request({ host: hostname, port, method, path, headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch {
          body = undefined
        }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers, text })
      })
    })
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}
