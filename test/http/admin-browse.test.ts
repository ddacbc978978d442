import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/app.js'

// The read-only admin views of the data sets (docs/toolkit.md "The admin API"): app keys in use,
// a collection's stored records with where/order/paging, sessions; and the dashboard's files.

const fixture = { users: [{ username: 'ann', password: 'p' }, { username: 'bea', password: 'p', custom_fields: { age: 30 } }] }
const json = async (reply: Response) => [reply.status, (await reply.json()) as any] as const

async function cloudWithCalls() {
  const cloud = await createMockCloud({ fixtures: fixture })
  const post = (path: string, body: Record<string, string>, key = 'K') =>
    cloud.app.request(`/v1/${path}.json?key=${key}`, { method: 'POST', body: new URLSearchParams(body) })
  const login = (await (await post('users/login', { login: 'ann', password: 'p' })).json()) as { meta: { session_id: string } }
  const created = await post('objects/cars/create', { fields: JSON.stringify({ make: 'Saab' }), _session_id: login.meta.session_id })
  expect(created.status).toBe(200)
  await cloud.app.request('/v1/users/count.json?key=OTHER')
  return cloud
}

describe('GET /__mock/keys', () => {
  it('lists every data set in use with its collections\' sizes and its sessions, mails and pushes, creating none', async () => {
    const cloud = await cloudWithCalls()
    const [status, body] = await json(await cloud.app.request('/__mock/keys'))
    expect(status).toBe(200)
    expect(body.meta).toEqual({ code: 200, status: 'ok', method_name: 'mockKeys', count: 2 })
    expect(body.response.keys).toEqual([
      { key: 'K', collections: { users: 2, 'objects:cars': 1 }, sessions: 1, mails: 0, pushes: 0 },
      { key: 'OTHER', collections: { users: 2 }, sessions: 0, mails: 0, pushes: 0 },
    ])
    expect(cloud.dataSets.keys()).toEqual(['K', 'OTHER'])
    expect((await cloud.app.request('/__mock/keys?key=K')).status).toBe(400)
  })
})

describe('GET /__mock/collections/NAME', () => {
  it('answers stored records of any collection, filtered, sorted and paged by the API\'s query rules', async () => {
    const cloud = await cloudWithCalls()
    const list = async (query: string) => json(await cloud.app.request(`/__mock/collections/${query}`))
    const [status, cars] = await list('objects%3Acars?key=K')
    expect(status).toBe(200)
    expect(cars.response.records).toHaveLength(1)
    expect(cars.response.records[0].fields).toEqual({ make: 'Saab' })
    const [, users] = await list(`users?key=K&where=${encodeURIComponent('{"custom_fields.age":{"$gte":18}}')}`)
    expect(users.meta.count).toBe(1)
    expect(users.response.records.map((user: any) => user.username)).toEqual(['bea'])
    const [, ordered] = await list('users?key=K&order=-username&limit=1&skip=1')
    expect([ordered.meta.count, ordered.response.records.map((user: any) => user.username)]).toEqual([2, ['ann']])
  })

  it('answers 400 for a bad where or a missing key, 404 for a key or collection that does not exist', async () => {
    const cloud = await cloudWithCalls()
    const fail = async (query: string) => {
      const [status, body] = await json(await cloud.app.request(`/__mock/collections/${query}`))
      return [status, body.meta.method_name, body.meta.message]
    }
    expect(await fail('users?key=K&where=%7Bnope')).toEqual([400, 'mockCollection', expect.stringMatching(/where/)])
    expect(await fail('users')).toEqual([400, 'mockCollection', 'Missing key parameter: name the app key whose data set to read'])
    expect(await fail('users?key=K&colour=red')).toEqual([400, 'mockCollection', expect.stringMatching(/^Unknown parameter "colour"/)])
    expect(await fail('users?key=NEW')).toEqual([
      404,
      'mockCollection',
      'No data set for app key "NEW": no call used it since the server started or since the last reset of every key; keys in use: "K", "OTHER"',
    ])
    expect(await fail('objects%3Aboats?key=K')).toEqual([404, 'mockCollection', 'No collection "objects:boats" in the data set of "K"; it holds "users", "objects:cars"'])
    expect(cloud.dataSets.keys()).toEqual(['K', 'OTHER'])
  })
})

describe('GET /__mock/sessions', () => {
  it('lists the live sessions of a key, or of all, with their users', async () => {
    const cloud = await cloudWithCalls()
    const [status, body] = await json(await cloud.app.request('/__mock/sessions?key=K'))
    expect(status).toBe(200)
    const ann = cloud.dataSets.data('K').collections.users!.find((user: any) => user.username === 'ann')!
    expect(body.meta.count).toBe(1)
    expect(body.response.sessions[0]).toEqual({ key: 'K', session_id: expect.any(String), user_id: ann.id, created_at: expect.any(String) })
    expect(Object.keys(cloud.dataSets.data('K').sessions)).toContain(body.response.sessions[0].session_id)
    expect((await json(await cloud.app.request('/__mock/sessions?key=OTHER')))[1].response.sessions).toEqual([])
  })
})

describe('GET /__mock/ui', () => {
  it('serves the page with a policy that keeps it on this server, its files, and 404 for any other name', async () => {
    const cloud = await createMockCloud()
    const page = await cloud.app.request('/__mock/ui')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'sha256-[^']+'/)
    expect(await page.text()).toContain('<script type="importmap">{"imports":{"preact":"/__mock/ui/preact.mjs"')
    for (const [name, start] of [['app.js', /^\/\/ The dashboard/], ['preact.mjs', /^var /], ['hooks.mjs', /^import/], ['htm.mjs', /^var /]] as const) {
      const file = await cloud.app.request(`/__mock/ui/${name}`)
      expect([file.status, file.headers.get('content-type')], name).toEqual([200, 'text/javascript; charset=utf-8'])
      expect(await file.text(), name).toMatch(start)
    }
    expect((await cloud.app.request('/__mock/ui/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    const [status, body] = await json(await cloud.app.request('/__mock/ui/..%2Fpackage.json'))
    expect([status, body.meta.message]).toEqual([404, 'No dashboard file "../package.json"; the dashboard is at /__mock/ui'])
    expect((await cloud.app.request('/__mock/ui', { method: 'POST' })).status).toBe(405)
  })
})

describe('live sessions only', () => {
  it('leaves out sessions past the key\'s sessionLifetime, in the list and in the keys\' counts', async () => {
    const cloud = await createMockCloud({ fixtures: fixture, sessionLifetime: '30m' })
    cloud.clock.freeze()
    await cloud.app.request('/v1/users/login.json?key=K', { method: 'POST', body: new URLSearchParams({ login: 'ann', password: 'p' }) })
    const sessions = async () => (await json(await cloud.app.request('/__mock/sessions?key=K')))[1].response.sessions.length
    const counted = async () => (await json(await cloud.app.request('/__mock/keys')))[1].response.keys[0].sessions
    expect([await sessions(), await counted()]).toEqual([1, 1])
    cloud.clock.advance('31m')
    expect([await sessions(), await counted()]).toEqual([0, 0])
  })
})
