import { describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { ids } from '../support/fixture-s.js'
import { login } from '../support/client.js'
import { serversStoppedAfterEach } from '../support/servers.js'

// Export and import of data sets as JSON files (docs/toolkit.md), over HTTP and in code.

const start = serversStoppedAfterEach()

const put = (server: RunningMockCloud, query: string, body: string) =>
  fetch(`${server.url}/__mock/data${query}`, { method: 'PUT', body, headers: { 'content-type': 'application/json' } })
const signUp = { password: 'p', password_confirmation: 'p' }

describe('/__mock/data', () => {
  it('GET ?key=K gives the data set as stored (hashes, no passwords); PUT of it under another key reads it back exactly', async () => {
    const { server, call } = await start()
    await call('POST', 'users/create', {}, { key: 'A', form: { username: 'frank', ...signUp } })
    const exported = await fetch(`${server.url}/__mock/data?key=A`)
    expect(exported.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const text = await exported.text()
    const data = JSON.parse(text)
    expect(Object.keys(data)).toEqual(['collections', 'sessions', 'tokens', 'outbox', 'pushes'])
    expect(data.collections.users.map((user: any) => user.username)).toEqual(['alice', 'bob', 'carol', 'dave', 'admin', 'frank'])
    expect(data.collections.users[0].password_hash).toMatch(/^hmac-sha256\$/)
    expect(text).not.toContain('pw-alice')
    expect(Object.keys(data.sessions)).toHaveLength(1)

    const imported = await put(server, '?key=B', text)
    expect(imported.status).toBe(200)
    expect(await imported.json()).toEqual({ meta: { code: 200, status: 'ok', method_name: 'mockData' } })
    expect(await (await fetch(`${server.url}/__mock/data?key=B`)).text()).toBe(text)
    // The imported session and password work under B.
    const [sessionId] = Object.keys(data.sessions)
    expect((await call('GET', 'users/show/me', {}, { key: 'B', session: sessionId })).body.response.users[0].username).toBe('frank')
    expect((await call('POST', 'users/login', {}, { key: 'B', form: { login: 'frank', password: 'p' } })).status).toBe(200)
  })

  it('without a key, GET gives every data set as {apps} and PUT replaces them all', async () => {
    const { server, call } = await start()
    await call('GET', 'users/count', {}, { key: 'A' })
    const all = (await (await fetch(`${server.url}/__mock/data`)).json()) as any
    expect(Object.keys(all.apps)).toEqual(['A'])
    await call('POST', 'users/create', {}, { key: 'A', form: { username: 'frank', ...signUp } })
    await call('POST', 'users/create', {}, { key: 'C', form: { username: 'frank', ...signUp } })
    all.apps.A.collections.users = all.apps.A.collections.users.filter((user: any) => user.id !== ids.bob)
    expect((await put(server, '', JSON.stringify(all))).status).toBe(200)
    const counts = await Promise.all(['A', 'C'].map(async (key) => (await call('GET', 'users/count', {}, { key })).body.meta.count))
    expect(counts).toEqual([4, 5])
  })

  it('a body that is not a data set answers 400 naming the problem, and nothing changes', async () => {
    const { server, call } = await start()
    const session = await login(call, 'alice', 'pw-alice')
    const good = (await (await fetch(`${server.url}/__mock/data?key=TESTKEY`)).json()) as any
    const badUser = structuredClone(good)
    badUser.collections.users[2].created_at = 'yesterday'
    const badSession = { ...good, sessions: { abc: { user_id: ids.bob } } }
    const cases: [string, string, string][] = [
      ['?key=TESTKEY', '{"users": [', 'Invalid data: the body is not JSON ('],
      ['?key=TESTKEY', '[]', 'Invalid data: the data set must be {"collections": {...}, "sessions": {...}}; expected a data set'],
      ['?key=TESTKEY', JSON.stringify(badUser), 'Invalid data: collections["users"][2].created_at is missing or malformed; expected a data set ({"collections": {"users": [...]}, "sessions": {...}}) as GET /__mock/data?key=K gives it'],
      ['?key=TESTKEY', JSON.stringify(badSession), 'Invalid data: sessions["abc"] must be {"user_id": "...", "created_at": "ISO date"}'],
      ['', JSON.stringify(good), 'Invalid data: it is one data set ("collections" without "apps"); send it with ?key=K; expected data sets ({"apps": {"KEY": {...}}}) as GET /__mock/data gives it'],
    ]
    for (const [query, body, message] of cases) {
      const reply = await put(server, query, body)
      expect(reply.status).toBe(400)
      const meta = ((await reply.json()) as any).meta
      expect(meta).toMatchObject({ status: 'fail', code: 400, method_name: 'mockData' })
      expect(meta.message.slice(0, message.length)).toBe(message)
    }
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
    expect((await call('GET', 'users/show/me', {}, { session })).status).toBe(200)
  })

  it('code twins: exportData and importData', async () => {
    const { server, call } = await start()
    const data = server.exportData('TESTKEY') as any
    data.collections.users = data.collections.users.slice(0, 2)
    await server.importData(data, 'TESTKEY')
    expect((await call('GET', 'users/count')).body.meta.count).toBe(2)
    expect(server.exportData('TESTKEY')).toEqual(data)
    // Export and import hand over copies: changing them afterwards changes nothing stored.
    data.collections.users[0].username = 'changed-after-import'
    const exported = server.exportData('TESTKEY') as any
    exported.collections.users[1].username = 'changed-after-export'
    const names = (await call('GET', 'users/query', { order: 'username' })).body.response.users.map((user: any) => user.username)
    expect(names).toEqual(['alice', 'bob'])
    await expect(server.importData({ collections: { users: 'none' }, sessions: {} }, 'TESTKEY')).rejects.toMatchObject({
      code: 400,
      message: expect.stringMatching(/^Invalid data: collections\["users"\] must be an array;/),
    })
  })
})
