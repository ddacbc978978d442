import * as crypto from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import type { AppData } from '../../src/store/db.js'
import { login, startServer, type Call } from '../support/client.js'
import { ids } from '../support/fixture-s.js'
import { storedUsers } from '../support/stored-users.js'

// Secrets and sessions (docs/api.md "Sessions", "su_id"; docs/users.md "Replies", "Writes"). The CSPRNG and the constant-time comparison are watched where the code takes them.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>()
  return { ...actual, randomBytes: vi.fn(actual.randomBytes), timingSafeEqual: vi.fn(actual.timingSafeEqual) }
})
const randomBytes = vi.mocked(crypto.randomBytes) as unknown as ReturnType<typeof vi.fn<(size: number) => Buffer>>
const timingSafeEqual = vi.mocked(crypto.timingSafeEqual)

let server: RunningMockCloud
let call: Call
beforeAll(async () => {
  ;({ server, call } = await startServer())
})
afterAll(() => server.stop())
beforeEach(async () => {
  await server.reset()
  vi.clearAllMocks()
})

const SECRET = 'Correct-Horse-9417'

describe('passwords', () => {
  it('are stored only as salted hashes: two users with one password get different hashes, neither holds it', async () => {
    for (const username of ['p1', 'p2']) {
      await call('POST', 'users/create', {}, { form: { username, password: SECRET, password_confirmation: SECRET } })
    }
    const data = server.exportData('TESTKEY') as AppData
    const [a, b] = ['p1', 'p2'].map((name) => storedUsers(data).find((user) => user.username === name)!.password_hash)
    expect(a).toMatch(/^hmac-sha256\$[0-9a-f]{32}\$[0-9a-f]{64}$/)
    expect(b).not.toBe(a)
    expect(JSON.stringify(data)).not.toContain(SECRET)
  })

  it('never appear in a reply, the request journal or on the console, through sign-up, login, update, show, query and a failed login', async () => {
    const printed: string[] = []
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' '))),
    )
    try {
      const replies = [await call('POST', 'users/create', {}, { form: { username: 'zed', password: SECRET, password_confirmation: SECRET } })]
      replies.push(await call('POST', 'users/login', {}, { form: { login: 'zed', password: SECRET } }))
      const session = replies[1]!.body.meta.session_id as string
      replies.push(await call('PUT', 'users/update', {}, { session, form: { password: `${SECRET}2`, password_confirmation: `${SECRET}2` } }))
      replies.push(await call('GET', 'users/show/me', {}, { session }))
      replies.push(await call('GET', 'users/query', { where: { username: 'zed' } }, { session }))
      replies.push(await call('POST', 'users/login', {}, { form: { login: 'zed', password: SECRET } }))
      expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 401])
      for (const reply of replies) {
        expect(reply.text).not.toContain(SECRET)
        expect(reply.text).not.toMatch(/"password(_hash|_confirmation)?"/)
      }
      expect(printed.join('\n')).not.toContain(SECRET)
      // The request journal keeps every call, with secrets redacted.
      expect(server.requests({ key: 'TESTKEY' }).length).toBeGreaterThanOrEqual(replies.length)
      expect(JSON.stringify(server.requests())).not.toContain(SECRET)
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })

  it('are compared in constant time (crypto.timingSafeEqual on equal-length digests), right or wrong', async () => {
    expect((await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice' } })).status).toBe(200)
    expect((await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'wrong' } })).status).toBe(401)
    expect(timingSafeEqual).toHaveBeenCalledTimes(2)
    for (const [left, right] of timingSafeEqual.mock.calls) expect((left as Buffer).length).toBe((right as Buffer).length)
    expect(timingSafeEqual.mock.results.map((result) => result.value)).toEqual([true, false])
  })
})

