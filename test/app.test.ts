import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createMockCloud } from '../src/index.js'
import { FixtureError } from '../src/fixtures.js'
import { fixtureS } from './support/fixture-s.js'
import { storedUsers } from './support/stored-users.js'

// The in-process API: createMockCloud(options) → { app, store, reset, seed, close } (docs/toolkit.md "In your tests").
describe('createMockCloud', () => {
  it('answers app.request() without a socket', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    const reply = await cloud.app.request('/v1/users/count.json?key=TESTKEY')
    expect(reply.status).toBe(200)
    expect(await reply.json()).toEqual({ meta: { code: 200, status: 'ok', method_name: 'usersCount', count: 5 } })
  })

  it('stores passwords only as salted hashes, fast by default', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    const [alice, bob] = storedUsers(cloud.dataSets.data('K'))
    expect(JSON.stringify(cloud.dataSets.data('K'))).not.toContain('pw-alice')
    expect(alice?.password_hash).toMatch(/^hmac-sha256\$/)
    // Same scheme, different salts: equal passwords would still differ.
    expect(alice?.password_hash.split('$')[1]).not.toBe(bob?.password_hash.split('$')[1])
  })

  it('loads the bundled fixture file', async () => {
    const cloud = await createMockCloud({ fixtures: 'fixtures/users.json' })
    const admins = storedUsers(cloud.dataSets.data('K')).filter((user) => user.admin)
    expect(admins.map((user) => user.username)).toEqual(['admin'])
  })

  it('seeds extra users that reset removes again', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    await cloud.seed({ users: [{ username: 'zed', password: 'pw-zed' }] })
    const login = await cloud.app.request('/v1/users/login.json?key=K', {
      method: 'POST',
      body: new URLSearchParams({ login: 'zed', password: 'pw-zed' }),
    })
    expect(login.status).toBe(200)
    await cloud.reset()
    expect(storedUsers(cloud.dataSets.data('K')).map((user) => user.username)).toEqual(['alice', 'bob', 'carol', 'dave', 'admin'])
  })

  it('refuses a seeded user that clashes with a stored one, naming the entry and field', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    const attempt = cloud.seed({ users: [{ username: 'new', password: 'x' }, { username: 'Alice', password: 'x' }] })
    await expect(attempt).rejects.toThrow(FixtureError)
    await expect(attempt).rejects.toThrow('seed: users[1].username: "alice" is already taken by a stored user')
    expect(storedUsers(cloud.dataSets.data('K'))).toHaveLength(5)
  })

  it('answers an unexpected failure with a 500 envelope without a stack, and logs it', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    // A store broken behind the API's back: the only way to reach the last-resort handler.
    storedUsers(cloud.dataSets.data('K')).push({} as never)
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const reply = await cloud.app.request('/v1/users/query.json?key=K')
      expect(reply.status).toBe(500)
      expect(await reply.json()).toEqual({
        meta: { status: 'fail', code: 500, message: 'Internal server error.', method_name: 'queryUsers' },
      })
      expect(log).toHaveBeenCalledOnce()
    } finally {
      log.mockRestore()
    }
  })

  it('names the email when a seeded user clashes by email alone', async () => {
    const cloud = await createMockCloud({ fixtures: { users: [{ email: 'a@x.com', password: 'p', first_name: 'A', last_name: 'X' }] } })
    await expect(cloud.seed({ users: [{ email: 'A@x.com', password: 'p', first_name: 'A', last_name: 'X' }] })).rejects.toThrow(
      'seed: users[0].email: "a@x.com" is already taken by a stored user',
    )
  })

  it('refuses an invalid fixture object at creation', async () => {
    await expect(createMockCloud({ fixtures: { users: [{ username: 'x' }] } as never })).rejects.toThrow(
      /^fixtures option: users\[0\]\.password: /,
    )
  })

  it('refuses a bad option before it locks the data file, so the file can be used at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-cloud-app-test-'))
    try {
      const data = join(dir, 'data.json')
      await expect(createMockCloud({ data, journalLimit: -1 })).rejects.toThrow(/^createMockCloud: journalLimit must be/)
      await expect(createMockCloud({ data, adminToken: '' })).rejects.toThrow('createMockCloud: adminToken must be a non-empty text')
      const cloud = await createMockCloud({ data })
      await cloud.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
