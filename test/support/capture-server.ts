import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as it arrived on the wire. */
export interface CapturedRequest {
  method: string
  /** Path and query exactly as sent (not decoded). */
  url: string
  headers: IncomingHttpHeaders
  /** The raw body as UTF-8 text; '' when none. */
  body: string
}

/** What the capture server answers: a status and a JSON value, or a raw text. */
export interface CannedReply {
  status?: number
  json?: unknown
  text?: string
}

/** A loopback server that records every request and answers with `reply`. */
export interface CaptureServer {
  url: string
  requests: CapturedRequest[]
  /** Decides each answer; the default is `{"meta":{"code":200,"status":"ok","method_name":"captured"}}`. */
  reply: (request: CapturedRequest) => CannedReply
  stop(): Promise<void>
}

const OK: CannedReply = { json: { meta: { code: 200, status: 'ok', method_name: 'captured' } } }

/**
 * Starts a capture server on 127.0.0.1, port 0, to see what a client sends.
 *
 * @example
 * const capture = await startCaptureServer()
 * capture.reply = () => ({ json: { meta: { code: 200, status: 'ok', session_id: 'S1' } } })
 * // ... point a client at capture.url, then read capture.requests
 * await capture.stop()
 */
export async function startCaptureServer(): Promise<CaptureServer> {
  const capture: CaptureServer = {
    url: '',
    requests: [],
    reply: () => OK,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request: CapturedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      capture.requests.push(request)
      const answer = capture.reply(request)
      const text = answer.text ?? JSON.stringify(answer.json)
      res.writeHead(answer.status ?? 200, { 'content-type': answer.text === undefined ? 'application/json' : 'text/plain' })
      res.end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  capture.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return capture
}
