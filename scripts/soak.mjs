// npm run soak: about a minute of mixed traffic against one mock-cloud (issue 6 item 7), with
// the request journal on (capped). Prints the heap and RSS every few seconds (after a GC) and
// the count of answers by kind; exits 1 on any unexpected answer (a 5xx, a wrong status, a
// network error). SOAK_SECONDS and SOAK_CLIENTS change the run.
import { startMockCloud } from '../dist/index.js'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60)
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 16)
const SAMPLE_MS = 5000

const cloud = await startMockCloud({ fixtures: 'fixtures/users.json' })
const counts = { requests: 0, ok: 0, refusedAsExpected: 0, unexpected: 0 }
const unexpected = []
const samples = []

/** Calls the API and checks the status; a 401 or 404 asked for counts as an expected refusal. */
async function call(method, endpoint, params, expected, session) {
  const url = new URL(`${cloud.url}/v1/${endpoint}.json`)
  url.searchParams.set('key', 'SOAK')
  if (session) url.searchParams.set('_session_id', session)
  const init = { method }
  if (method === 'GET' || method === 'DELETE') for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  else init.body = new URLSearchParams(params)
  counts.requests++
  try {
    const response = await fetch(url, init)
    const body = await response.json()
    if (response.status === expected) {
      if (expected === 200) counts.ok++
      else counts.refusedAsExpected++
    } else {
      counts.unexpected++
      if (unexpected.length < 10) unexpected.push(`${method} ${endpoint} → ${response.status} ${body.meta?.message ?? ''}`)
    }
    return body
  } catch (error) {
    counts.unexpected++
    if (unexpected.length < 10) unexpected.push(`${method} ${endpoint} → ${error.message}`)
    return {}
  }
}

/** One client's life, over and over: sign up, log in, change, read, query, fail a login, log out, delete itself. */
async function client(id, until) {
  for (let round = 0; Date.now() < until; round++) {
    const username = `soak-${id}-${round}`
    const password = `pw-${round}`
    await call('POST', 'users/create', { username, password, password_confirmation: password, custom_fields: JSON.stringify({ client: id, round }) }, 200)
    const session = (await call('POST', 'users/login', { login: username, password }, 200)).meta?.session_id
    await call('PUT', 'users/update', { custom_fields: JSON.stringify({ round: round + 1, note: 'x'.repeat(round % 200) }) }, 200, session)
    await call('GET', 'users/show/me', {}, 200, session)
    await call('GET', 'users/query', { where: JSON.stringify({ client: id, round: { $gte: 0 } }), order: '-created_at', limit: '20' }, 200, session)
    await call('GET', 'users/count', { where: JSON.stringify({ username: { $regex: `^soak-${id}-` } }) }, 200)
    await call('GET', 'users/search', { q: `soak-${id}` }, 200)
    await call('GET', 'users/show', { user_id: '65bb6f24a0b1c2d3e4f50002' }, 200)
    await call('POST', 'users/login', { login: username, password: 'wrong' }, 401)
    await call('GET', 'users/show', { user_id: '000000000000000000000000' }, 404)
    await call('GET', 'users/logout', {}, 200, session)
    const again = (await call('POST', 'users/login', { login: username, password }, 200)).meta?.session_id
    await call('DELETE', 'users/delete', {}, 200, again)
  }
}

function sample(at) {
  globalThis.gc?.()
  const { heapUsed, rss } = process.memoryUsage()
  samples.push({ at, heapUsed, rss, requests: counts.requests })
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  console.log(`${String(Math.round(at / 1000)).padStart(3)} s  heap ${mb(heapUsed).padStart(10)}  rss ${mb(rss).padStart(10)}  requests ${counts.requests}`)
}

const start = Date.now()
const until = start + SECONDS * 1000
console.log(`soak: ${CLIENTS} clients for ${SECONDS} s against ${cloud.url}${globalThis.gc ? '' : ' (run with --expose-gc for steady figures)'}`)
sample(0)
const timer = setInterval(() => sample(Date.now() - start), SAMPLE_MS)
await Promise.all(Array.from({ length: CLIENTS }, (_, id) => client(id, until)))
clearInterval(timer)
sample(Date.now() - start)
const journal = cloud.requests ? cloud.requests({ key: 'SOAK' }).length : undefined
await cloud.stop()

const seconds = (Date.now() - start) / 1000
const first = samples[1] ?? samples[0]
const last = samples.at(-1)
console.log(`requests ${counts.requests} in ${seconds.toFixed(1)} s (${Math.round(counts.requests / seconds)}/s): ` +
  `${counts.ok} ok, ${counts.refusedAsExpected} refused as asked (401/404), ${counts.unexpected} unexpected`)
console.log(`heap after ${Math.round(first.at / 1000)} s ${(first.heapUsed / 1048576).toFixed(1)} MiB, at the end ${(last.heapUsed / 1048576).toFixed(1)} MiB` +
  (journal === undefined ? '' : `; journal holds ${journal} calls of key SOAK`))
for (const line of unexpected) console.log(`unexpected: ${line}`)
process.exitCode = counts.unexpected === 0 ? 0 : 1
