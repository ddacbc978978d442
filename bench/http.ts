import { apiPath, CARS_WHERE_LIMIT_10, objectsPath, usersPath, WHERE_LIMIT_10 } from './api.js'
import { BENCH_ADMIN, BENCH_DEVICES, BENCH_PHOTOS, BENCH_PNG, benchPhotoId, benchUser } from './fixture.js'
import { figure, type Figure, type Sample } from './figure.js'
import { runLoad, type LoadRequest, type LoadSample } from './load.js'
import { interleave } from './stats.js'

/**
 * The HTTP throughput figures: the two floors and the mock-cloud endpoints of issue 5, each
 * measured in every round, the targets alternating, so that the ratios compare like with like.
 */

/** The servers under load: the floor app and mock-cloud with the 10,000 generated users and 10,000 cars. */
export interface HttpServers {
  floorUrl: string
  mockUrl: string
}

/** How long and how often: `rounds` × `seconds` (fractions allowed) per scenario, after one `warmupSeconds` run each (0: none). */
export interface HttpPlan {
  rounds: number
  seconds: number
  warmupSeconds: number
}

/** What a mock-cloud scenario needs from a fresh data set: a live session of the middle user, and one of the admin. */
interface Fresh {
  sessionId: string
  adminSessionId: string
}

interface Scenario {
  id: string
  label: string
  server: keyof HttpServers
  request(fresh: Fresh): LoadRequest
}

/** A user in the middle of the 10,000: a scan finds it halfway. */
const middle = benchUser(5000)
let created = 0

/** A photos/create body as the clients send it: one multipart part `photo`, the small PNG. */
const BOUNDARY = 'mock-cloud-bench-boundary'
const PHOTO_UPLOAD = Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="bench.png"\r\nContent-Type: image/png\r\n\r\n`),
  BENCH_PNG,
  Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
])

const SCENARIOS: Scenario[] = [
  { id: 'http.floor-fixed', label: 'floor: Hono, fixed small JSON', server: 'floorUrl', request: () => ({ method: 'GET', path: '/fixed' }) },
  {
    id: 'http.floor-filter',
    label: 'floor: Hono, 10k array, hand-written filter',
    server: 'floorUrl',
    request: () => ({ method: 'GET', path: '/filter' }),
  },
  {
    id: 'http.floor-filter-objects',
    label: 'floor: Hono, 10k cars, hand-written filter',
    server: 'floorUrl',
    request: () => ({ method: 'GET', path: '/filter-objects' }),
  },
  {
    id: 'http.show-me',
    label: 'users/show/me (with a session)',
    server: 'mockUrl',
    request: ({ sessionId }) => ({ method: 'GET', path: usersPath('show/me'), headers: { cookie: `_session_id=${sessionId}` } }),
  },
  {
    id: 'http.show-id',
    label: 'users/show by id',
    server: 'mockUrl',
    request: () => ({ method: 'GET', path: usersPath('show', `&user_id=${middle.id}`) }),
  },
  {
    id: 'http.login',
    label: 'users/login (fast hashing)',
    server: 'mockUrl',
    request: () => ({ method: 'POST', path: usersPath('login'), form: `login=${middle.username}&password=${middle.password}` }),
  },
  {
    id: 'http.create',
    label: 'users/create (unique names, fast hashing)',
    server: 'mockUrl',
    request: () => ({
      method: 'POST',
      path: usersPath('create'),
      nextForm: () => `username=bench-new-${++created}&password=pw&password_confirmation=pw`,
    }),
  },
  { id: 'http.query', label: 'users/query where + limit=10', server: 'mockUrl', request: () => ({ method: 'GET', path: usersPath('query', WHERE_LIMIT_10) }) },
  {
    id: 'http.query-order',
    label: 'users/query where + order=-age',
    server: 'mockUrl',
    request: () => ({ method: 'GET', path: usersPath('query', `${WHERE_LIMIT_10}&order=-age`) }),
  },
  {
    id: 'http.query-count',
    label: 'users/query where + count=true',
    server: 'mockUrl',
    request: () => ({ method: 'GET', path: usersPath('query', `${WHERE_LIMIT_10}&count=true`) }),
  },
  { id: 'http.search', label: 'users/search?q= (empty: every user, page 1)', server: 'mockUrl', request: () => ({ method: 'GET', path: usersPath('search', '&q=') }) },
  {
    id: 'http.objects-create',
    label: 'objects/cars/create (with a session)',
    server: 'mockUrl',
    request: ({ sessionId }) => ({
      method: 'POST',
      path: objectsPath('cars', 'create'),
      headers: { cookie: `_session_id=${sessionId}` },
      form: `fields=${encodeURIComponent(JSON.stringify({ make: 'mini', year: 2020, price: 9000 }))}`,
    }),
  },
  {
    id: 'http.objects-query',
    label: 'objects/cars/query where + limit=10',
    server: 'mockUrl',
    request: () => ({ method: 'GET', path: objectsPath('cars', 'query', CARS_WHERE_LIMIT_10) }),
  },
  {
    id: 'http.photos-create',
    label: 'photos/create, a 1 KiB PNG (multipart, with a session)',
    server: 'mockUrl',
    request: ({ sessionId }) => ({
      method: 'POST',
      path: apiPath('photos', 'create'),
      headers: { cookie: `_session_id=${sessionId}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: PHOTO_UPLOAD,
    }),
  },
  {
    id: 'http.photos-show',
    label: `photos/show by id (of ${BENCH_PHOTOS} photos, urls of 2 sizes)`,
    server: 'mockUrl',
    request: () => ({ method: 'GET', path: apiPath('photos', 'show', `&photo_id=${benchPhotoId(BENCH_PHOTOS / 2)}`) }),
  },
  {
    id: 'http.notify-1000',
    label: `push_notification/notify to ${BENCH_DEVICES.toLocaleString('en')} devices (admin, everyone on a channel)`,
    server: 'mockUrl',
    request: ({ adminSessionId }) => ({
      method: 'POST',
      path: apiPath('push_notification', 'notify'),
      headers: { cookie: `_session_id=${adminSessionId}` },
      form: `channel=bench&to_ids=everyone&payload=${encodeURIComponent(JSON.stringify({ alert: 'Hello', badge: '+1' }))}`,
    }),
  },
]

