import autocannon from 'autocannon'

/** One HTTP request shape to send over and over; `setupRequest` may vary it per request. */
export interface LoadRequest {
  method: 'GET' | 'POST'
  /** Path and query, e.g. `/v1/users/show/me.json?key=BENCH`. */
  path: string
  headers?: Record<string, string>
  /** A urlencoded form body (POST). */
  form?: string
  /** Another body (POST), sent with `headers`' own Content-Type: a multipart upload. */
  body?: Buffer
  /** Makes each request's form body, e.g. with a unique username; overrides `form`. */
  nextForm?: () => string
}

/** What one load run measured: requests per second, and whether every answer was a 2xx. */
export interface LoadSample {
  /** Completed requests per second over the run. */
  rps: number
  requests: number
  /** Answers outside 200–299, connection errors and timeouts: any of them makes the sample invalid. */
  non2xx: number
  errors: number
}

/** Concurrent connections: enough to keep one server core busy, few enough for the load generator's own core. */
const CONNECTIONS = 10
/**
 * Fewer completed requests than this in the time given (a slow endpoint, a short quick-mode run,
 * a busy machine) measure nothing: the run is repeated until this many have completed instead.
 */
const MIN_REQUESTS = 2 * CONNECTIONS

/**
 * Sends `request` to `baseUrl` from 10 connections for `seconds` (fractions allowed) with autocannon, on loopback
 * (or, when that completes fewer than 20 requests, for exactly 20 requests).
 *
 * @example
 * const sample = await runLoad('http://127.0.0.1:4000', { method: 'GET', path: '/fixed' }, 3)
 */
export async function runLoad(baseUrl: string, request: LoadRequest, seconds: number): Promise<LoadSample> {
  const headers = { ...request.headers, ...(request.form !== undefined || request.nextForm ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }
  const nextForm = request.nextForm
  const run = (limit: { duration: number } | { amount: number }) => autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    ...limit,
    // autocannon ends a timed run at its next sample, one a second by default: a run shorter than
    // a second (quick mode) samples as often as it lasts, so that it stops on time.
    sampleInt: Math.min(1000, seconds * 1000),
    requests: [
      {
        method: request.method,
        path: request.path,
        headers,
        ...(request.form !== undefined && { body: request.form }),
        ...(request.body !== undefined && { body: request.body }),
        ...(nextForm && { setupRequest: (req: autocannon.Request) => ({ ...req, body: nextForm() }) }),
      },
    ],
  })
  let result = await run({ duration: seconds })
  if (result.requests.total < MIN_REQUESTS) result = await run({ amount: MIN_REQUESTS })
  return {
    rps: result.requests.total / (result.duration || seconds),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}
