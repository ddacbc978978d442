import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMockCloud, parseFixture } from '../src/index.js'
import { fixtureS } from './support/fixture-s.js'
import { login, type Call } from './support/client.js'
import { serversStoppedAfterEach } from './support/servers.js'

// Each app key names an isolated data set, made from the fixture baseline on first use
// (docs/toolkit.md "Isolation by app key", docs/fixtures.md "Per app key").

const start = serversStoppedAfterEach()

const signUp = { password: 'p', password_confirmation: 'p' }
const count = async (call: Call, key: string) => (await call('GET', 'users/count', {}, { key })).body.meta.count

describe('data sets by app key', () => {
  it('keep users created under one key away from every other key', async () => {
    const { call } = await start()
    expect((await call('POST', 'users/create', {}, { key: 'A', form: { username: 'frank', ...signUp } })).status).toBe(200)
    expect(await count(call, 'A')).toBe(6)
    expect(await count(call, 'B')).toBe(5)
    const elsewhere = await call('POST', 'users/login', {}, { key: 'B', form: { login: 'frank', password: 'p' } })
    expect(elsewhere.body.meta).toMatchObject({ code: 401, message: 'Invalid email/username or password.' })
    // The same name is free under B.
    expect((await call('POST', 'users/create', {}, { key: 'B', form: { username: 'frank', ...signUp } })).status).toBe(200)
  })

  it('keep sessions to their key: a session of A is no session under B', async () => {
    const { call } = await start()
    const session = await login(call, 'alice', 'pw-alice')
    const other = await call('GET', 'users/show/me', {}, { key: 'B', session })
    expect(other.body.meta).toMatchObject({ code: 401, message: 'You need to sign in or sign up before continuing.' })
    expect((await call('GET', 'users/show/me', {}, { session })).body.response.users[0].username).toBe('alice')
  })

  it('reset one key alone, over HTTP and in code; a reset without a key resets them all', async () => {
    const { server, call } = await start()
    for (const key of ['A', 'B', 'C']) await call('POST', 'users/create', {}, { key, form: { username: 'frank', ...signUp } })
    const reset = await fetch(`${server.url}/__mock/reset?key=A`, { method: 'POST' })
    expect(reset.status).toBe(200)
    await server.reset('B')
    expect([await count(call, 'A'), await count(call, 'B'), await count(call, 'C')]).toEqual([5, 5, 6])
    await server.reset()
    expect(await count(call, 'C')).toBe(5)
  })

  it('refuse an admin call with an empty or malformed key rather than act on every data set or a U+FFFD one', async () => {
    const { server, call } = await start()
    await call('POST', 'users/create', {}, { key: 'A', form: { username: 'frank', ...signUp } })
    const reply = await fetch(`${server.url}/__mock/reset?key=`, { method: 'POST' })
    expect(reply.status).toBe(400)
    expect(((await reply.json()) as { meta: { message: string } }).meta.message).toBe(
      'Invalid key parameter: it is empty; give an app key, or leave key out to act on every data set',
    )
    expect(await count(call, 'A')).toBe(6)
    for (const url of [`${server.url}/__mock/reset?key=%FF`, `${server.url}/__mock/snapshots/a%FF`]) {
      const malformed = await fetch(url, { method: 'POST' })
      expect(malformed.status).toBe(400)
      expect(((await malformed.json()) as { meta: { message: string } }).meta.message).toMatch(/^Invalid (query string|path): malformed percent-encoding/)
    }
    expect(await count(call, 'A')).toBe(6)
  })

  it('start from their own baseline when the fixture names their key', async () => {
    const fixtures = parseFixture(
      { users: fixtureS.users, apps: { SPECIAL: { users: [{ username: 'only', password: 'pw-only' }] } } },
      'inline',
    )
    const { call } = await start({ fixtures })
    expect(await count(call, 'SPECIAL')).toBe(1)
    expect(await count(call, 'OTHER')).toBe(5)
    expect((await call('POST', 'users/login', {}, { key: 'SPECIAL', form: { login: 'only', password: 'pw-only' } })).status).toBe(200)
    // The other keys' baseline does not reach SPECIAL.
    expect((await call('POST', 'users/login', {}, { key: 'SPECIAL', form: { login: 'alice', password: 'pw-alice' } })).status).toBe(401)
  })

  it('take seeded users: with a key into that data set only, without one into every data set until reset()', async () => {
    const { server, call } = await start()
    await server.seed({ users: [{ username: 'keyed', password: 'pw' }] }, 'A')
    expect(await count(call, 'A')).toBe(6)
    expect(await count(call, 'B')).toBe(5)
    await server.seed({ users: [{ username: 'everywhere', password: 'pw' }] })
    // Into A, which exists, and into D, first used after the seed.
    expect([await count(call, 'A'), await count(call, 'D')]).toEqual([7, 6])
    await server.reset()
    expect([await count(call, 'A'), await count(call, 'D')]).toEqual([5, 5])
  })

  it('accept any key text, "constructor" and "__proto__" included, as plain names', async () => {
    const { call } = await start()
    for (const key of ['constructor', '__proto__', 'toString']) {
      expect(await count(call, key)).toBe(5)
      expect((await call('POST', 'users/create', {}, { key, form: { username: 'frank', ...signUp } })).status).toBe(200)
      expect(await count(call, key)).toBe(6)
    }
    expect(await count(call, 'TESTKEY')).toBe(5)
    expect(({} as Record<string, unknown>).users).toBeUndefined()
  })

  it('are each kept in the data file and come back after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-cloud-sets-'))
    try {
      const file = join(dir, 'db.json')
      const first = await start({ data: file })
      await first.call('POST', 'users/create', {}, { key: 'A', form: { username: 'in-a', ...signUp } })
      await first.call('POST', 'users/create', {}, { key: 'B', form: { username: 'in-b', ...signUp } })
      await first.server.stop()
      const second = await start({ data: file })
      const names = async (key: string) =>
        (await second.call('GET', 'users/query', { where: { username: { $in: ['in-a', 'in-b'] } } }, { key })).body.response.users.map(
          (user: { username: string }) => user.username,
        )
      expect([await names('A'), await names('B')]).toEqual([['in-a'], ['in-b']])
      await second.server.stop()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('a fixture with per-key data', () => {
  it('names the key, entry and field of a mistake', async () => {
    await expect(createMockCloud({ fixtures: { users: [], apps: { K1: { users: [{ username: 'x' }] } } } as never })).rejects.toThrow(
      /^fixtures option: apps\.K1\.users\[0\]\.password: /,
    )
    await expect(createMockCloud({ fixtures: { apps: { K1: [] } } as never })).rejects.toThrow(
      'fixtures option: apps.K1: must be an object such as { "users": [...] }',
    )
  })

  it('may leave out the top-level users: other keys start empty', async () => {
    const cloud = await createMockCloud({ fixtures: { apps: { K1: { users: [{ username: 'x', password: 'p' }] } } } as never })
    const counts = await Promise.all(
      ['K1', 'K2'].map(async (key) => ((await (await cloud.app.request(`/v1/users/count.json?key=${key}`)).json()) as { meta: { count: number } }).meta.count),
    )
    expect(counts).toEqual([1, 0])
  })
})
