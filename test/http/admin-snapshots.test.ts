import { describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import type { Call } from '../support/client.js'
import { serversStoppedAfterEach } from '../support/servers.js'

// Named snapshots per app key and of all (docs/toolkit.md), over HTTP and in code.

const startServer = serversStoppedAfterEach()

async function start(): Promise<{ server: RunningMockCloud; call: Call; admin: Admin }> {
  const started = await startServer()
  const admin: Admin = async (method, path) => {
    const response = await fetch(`${started.server.url}/__mock/${path}`, { method })
    return { status: response.status, body: (await response.json()) as any }
  }
  return { ...started, admin }
}
type Admin = (method: string, path: string) => Promise<{ status: number; body: any }>

const signUp = { password: 'p', password_confirmation: 'p' }
const create = (call: Call, key: string, username: string) =>
  call('POST', 'users/create', {}, { key, form: { username, ...signUp } })
const count = async (call: Call, key: string) => (await call('GET', 'users/count', {}, { key })).body.meta.count as number

describe('/__mock/snapshots', () => {
  it('POST NAME?key=K saves one data set; POST NAME/restore?key=K puts it back, sessions included, others untouched', async () => {
    const { call, admin } = await start()
    const session = (await create(call, 'A', 'frank')).body.meta.session_id as string
    const saved = await admin('POST', 'snapshots/ready?key=A')
    expect(saved.body).toEqual({
      meta: { code: 200, status: 'ok', method_name: 'mockSnapshot' },
      response: { snapshot: { name: 'ready', keys: ['A'], allKeys: false } },
    })
    await create(call, 'A', 'gina')
    await call('GET', 'users/logout', {}, { key: 'A', session })
    await create(call, 'B', 'hank')
    const restored = await admin('POST', 'snapshots/ready/restore?key=A')
    expect(restored.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'mockRestore' })
    expect(await count(call, 'A')).toBe(6)
    expect((await call('GET', 'users/show/me', {}, { key: 'A', session })).body.response.users[0].username).toBe('frank')
    expect(await count(call, 'B')).toBe(6)
    // Restoring twice gives the same state: the snapshot holds a copy.
    await create(call, 'A', 'ivan')
    await admin('POST', 'snapshots/ready/restore?key=A')
    expect(await count(call, 'A')).toBe(6)
  })

  it('without a key saves and restores every data set; data sets made since start again from the baseline', async () => {
    const { call, admin } = await start()
    await create(call, 'A', 'frank')
    await admin('POST', 'snapshots/all')
    await create(call, 'A', 'gina')
    await create(call, 'C', 'hank')
    await admin('POST', 'snapshots/all/restore')
    expect([await count(call, 'A'), await count(call, 'C')]).toEqual([6, 5])
    // One key of a snapshot of all: C did not exist then, so it starts from the baseline.
    await create(call, 'C', 'hank')
    await create(call, 'A', 'gina')
    await admin('POST', 'snapshots/all/restore?key=C')
    expect([await count(call, 'A'), await count(call, 'C')]).toEqual([7, 5])
  })

  it('GET lists them and DELETE forgets one; parallel files may share a name on their own keys', async () => {
    const { call, admin } = await start()
    await create(call, 'A', 'frank')
    await admin('POST', 'snapshots/clean?key=A')
    await admin('POST', 'snapshots/clean?key=B')
    await admin('POST', 'snapshots/other')
    expect((await admin('GET', 'snapshots')).body).toEqual({
      meta: { code: 200, status: 'ok', method_name: 'mockSnapshots' },
      response: {
        snapshots: [
          { name: 'clean', keys: ['A', 'B'], allKeys: false },
          { name: 'other', keys: ['A', 'B'], allKeys: true },
        ],
      },
    })
    expect((await admin('DELETE', 'snapshots/clean?key=A')).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'mockDeleteSnapshot' })
    expect((await admin('DELETE', 'snapshots/other')).status).toBe(200)
    expect((await admin('GET', 'snapshots')).body.response.snapshots).toEqual([{ name: 'clean', keys: ['B'], allKeys: false }])
  })

  it('an unknown snapshot, or a key it does not hold, answers 404 naming what there is; nothing changes', async () => {
    const { server, call, admin } = await start()
    const none = await admin('POST', 'snapshots/nope/restore')
    expect(none.status).toBe(404)
    expect(none.body.meta).toEqual({ status: 'fail', code: 404, message: 'No snapshot named "nope"; none was taken', method_name: 'mockRestore' })
    await admin('POST', 'snapshots/mine?key=A')
    await create(call, 'B', 'frank')
    const otherKey = await admin('POST', 'snapshots/mine/restore?key=B')
    expect(otherKey.body.meta.message).toBe('Snapshot "mine" holds no data set of app key "B"; it holds "A"')
    expect(await count(call, 'B')).toBe(6)
    expect((await admin('DELETE', 'snapshots/gone')).body.meta).toMatchObject({ code: 404, message: 'No snapshot named "gone"; snapshots: "mine"' })
    const verb = await fetch(`${server.url}/__mock/snapshots/mine/restore`)
    expect(verb.status).toBe(405)
    expect(verb.headers.get('allow')).toBe('POST')
  })

  it('code twins: snapshot, restore, snapshots, deleteSnapshot', async () => {
    const { server, call } = await start()
    await create(call, 'A', 'frank')
    expect(await server.snapshot('s', 'A')).toEqual({ name: 's', keys: ['A'], allKeys: false })
    await create(call, 'A', 'gina')
    await server.restore('s', 'A')
    expect(await count(call, 'A')).toBe(6)
    expect(server.snapshots()).toEqual([{ name: 's', keys: ['A'], allKeys: false }])
    server.deleteSnapshot('s')
    expect(server.snapshots()).toEqual([])
    await expect(server.restore('s')).rejects.toMatchObject({ code: 404, message: 'No snapshot named "s"; none was taken' })
  })
})