/**
 * Measures every scenario `plan.rounds` times, alternating. Before each mock-cloud run the data
 * is reset to the 10,000 users and cars and a session started, so that no run inherits another's users.
 *
 * @returns one figure per scenario, in req/s.
 */
export async function measureHttp(servers: HttpServers, plan: HttpPlan): Promise<Figure[]> {
  const once = async (scenario: Scenario, seconds: number): Promise<Sample> => {
    const url = servers[scenario.server]
    const fresh = scenario.server === 'mockUrl' ? await freshDataSet(url) : { sessionId: '', adminSessionId: '' }
    return toSample(await runLoad(url, scenario.request(fresh), seconds))
  }
  if (plan.warmupSeconds > 0) for (const scenario of SCENARIOS) await once(scenario, plan.warmupSeconds)
  const samples = await interleave(plan.rounds, SCENARIOS, (scenario) => once(scenario, plan.seconds))
  return SCENARIOS.map((scenario, index) =>
    figure({ id: scenario.id, section: 'HTTP throughput (mock-cloud with 10,000 users and 10,000 cars)', label: scenario.label, unit: 'req/s' }, samples[index]!),
  )
}

function toSample(load: LoadSample): Sample {
  if (load.non2xx > 0 || load.errors > 0) {
    return { invalid: `${load.non2xx} non-2xx answers and ${load.errors} errors in ${load.requests} requests` }
  }
  if (load.requests === 0) return { invalid: 'no request completed' }
  return { value: load.rps }
}

/** Resets mock-cloud to its fixture and logs the middle user and the admin in. */
async function freshDataSet(mockUrl: string): Promise<Fresh> {
  const reset = await fetch(`${mockUrl}/__mock/reset`, { method: 'POST' })
  if (!reset.ok) throw new Error(`POST /__mock/reset answered ${reset.status}`)
  return { sessionId: await login(mockUrl, middle.username, middle.password), adminSessionId: await login(mockUrl, BENCH_ADMIN.username, BENCH_ADMIN.password) }
}

/** Logs `username` in; its session id. */
async function login(mockUrl: string, username: string, password: string): Promise<string> {
  const reply = await fetch(`${mockUrl}${usersPath('login')}`, { method: 'POST', body: new URLSearchParams({ login: username, password }) })
  const body = (await reply.json()) as { meta?: { session_id?: string } }
  const sessionId = body.meta?.session_id
  if (!reply.ok || sessionId === undefined) throw new Error(`login of ${username} answered ${reply.status}`)
  return sessionId
}
