import { useMockCloud } from 'mock-cloud/vitest'
import { describe, expect, it } from 'vitest'
import { client } from '../support/client.js'

// One of two files that run in parallel on the global-setup server (docs/toolkit.md "Isolation by app key":
// two parallel test files on one server with different keys: no leak, resets independent).
// Its twin is parallel-b.test.ts; each creates users the other must never see.
const cloud = useMockCloud()
const call = client(cloud.url)
const signUp = { password: 'p', password_confirmation: 'p' }
const count = async (key = cloud.key) => (await call('GET', 'users/count', {}, { key })).body.meta.count as number

describe('useMockCloud, file A', () => {
  it('gives this file an app key made from its path', () => {
    expect(cloud.key).toBe('vitest:test/toolkit/parallel-a.test.ts')
  })

  it('a user created here is in this key only; file B never sees it', async () => {
    const created = await call('POST', 'users/create', {}, { key: cloud.key, form: { username: 'shared-name', ...signUp } })
    expect(created.status).toBe(200)
    await call('POST', 'users/create', {}, { key: cloud.key, form: { username: 'only-in-a', ...signUp } })
    expect(await count()).toBe(7)
    const fromB = await call('GET', 'users/query', { where: { username: 'only-in-b' } }, { key: cloud.key })
    expect(fromB.body.response.users).toEqual([])
  })

  it('each test starts from the baseline (reset before each)', async () => {
    expect(await count()).toBe(5)
  })

  it('snapshot and restore of this key over HTTP; an unknown snapshot rejects with its 404', async () => {
    await call('POST', 'users/create', {}, { key: cloud.key, form: { username: 'snapped', ...signUp } })
    // File B may hold a part of the same name: each key's part is its own.
    const snapshot = await cloud.snapshot('clean')
    expect(snapshot).toMatchObject({ name: 'clean', allKeys: false })
    expect(snapshot.keys).toContain(cloud.key)
    await call('POST', 'users/create', {}, { key: cloud.key, form: { username: 'after', ...signUp } })
    await cloud.restore('clean')
    expect(await count()).toBe(6)
    await expect(cloud.restore('never-taken')).rejects.toMatchObject({ code: 404 })
  })

  it("the journal and faults of this key are this file's alone (reset empties them before each test)", async () => {
    expect(await cloud.requests()).toEqual([])
    await cloud.fault({ method_name: 'usersCount', error: { code: 503, message: 'Down for file A.' } })
    expect((await call('GET', 'users/count', {}, { key: cloud.key })).body.meta).toMatchObject({ code: 503, message: 'Down for file A.' })
    expect(await count()).toBe(5)
    const journal = await cloud.requests({ method_name: 'usersCount' })
    expect(journal.map((entry) => [entry.key, entry.status])).toEqual([[cloud.key, 503], [cloud.key, 200]])
    expect(await cloud.faults()).toEqual([])
  })

  it('freshAppKey gives a data set of its own, from the baseline', async () => {
    const fresh = cloud.freshAppKey()
    expect(fresh.key).toBe(`${cloud.key}:1`)
    await call('POST', 'users/create', {}, { key: fresh.key, form: { username: 'fresh', ...signUp } })
    expect([await count(fresh.key), await count()]).toEqual([6, 5])
    await fresh.reset()
    expect(await count(fresh.key)).toBe(5)
  })
})
