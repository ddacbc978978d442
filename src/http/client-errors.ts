import type { Server, ServerResponse } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { ApiError } from '../errors.js'
import { failureBody } from './envelope.js'

/** How long a refused connection may stay half-open for the client to read the answer. */
const LINGER_MS = 2000

/**
 * Makes `server` answer a request that Node's HTTP parser refuses before any route sees it (a
 * raw byte above 0x7f or a space in the request line, a head over the size limit, a broken
 * chunked body...) with a failure envelope, as every other answer is (docs/api.md "Envelope"), instead of
 * Node's bare `400 Bad Request` with no body. The connection is closed afterwards: the parser
 * cannot find the next request on it.
 *
 * @param maxHeadBytes - the head size limit the server was given, named in the 431 message.
 * @example
 * answerClientErrors(server, 1024 * 1024)
 */
export function answerClientErrors(server: Server, maxHeadBytes: number): void {
  const requestStarts = new RequestStarts(server)
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer; bytesParsed?: number }, socket: Socket) => {
    const failure = clientFailure(error, maxHeadBytes)
    // Nothing can be written to a reset socket, nor into a reply already started (Node's own
    // test: the socket's in-flight response has sent its head). A kept-alive socket has
    // written earlier replies, so bytesWritten cannot tell.
    const inFlight = (socket as { _httpMessage?: ServerResponse | null })._httpMessage
    if (failure === undefined || !socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    const body = JSON.stringify(failureBody(failure))
    // A HEAD answer has the head only; anything after it would be read as the next reply.
    const head = requestStarts.methodOf(socket, error) === 'HEAD'
    // end(), not destroy(): closing with unread request bytes would send a TCP reset, and the
    // client could lose the answer. What the client still sends is read and dropped.
    socket.end(
      `HTTP/1.1 ${failure.code} ${STATUS_CODES[failure.code] ?? 'Error'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${head ? '' : body}`,
    )
    socket.resume()
    setTimeout(() => socket.destroy(), LINGER_MS).unref()
  })
}

/**
 * The method of the request each connection is sending, so that a refusal knows whether it
 * answers a HEAD. A request line longer than one packet fails in a later packet, and a packet
 * may start with the end of the previous request's body, so the failing packet alone cannot
 * tell: the last request line start seen on each connection is remembered.
 */
class RequestStarts {
  private readonly methods = new WeakMap<Socket, string>()

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      socket.on('data', (chunk: Buffer) => {
        const method = lastMethodIn(chunk)
        if (method !== undefined) this.methods.set(socket, method)
      })
    })
  }

  /** The method of the request `socket` is sending; `error` tells the packet the parser refused and where. */
  methodOf(socket: Socket, error: { rawPacket?: Buffer; bytesParsed?: number }): string | undefined {
    // Node's parser reads a packet before this listener does, so the failing packet comes first.
    const failing = error.rawPacket?.subarray(0, error.bytesParsed)
    return (failing && lastMethodIn(failing)) ?? this.methods.get(socket)
  }
}

// A request line may follow the previous request's body directly, with no line break between.
const REQUEST_LINE_START = /([A-Z]{3,7}) [/*h]/g

function lastMethodIn(packet: Buffer): string | undefined {
  let method: string | undefined
  for (const match of packet.toString('latin1').matchAll(REQUEST_LINE_START)) method = match[1]
  return method
}

function clientFailure(error: NodeJS.ErrnoException & { reason?: string }, maxHeadBytes: number): ApiError | undefined {
  switch (error.code) {
    case 'ECONNRESET':
      return undefined
    case 'HPE_HEADER_OVERFLOW':
      return new ApiError(431, `Request head too large: the request line and headers may hold at most ${maxHeadBytes} bytes.`)
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ApiError(408, 'Request timeout: the request was not received in time.')
    default:
      return new ApiError(400, `Malformed HTTP request: ${error.reason ?? error.message}.`)
  }
}
