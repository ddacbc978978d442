import type { StoredRecord } from '../../src/store/stored-record.js'
import { useMockCloud } from 'mock-cloud/vitest'
import { describe, expect, it } from 'vitest'
import { client } from '../support/client.js'

// The twin of parallel-a.test.ts on the same global-setup server, another app key (docs/toolkit.md).
// It takes the same username and snapshot name as file A: on a shared data set they would clash.
const cloud = useMockCloud({ resetBeforeEach: false })
const call = client(cloud.url)

describe('useMockCloud, file B', () => {
  it('runs on the same server as file A, with its own key', async () => {
    expect(cloud.key).toBe('vitest:test/toolkit/parallel-b.test.ts')
    expect((await call('GET', 'users/count', {}, { key: cloud.key })).body.meta.count).toBe(5)
  })

  it('takes the username file A takes, and never sees A\'s users', async () => {
    const form = { username: 'shared-name', password: 'p', password_confirmation: 'p' }
    expect((await call('POST', 'users/create', {}, { key: cloud.key, form })).status).toBe(200)
    await call('POST', 'users/create', {}, { key: cloud.key, form: { ...form, username: 'only-in-b' } })
    const fromA = await call('GET', 'users/query', { where: { username: 'only-in-a' } }, { key: cloud.key })
    expect(fromA.body.response.users).toEqual([])
  })

  it('without resetBeforeEach, state carries over; its own reset leaves file A alone', async () => {
    expect((await call('GET', 'users/count', {}, { key: cloud.key })).body.meta.count).toBe(7)
    await cloud.snapshot('clean')
    await cloud.reset()
    expect((await call('GET', 'users/count', {}, { key: cloud.key })).body.meta.count).toBe(5)
    await cloud.restore('clean')
    expect((await call('GET', 'users/count', {}, { key: cloud.key })).body.meta.count).toBe(7)
  })

  it('reads the outbox of its own key only', async () => {
    expect(await cloud.outbox()).toEqual([])
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com' }, { key: cloud.key })
    const mails = await cloud.outbox()
    expect(mails.map((mail) => [mail.key, mail.kind, mail.to])).toEqual([[cloud.key, 'reset_password', 'bob@example.com']])
  })

  it('exports its data set and imports it back; reads the server clock', async () => {
    const mine = await call('POST', 'users/login', {}, { key: cloud.key, form: { login: 'alice', password: 'pw-alice' } })
    expect(mine.status).toBe(200)
    const data = await cloud.exportData()
    expect(Object.keys(data.sessions)).toContain(mine.body.meta.session_id)
    const users = (data.collections.users ?? []) as (StoredRecord & { username?: string })[]
    await cloud.importData({ ...data, collections: { ...data.collections, users: users.filter((user) => user.username !== 'only-in-b') } })
    expect((await call('GET', 'users/count', {}, { key: cloud.key })).body.meta.count).toBe(6)
    expect(await cloud.outbox()).toHaveLength(1)
    const clock = await cloud.clock.state()
    expect(clock.frozen).toBe(false)
    expect(Number.isNaN(Date.parse(clock.now))).toBe(false)
  })
})
