import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DataFileError, createMockCloud } from '../../src/index.js'
import { client, login, startServer } from '../support/client.js'

// `--data FILE`: lowdb's JSON file adapter, read once at start, every write on disk before the reply
// (docs/command-line.md).
let dir: string
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'mock-cloud-data-'))))
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('a data file', () => {
  it('is created from the fixtures and holds every acknowledged write', async () => {
    const file = join(dir, 'db.json')
    const { server, call } = await startServer({ data: file })
    const created = await call('POST', 'users/create', {}, { form: { username: 'frank', password: 'p', password_confirmation: 'p' } })
    expect(created.status).toBe(200)
    // On disk before the reply: read it while the server still runs.
    const onDisk = JSON.parse(await readFile(file, 'utf8'))
    expect(onDisk.apps.TESTKEY.collections.users.map((user: { username: string }) => user.username)).toContain('frank')
    expect(JSON.stringify(onDisk)).not.toContain('"p"')
    await server.stop()
  })

  it('keeps users and sessions across a restart, and reset goes back to the fixtures', async () => {
    const file = join(dir, 'db.json')
    const first = await startServer({ data: file })
    await first.call('POST', 'users/create', {}, { form: { username: 'frank', password: 'p', password_confirmation: 'p' } })
    const session = await login(first.call, 'frank', 'p')
    await first.server.stop()

    const second = await startServer({ data: file })
    expect((await second.call('GET', 'users/count')).body.meta.count).toBe(6)
    expect((await second.call('GET', 'users/show/me', {}, { session })).body.response.users[0].username).toBe('frank')
    await second.server.reset()
    expect((await second.call('GET', 'users/count')).body.meta.count).toBe(5)
    expect(JSON.parse(await readFile(file, 'utf8')).apps).toEqual({})
    await second.server.stop()
  })

  it('keeps a custom-field date a date across a restart', async () => {
    const file = join(dir, 'db.json')
    const first = await startServer({ data: file })
    const session = await login(first.call, 'bob', 'pw-bob')
    await first.call('PUT', 'users/update', {}, { session, form: { custom_fields: { joined: '2020-01-02 03:04:05 -0700' } } })
    await first.server.stop()

    const second = await startServer({ data: file })
    const found = await second.call('GET', 'users/query', { where: { joined: { $gt: '2020-01-02 10:00:00+0000' } } })
    expect(found.body.response.users.map((user: { username: string }) => user.username)).toEqual(['bob'])
    expect(found.body.response.users[0].custom_fields.joined).toBe('2020-01-02T10:04:05+0000')
    await second.server.stop()
  })

  it('that is not JSON stops the start with the file name and leaves the file untouched', async () => {
    const file = join(dir, 'broken.json')
    await writeFile(file, '{"users": [')
    const attempt = createMockCloud({ data: file })
    await expect(attempt).rejects.toThrow(DataFileError)
    await expect(attempt).rejects.toThrow(file)
    expect(await readFile(file, 'utf8')).toBe('{"users": [')
  })

  it('in a folder that does not exist stops the start with the file name', async () => {
    const file = join(dir, 'missing', 'db.json')
    await expect(createMockCloud({ data: file })).rejects.toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be created .*check that its folder exists`),
    )
  })

  it('with a half-formed user stops the start naming the user and field, not a 500 on every call later', async () => {
    const file = join(dir, 'half.json')
    await writeFile(file, JSON.stringify({ apps: { K: { users: [{ id: '5f0000000000000000000001', username: 'x' }], sessions: {} } } }))
    await expect(createMockCloud({ data: file })).rejects.toThrow(
      `${file}: not a mock-cloud data file: apps["K"].collections["users"][0].created_at is missing or malformed; give --data (option data) the path of a new or empty file (mock-cloud fills it) or of one mock-cloud wrote`,
    )
  })

  it('given a fixture file by mistake points to --fixtures', async () => {
    const file = join(dir, 'users.json')
    await writeFile(file, JSON.stringify({ users: [{ username: 'a', password: 'p' }] }))
    await expect(createMockCloud({ data: file })).rejects.toThrow(/no "apps" \(a fixture file\? pass it with --fixtures\)/)
  })

  it('written by mock-cloud 0.2 (users at the top of each data set) opens, keeps its users and sessions, and is rewritten in format 3', async () => {
    const file = join(dir, 'v02.json')
    const user = {
      id: '5f0000000000000000000001', username: 'zoe', admin: false, custom_fields: {}, external_accounts: [],
      created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z', password_hash: 'x',
    }
    const sessions = { s1: { user_id: user.id, created_at: '2024-01-01T00:00:00.000Z' } }
    await writeFile(file, JSON.stringify({ apps: { K: { users: [user], sessions, tokens: {}, outbox: [] } } }))
    const cloud = await createMockCloud({ data: file })
    try {
      const me = await cloud.app.request('/v1/users/show/me.json?key=K&_session_id=s1')
      expect(((await me.json()) as any).response.users[0].username).toBe('zoe')
      const onDisk = JSON.parse(await readFile(file, 'utf8'))
      expect(onDisk.format).toBe(3)
      expect(onDisk.apps.K.collections.users[0].username).toBe('zoe')
      expect(onDisk.apps.K.users).toBeUndefined()
    } finally {
      await cloud.close()
    }
  })

  it('written by mock-cloud 0.1 (one data set for all app keys) is refused and left as it is', async () => {
    const file = join(dir, 'old.json')
    const old = JSON.stringify({ users: [], sessions: {} })
    await writeFile(file, old)
    await expect(createMockCloud({ data: file })).rejects.toThrow(/one data set for every app key, as mock-cloud 0.1 wrote it/)
    expect(await readFile(file, 'utf8')).toBe(old)
  })

  it.each([
    ['a created_at that is no date', { created_at: 'yesterday' }, 'created_at'],
    ['tags that are text', { tags: 'golf' }, 'tags'],
    ['an id that is no id', { id: 'x' }, 'id'],
    ['an external account without external_type', { external_accounts: [{ external_id: '1', token: '' }] }, 'external_accounts'],
    ['a photo without an id', { photo: { filename: 'a.png' } }, 'photo'],
    ['an acl_id that is no id', { acl_id: 'friends' }, 'acl_id'],
  ])('with %s stops the start naming the field', async (_name, change, field) => {
    const file = join(dir, 'bad.json')
    const user = {
      id: '5f0000000000000000000001', created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z',
      admin: false, custom_fields: {}, external_accounts: [], password_hash: 'scrypt$x', ...change,
    }
    await writeFile(file, JSON.stringify({ apps: { K: { users: [user], sessions: {} } } }))
    await expect(createMockCloud({ data: file })).rejects.toThrow(`apps["K"].collections["users"][0].${field} is missing or malformed`)
  })

  it('holding null is refused and left as it is', async () => {
    const file = join(dir, 'null.json')
    await writeFile(file, 'null')
    await expect(createMockCloud({ data: file })).rejects.toThrow(/it holds no object/)
    expect(await readFile(file, 'utf8')).toBe('null')
  })

  it('that is JSON of another shape stops the start too', async () => {
    const file = join(dir, 'other.json')
    await writeFile(file, '{"posts": []}')
    await expect(createMockCloud({ data: file })).rejects.toThrow(/not a mock-cloud data file/)
  })

  it('is served by the same API as memory', async () => {
    const file = join(dir, 'db.json')
    const { server } = await startServer({ data: file })
    const call = client(server.url)
    expect((await call('GET', 'users/query', { where: { color: 'red' } })).body.response.users).toHaveLength(1)
    await server.stop()
  })
})
