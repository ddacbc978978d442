import { performance } from 'node:perf_hooks'
import { createMockCloud, type MockCloud } from 'mock-cloud'
import { usersPath, WHERE_LIMIT_10 } from './api.js'
import { benchFixture, benchUser } from './fixture.js'
import { figure, type Figure, type Sample } from './figure.js'
import { interleave } from './stats.js'

/**
 * The in-process figures, on `createMockCloud()` data sets of 1,000, 10,000 and 100,000 users
 * (no socket, so only mock-cloud's own work is timed): reset of a baseline, and how a query and
 * the lookups by id, username, email and login grow with the data.
 */

/** A data set of one size. */
interface Sized {
  users: number
  /** `1k`, `10k`, `100k`: the suffix of the figure ids. */
  name: string
  cloud: MockCloud
}

/** How many samples, and how long one batch of calls runs (per-call time = batch time ÷ calls). */
export interface InProcessPlan {
  resetRounds: number
  scalingRounds: number
  batchMs: number
}

const SIZES = [1_000, 10_000, 100_000] as const

/** The requests whose time is compared across sizes; the user looked up is the last one, the worst case of a scan. */
const OPERATIONS: Array<{ id: string; label: string; request(users: number): [string, RequestInit?] }> = [
  {
    id: 'query',
    label: 'users/query where + limit=10',
    request: () => [usersPath('query', WHERE_LIMIT_10)],
  },
  { id: 'id', label: 'lookup by id (users/show)', request: (users) => [usersPath('show', `&user_id=${benchUser(users - 1).id}`)] },
  {
    id: 'username',
    label: 'lookup by username (users/login)',
    request: (users) => login(benchUser(users - 1).username, benchUser(users - 1).password),
  },
  {
    id: 'email',
    label: 'lookup by email (request_reset_password)',
    request: (users) => [usersPath('request_reset_password', `&email=${benchUser(users - 1).email}`)],
  },
  {
    id: 'login',
    label: 'lookup by login = email (users/login)',
    request: (users) => login(benchUser(users - 1).email, benchUser(users - 1).password),
  },
]

function login(name: string, password: string): [string, RequestInit] {
  return [usersPath('login'), { method: 'POST', body: new URLSearchParams({ login: name, password }) }]
}

/**
 * Builds the three data sets, measures reset (1k and 100k) and scaling (all three), and lets the
 * data sets go.
 */
export async function measureInProcess(plan: InProcessPlan): Promise<Figure[]> {
  const sized: Sized[] = []
  for (const users of SIZES) {
    sized.push({ users, name: `${users / 1000}k`, cloud: await createMockCloud({ fixtures: benchFixture(users) }) })
  }
  const resets = sized.filter((set) => set.users !== 10_000)
  const resetSamples = await interleave(plan.resetRounds, resets, timeReset)
  const cases = OPERATIONS.flatMap((operation) => sized.map((set) => ({ set, operation })))
  const scalingSamples = await interleave(plan.scalingRounds, cases, ({ set, operation }) =>
    timeBatch(set.cloud, operation.request(set.users), plan.batchMs),
  )
  return [
    ...resets.map((set, index) =>
      figure({ id: `reset.${set.name}`, section: 'Reset (in process)', label: `reset of a ${set.users.toLocaleString('en')}-user baseline + first request`, unit: 'ms' }, resetSamples[index]!),
    ),
    ...cases.map(({ set, operation }, index) =>
      figure(
        { id: `scaling.${operation.id}.${set.name}`, section: 'Growth with the data (in process, per call)', label: `${operation.label}, ${set.users.toLocaleString('en')} users`, unit: 'µs' },
        scalingSamples[index]!,
      ),
    ),
  ]
}

/**
 * One reset after one write (a test changed something), timed to the end of the first request
 * after it, a users/show by id: data sets are made from their baseline on first use, so a reset's
 * cost may come due there. A count afterwards checks the reset.
 */
async function timeReset(set: Sized): Promise<Sample> {
  const write = await set.cloud.app.request(usersPath('create'), {
    method: 'POST',
    body: new URLSearchParams({ username: 'reset-probe', password: 'pw', password_confirmation: 'pw' }),
  })
  const start = performance.now()
  await set.cloud.reset()
  const first = await set.cloud.app.request(usersPath('show', `&user_id=${benchUser(0).id}`))
  await first.arrayBuffer()
  const elapsed = performance.now() - start
  const count = (await (await set.cloud.app.request(usersPath('count'))).json()) as { meta: { count: number } }
  if (write.status !== 200 || first.status !== 200) return { invalid: `users/create before the reset answered ${write.status}, users/show after it ${first.status}` }
  if (count.meta.count !== set.users) return { invalid: `${count.meta.count} users after the reset, not ${set.users}` }
  return { value: elapsed }
}

/** Repeats one request for at least `batchMs` (and 3 calls); the mean time per call, in µs. */
async function timeBatch(cloud: MockCloud, [path, init]: [string, RequestInit?], batchMs: number): Promise<Sample> {
  let calls = 0
  const start = performance.now()
  let elapsed = 0
  while (calls < 3 || elapsed < batchMs) {
    const response = await cloud.app.request(path, init && { ...init })
    await response.arrayBuffer()
    if (response.status !== 200) return { invalid: `${path} answered ${response.status}` }
    calls++
    elapsed = performance.now() - start
  }
  return { value: (elapsed * 1000) / calls }
}
