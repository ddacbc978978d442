import { Agent } from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import type { AppData, StoreData } from '../../src/store/db.js'
import { startServer } from '../support/client.js'
import { ids } from '../support/fixture-s.js'
import { FUZZ_KEYS, FUZZ_SESSIONS, fuzzRequest, type FuzzRequest } from '../support/fuzz-requests.js'
import { rawRequest, type RawReply } from '../support/raw-http.js'

// Thousands of hostile requests over real HTTP to every endpoint. Every answer
// is a well-formed envelope (a failure says what was wrong), never a 5xx, never a hang, and a
// refused request leaves the stored data exactly as it was.
// FUZZ_RUNS, FUZZ_SEED (a number or `random`) and FUZZ_TIME_MS explore further than the default,
// fixed-seed run of `npm test`.
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500)
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20261129)
/** A reply slower than this counts as a hang. */
const HANG_MS = 5000
/** On a loaded machine the run stops after this long, with the requests sent so far (reported); FUZZ_TIME_MS for longer runs. */
const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_MS ?? 25_000)

let server: RunningMockCloud
const agent = new Agent({ keepAlive: true, maxSockets: 1 })
let sent = 0
/** A data set as its app key's first request makes it: the baseline, no session. */
let baseline: string

beforeAll(async () => {
  ;({ server } = await startServer())
  baseline = JSON.stringify(server.exportData('OTHER'))
})
afterAll(async () => {
  agent.destroy()
  await server.stop()
  console.info(`fuzz: ${sent} requests sent (seed ${SEED})`)
})

/** Back to fixture S in every data set the fuzzer names, with alice and the admin logged in. */
async function freshState(): Promise<void> {
  await server.reset()
  for (const key of FUZZ_KEYS) {
    const data = server.exportData(key) as AppData
    data.sessions[FUZZ_SESSIONS.alice] = { user_id: ids.alice, created_at: '2026-01-01T00:00:00.000Z' }
    data.sessions[FUZZ_SESSIONS.admin] = { user_id: ids.admin, created_at: '2026-01-01T00:00:00.000Z' }
    await server.importData(data, key)
  }
}

/**
 * Everything stored, as a `--data` file would hold it, one JSON text per app key. A request
 * with a new app key makes that key's data set from the baseline (docs/api.md "App
 * keys"): that is no change to stored data as long as it equals the baseline.
 */
function exported(): Map<string, string> {
  const { apps } = server.exportData() as StoreData
  return new Map(Object.entries(apps).map(([key, data]) => [key, JSON.stringify(data)]))
}

function expectUnchanged(before: Map<string, string>, after: Map<string, string>): void {
  for (const [key, data] of after) {
    const expected = before.get(key) ?? baseline
    if (data === expected) continue
    const at = [...data].findIndex((ch, i) => ch !== expected[i])
    expect.fail(`data set ${JSON.stringify(key)} changed at ${at}: …${expected.slice(at - 80, at + 120)}… → …${data.slice(at - 80, at + 120)}…`)
  }
  expect([...after.keys()]).toEqual(expect.arrayContaining([...before.keys()]))
}

async function send(request: FuzzRequest): Promise<RawReply> {
  sent++
  const options: Parameters<typeof rawRequest>[3] = { headers: request.headers, agent }
  if (request.body !== undefined) options.body = request.body
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms`)), HANG_MS)
  })
  try {
    return await Promise.race([rawRequest(server.url, request.method, request.path, options), hang])
  } finally {
    clearTimeout(timer)
  }
}

/** The reply is a well-formed ArrowDB envelope (docs/api.md "Envelope") with no server error; HEAD and CORS preflights have no body. */
function expectWellFormed(request: FuzzRequest, reply: RawReply): void {
  expect(reply.status).toBeLessThan(500)
  if (request.method === 'HEAD' || (request.method === 'OPTIONS' && reply.status === 204)) return
  expect(reply.headers['content-type']).toMatch(/^application\/json/)
  const meta = reply.body?.meta
  expect(meta, reply.text.slice(0, 300)).toBeTypeOf('object')
  expect(meta.code).toBeTypeOf('number')
  expect(meta.code).toBeLessThan(500)
  expect([200, meta.code]).toContain(reply.status)
  if (meta.status === 'ok') {
    expect(meta.code).toBe(200)
  } else {
    expect(meta.status).toBe('fail')
    expect(meta.code).toBeGreaterThanOrEqual(400)
    expect(meta.message).toBeTypeOf('string')
    expect(meta.message.length).toBeGreaterThan(0)
  }
}

describe('fuzzing every endpoint over HTTP', () => {
  it(`answers ${RUNS} hostile requests with well-formed envelopes and no 5xx, and a refused one changes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        await freshState()
        const before = exported()
        const reply = await send(request)
        expectWellFormed(request, reply)
        // A HEAD answer has no body: its status tells a refusal (unless suppress_response_codes hides it).
        const refused = request.method === 'HEAD' ? reply.status >= 400 : reply.body?.meta?.status !== 'ok'
        if (refused) expectUnchanged(before, exported())
      }),
      { numRuns: RUNS, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT_MS },
    )
    // Still up and answering after all of it.
    await freshState()
    const count = await send({ method: 'GET', path: '/v1/users/count.json?key=TESTKEY', headers: {}, encoding: 'check' })
    expect(count.body.meta.count).toBe(5)
  }, TIME_LIMIT_MS + 60_000)

  // Requests that once broke the server (found by the fuzzer), replayed on every run.
  it.each<[string, FuzzRequest]>([
    [
      'a raw non-ASCII byte in the URL (Node refused it with a bare 400)',
      { method: 'GET', path: '/v1/users/query.json?key=TESTKEY&where=\u00c3\u00a9', headers: {}, encoding: 'raw' },
    ],
    [
      'a request head over 1 MiB (Node refused it with a bare 431)',
      { method: 'GET', path: `/v1/users/query.json?key=TESTKEY&q=${'x'.repeat(1024 * 1024)}`, headers: {}, encoding: 'huge' },
    ],
    [
      'a HEAD with a raw byte in a URL longer than one packet (the answer must have no body)',
      { method: 'HEAD', path: `/v1/users/show.json?key=TESTKEY&q=${'\u00c3\u00a9'.repeat(40_000)}`, headers: {}, encoding: 'raw' },
    ],
    [
      'a JSON body whose key is a list (the journal read it again and threw: a bare 500)',
      { method: 'GET', path: '/v1/users/count.json', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"key":["a"]}'), encoding: 'json' },
    ],
  ])('answers %s with a failure envelope', async (_, request) => {
    await freshState()
    const before = exported()
    const reply = await send(request)
    expectWellFormed(request, reply)
    expect(reply.status).toBeGreaterThanOrEqual(400)
    if (request.method !== 'HEAD') expect(reply.body.meta.status).toBe('fail')
    expectUnchanged(before, exported())
  })
})