describe('session ids and tokens', () => {
  it('are at least 128 bits straight from the CSPRNG (crypto.randomBytes), and never repeat', async () => {
    const sessions = new Set<string>()
    for (let i = 0; i < 200; i++) sessions.add(await login(call, 'bob', 'pw-bob'))
    expect(sessions.size).toBe(200)
    const drawn = new Set(
      randomBytes.mock.calls.flatMap(([size], i) => (size >= 16 ? [(randomBytes.mock.results[i]!.value as Buffer).toString('base64url')] : [])),
    )
    for (const id of sessions) expect(drawn.has(id)).toBe(true)

    vi.clearAllMocks()
    expect((await call('GET', 'users/request_reset_password', { email: 'bob@example.com' })).status).toBe(200)
    const token = /reset_password_token=([\w-]+)/.exec(JSON.stringify(server.outbox('TESTKEY')))![1]!
    const bits = randomBytes.mock.calls.find((_, i) => (randomBytes.mock.results[i]!.value as Buffer).toString('base64url') === token)![0] * 8
    expect(bits).toBeGreaterThanOrEqual(128)
  })

  it('end on logout and on delete: the old id is no session any more (401)', async () => {
    const session = await login(call, 'bob', 'pw-bob')
    expect((await call('GET', 'users/logout', {}, { session })).status).toBe(200)
    expect((await call('GET', 'users/show/me', {}, { session })).status).toBe(401)

    const second = await login(call, 'bob', 'pw-bob')
    const third = await login(call, 'bob', 'pw-bob')
    expect((await call('DELETE', 'users/delete', {}, { session: second })).status).toBe(200)
    expect((await call('GET', 'users/show/me', {}, { session: third })).status).toBe(401)

    const carol = await login(call, 'carol', 'pw-carol')
    const admin = await login(call, 'admin', 'pw-admin')
    expect((await call('DELETE', 'users/delete', { su_id: ids.carol }, { session: admin })).status).toBe(200)
    expect((await call('GET', 'users/show/me', {}, { session: carol })).status).toBe(401)
  })
})

describe('other users', () => {
  it("a user cannot read another's email; the user and admins can", async () => {
    const bob = await login(call, 'bob', 'pw-bob')
    const admin = await login(call, 'admin', 'pw-admin')
    const alice = (session?: string) => call('GET', 'users/show', { user_id: ids.alice }, session === undefined ? {} : { session })
    expect((await alice()).body.response.users[0]).not.toHaveProperty('email')
    expect((await alice(bob)).body.response.users[0]).not.toHaveProperty('email')
    expect((await call('GET', 'users/query', { where: { username: 'alice' } }, { session: bob })).body.response.users[0]).not.toHaveProperty('email')
    expect((await call('GET', 'users/search', { q: 'alice' }, { session: bob })).body.response.users[0]).not.toHaveProperty('email')
    expect((await alice(admin)).body.response.users[0].email).toBe('alice@example.com')
    expect((await alice(await login(call, 'alice', 'pw-alice'))).body.response.users[0].email).toBe('alice@example.com')
  })

  it('a user cannot update or delete another user without admin rights (403), and nothing changes', async () => {
    const bob = await login(call, 'bob', 'pw-bob')
    const before = server.exportData('TESTKEY')
    for (const name of ['su_id', 'sudo_id', 'user_id']) {
      const update = await call('PUT', 'users/update', { [name]: ids.alice }, { session: bob, form: { first_name: 'Mallory' } })
      expect([name, update.status, update.body.meta.message]).toEqual([name, 403, 'You are not authorized to perform this action.'])
    }
    expect((await call('DELETE', 'users/delete', { su_id: ids.alice }, { session: bob })).status).toBe(403)
    expect((await call('DELETE', 'users/delete', { user_ids: `${ids.alice},${ids.bob}` }, { session: bob })).status).toBe(403)
    expect((await call('DELETE', 'users/batch_delete', {}, { session: bob })).status).toBe(403)
    expect((await call('PUT', 'users/update', {}, { session: bob, form: { admin: 'true' } })).body.response.users[0].admin).toBe('false')
    const after = server.exportData('TESTKEY') as AppData
    expect(storedUsers(after)).toEqual(storedUsers(before as AppData).map((user) => (user.id === ids.bob ? { ...user, updated_at: storedUsers(after).find((u) => u.id === ids.bob)!.updated_at } : user)))
  })
})

describe('app keys', () => {
  it("isolate data: a user, a session and a change under one key are nothing under another", async () => {
    await call('POST', 'users/create', {}, { key: 'TENANT_A', form: { username: 'only-a', password: 'p', password_confirmation: 'p' } })
    const session = await (async () => (await call('POST', 'users/login', {}, { key: 'TENANT_A', form: { login: 'only-a', password: 'p' } })).body.meta.session_id as string)()
    expect((await call('GET', 'users/count', {}, { key: 'TENANT_A' })).body.meta.count).toBe(6)
    expect((await call('GET', 'users/count', {}, { key: 'TENANT_B' })).body.meta.count).toBe(5)
    expect((await call('POST', 'users/login', {}, { key: 'TENANT_B', form: { login: 'only-a', password: 'p' } })).status).toBe(401)
    expect((await call('GET', 'users/show/me', {}, { key: 'TENANT_B', session })).status).toBe(401)
    const admin = (await call('POST', 'users/login', {}, { key: 'TENANT_B', form: { login: 'admin', password: 'pw-admin' } })).body.meta.session_id
    expect((await call('DELETE', 'users/batch_delete', {}, { key: 'TENANT_B', session: admin })).status).toBe(200)
    expect((await call('GET', 'users/count', {}, { key: 'TENANT_A' })).body.meta.count).toBe(6)
  })
})
