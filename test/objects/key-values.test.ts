import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'

/** KeyValues through app.request(): one test per rule of docs/key-values.md. */

let cloud: MockCloud

/** A user's session id, from users/login. */
const session = (username: string): Promise<string> => sessionOf(cloud, username)

/** Calls keyvalues/<method>.json with `params` (in the query string for GET and DELETE, else a form body). */
async function kv(verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) {
  const all = new URLSearchParams({ key: 'K', ...params, ...(sessionId && { _session_id: sessionId }) })
  const inQuery = verb === 'GET' || verb === 'DELETE'
  const reply = await cloud.app.request(`/v1/keyvalues/${method}.json?${inQuery ? all : 'key=K'}`, {
    method: verb,
    ...(!inQuery && { body: all }),
  })
  return { status: reply.status, body: (await reply.json()) as any }
}

function failure(reply: { status: number; body: any }) {
  return { status: reply.status, code: reply.body.meta.code, message: reply.body.meta.message, method_name: reply.body.meta.method_name }
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
})

describe('keyvalues/set and get', () => {
  it('sets a value and gets it back with its id, dates and owner', async () => {
    const alice = await session('alice')
    const set = await kv('PUT', 'set', { name: 'greeting', value: 'Hello World' }, alice)
    expect(set.status).toBe(200)
    expect(set.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'setKeyvalue' })
    const [pair] = set.body.response.keyvalues
    expect(pair).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'greeting',
      value: 'Hello World',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      updated_at: expect.stringMatching(/\+0000$/),
      user_id: ids.alice,
    })
    const got = await kv('GET', 'get', { name: 'greeting' })
    expect(got.body.meta.method_name).toBe('getKeyvalue')
    expect(got.body.response.keyvalues).toEqual([pair])
  })

  it('takes POST as well as PUT for set, and refuses GET with 405', async () => {
    const alice = await session('alice')
    expect((await kv('POST', 'set', { name: 'a', value: '1' }, alice)).status).toBe(200)
    expect((await kv('GET', 'set', { name: 'a', value: '1' }, alice)).status).toBe(405)
  })

  it('keeps a numeric form value as the string it was sent as, and a JSON body number as a number', async () => {
    const alice = await session('alice')
    expect((await kv('PUT', 'set', { name: 'five', value: '5' }, alice)).body.response.keyvalues[0].value).toBe('5')
    const reply = await cloud.app.request('/v1/keyvalues/set.json?key=K', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'six', value: 6, _session_id: alice }),
    })
    expect(((await reply.json()) as any).response.keyvalues[0].value).toBe(6)
  })

  it('set on an existing name replaces the value, keeps id, created_at and owner', async () => {
    const alice = await session('alice')
    const bob = await session('bob')
    const first = (await kv('PUT', 'set', { name: 'shared', value: 'one' }, alice)).body.response.keyvalues[0]
    const second = (await kv('PUT', 'set', { name: 'shared', value: 'two' }, bob)).body.response.keyvalues[0]
    expect(second).toMatchObject({ id: first.id, created_at: first.created_at, user_id: ids.alice, value: 'two' })
    expect((await kv('GET', 'count')).body.meta.count).toBe(1)
  })

  it('answers the exact texts for a missing name (checked first) and a missing or empty value', async () => {
    const alice = await session('alice')
    expect(failure(await kv('PUT', 'set', {}, alice))).toEqual({ status: 400, code: 400, message: 'Key-value name required', method_name: 'setKeyvalue' })
    expect(failure(await kv('PUT', 'set', { name: '', value: 'x' }, alice)).message).toBe('Key-value name required')
    expect(failure(await kv('PUT', 'set', { name: 'n' }, alice)).message).toBe('Key-value value required')
    expect(failure(await kv('PUT', 'set', { name: 'n', value: '' }, alice)).message).toBe('Key-value value required')
  })

  it('refuses a name over 256 characters and a value over 2 MiB', async () => {
    const alice = await session('alice')
    expect((await kv('PUT', 'set', { name: 'n'.repeat(256), value: 'x' }, alice)).status).toBe(200)
    expect(failure(await kv('PUT', 'set', { name: 'n'.repeat(257), value: 'x' }, alice)).message).toBe('Key-value name is too long')
    await cloud.close()
    cloud = (await createMockCloud({ fixtures: fixtureS, limits: { maxBodyBytes: 4 * 1024 * 1024 } })) as MockCloud
    const carol = await session('carol')
    expect(failure(await kv('PUT', 'set', { name: 'big', value: 'x'.repeat(2 * 1024 * 1024 + 1) }, carol)).message).toBe(
      'Key-value value is too large',
    )
  })

  it('needs a session to set: 400 Failed to authenticate user', async () => {
    expect(failure(await kv('PUT', 'set', { name: 'n', value: 'v' }))).toEqual({
      status: 400,
      code: 400,
      message: 'Failed to authenticate user',
      method_name: 'setKeyvalue',
    })
  })

  it('get of a missing name → 400 Invalid key-value name; no name → Key-value name required', async () => {
    expect(failure(await kv('GET', 'get', { name: 'nothing' }))).toEqual({ status: 400, code: 400, message: 'Invalid key-value name', method_name: 'getKeyvalue' })
    expect(failure(await kv('GET', 'get')).message).toBe('Key-value name required')
  })
})

describe('private stores', () => {
  it('keeps one private store per user, apart from the public store', async () => {
    const alice = await session('alice')
    const bob = await session('bob')
    await kv('PUT', 'set', { name: 'color', value: 'public red' }, alice)
    await kv('PUT', 'set', { name: 'color', value: 'alice blue', access_private: 'true' }, alice)
    await kv('PUT', 'set', { name: 'color', value: 'bob green', access_private: '1' }, bob)
    expect((await kv('GET', 'get', { name: 'color' })).body.response.keyvalues[0].value).toBe('public red')
    expect((await kv('GET', 'get', { name: 'color', access_private: 'true' }, alice)).body.response.keyvalues[0].value).toBe('alice blue')
    expect((await kv('GET', 'get', { name: 'color', access_private: 'true' }, bob)).body.response.keyvalues[0].value).toBe('bob green')
    expect((await kv('GET', 'count')).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'keyvaluesCount', count: 3 })
  })

  it('a private get needs a session', async () => {
    expect(failure(await kv('GET', 'get', { name: 'color', access_private: 'true' })).message).toBe('Failed to authenticate user')
  })

  it('an admin reads a user private value with user_id; a non-admin gets 403', async () => {
    const alice = await session('alice')
    await kv('PUT', 'set', { name: 'secret', value: 's3', access_private: 'true' }, alice)
    const admin = await session('admin')
    expect((await kv('GET', 'get', { name: 'secret', user_id: ids.alice }, admin)).body.response.keyvalues[0].value).toBe('s3')
    const bob = await session('bob')
    expect(failure(await kv('GET', 'get', { name: 'secret', user_id: ids.alice }, bob))).toEqual({
      status: 403,
      code: 403,
      message: 'You are not authorized to perform this action.',
      method_name: 'getKeyvalue',
    })
    expect(failure(await kv('GET', 'get', { name: 'secret', user_id: ids.alice })).message).toBe('Failed to authenticate user')
  })

  it('an admin writes in a user store with su_id; the user owns the pair; non-admins get 403, unknown users 404', async () => {
    const admin = await session('admin')
    const set = await kv('PUT', 'set', { name: 'score', value: '1', access_private: 'true', su_id: ids.bob }, admin)
    expect(set.body.response.keyvalues[0].user_id).toBe(ids.bob)
    await kv('PUT', 'incrby', { name: 'score', value: '4', access_private: 'true', su_id: ids.bob }, admin)
    const bob = await session('bob')
    expect((await kv('GET', 'get', { name: 'score', access_private: 'true' }, bob)).body.response.keyvalues[0].value).toBe(5)
    const alice = await session('alice')
    expect(failure(await kv('PUT', 'set', { name: 'x', value: '1', su_id: ids.bob }, alice)).status).toBe(403)
    expect(failure(await kv('PUT', 'set', { name: 'x', value: '1', su_id: '5f00000000000000000000ff' }, admin))).toMatchObject({ status: 404, message: 'User not found.' })
    expect(failure(await kv('PUT', 'set', { name: 'x', value: '1', su_id: 'nope' }, admin)).message).toBe("Invalid object id: 'nope'")
    expect((await kv('DELETE', 'delete', { name: 'score', access_private: 'true', su_id: ids.bob }, admin)).status).toBe(200)
    expect((await kv('GET', 'get', { name: 'score', access_private: 'true' }, bob)).status).toBe(400)
  })
})

describe('keyvalues/append and incrby', () => {
  it('append concatenates text and answers the new value', async () => {
    const alice = await session('alice')
    await kv('PUT', 'set', { name: 'digits', value: '098765432' }, alice)
    const appended = await kv('PUT', 'append', { name: 'digits', value: '1234567890' }, alice)
    expect(appended.body.meta.method_name).toBe('appendKeyvalue')
    expect(appended.body.response.keyvalues[0].value).toBe('0987654321234567890')
  })

  it('append on a missing name creates it; on a number writes it as text first', async () => {
    const alice = await session('alice')
    expect((await kv('POST', 'append', { name: 'fresh', value: 'Hello' }, alice)).body.response.keyvalues[0].value).toBe('Hello')
    await kv('PUT', 'incrby', { name: 'n', value: '7' }, alice)
    expect((await kv('PUT', 'append', { name: 'n', value: '1' }, alice)).body.response.keyvalues[0].value).toBe('71')
  })

  it('incrby adds integers to numeric strings and answers a number', async () => {
    const alice = await session('alice')
    await kv('PUT', 'set', { name: 'counter', value: '5' }, alice)
    const up = await kv('PUT', 'incrby', { name: 'counter', value: '2' }, alice)
    expect(up.body.meta.method_name).toBe('incrbyKeyvalue')
    expect(up.body.response.keyvalues[0].value).toBe(7)
    expect((await kv('PUT', 'incrby', { name: 'counter', value: '-5' }, alice)).body.response.keyvalues[0].value).toBe(2)
    expect((await kv('PUT', 'incrby', { name: 'counter', value: '2.9' }, alice)).body.response.keyvalues[0].value).toBe(4)
    expect((await kv('PUT', 'incrby', { name: 'counter', value: '-1.9' }, alice)).body.response.keyvalues[0].value).toBe(3)
  })

  it('incrby: an unreadable increment changes nothing, a non-integer stored value is replaced, a missing name is created', async () => {
    const alice = await session('alice')
    await kv('PUT', 'set', { name: 'word', value: 'abc' }, alice)
    expect((await kv('PUT', 'incrby', { name: 'word', value: 'ten' }, alice)).body.response.keyvalues[0].value).toBe('abc')
    expect((await kv('PUT', 'incrby', { name: 'word', value: '3' }, alice)).body.response.keyvalues[0].value).toBe(3)
    expect((await kv('PUT', 'incrby', { name: 'new', value: '10' }, alice)).body.response.keyvalues[0].value).toBe(10)
    expect(failure(await kv('PUT', 'incrby', { name: 'new' }, alice)).message).toBe('Key-value value required')
  })

  it('any signed-in user may change a public pair; its first creator stays the owner', async () => {
    const alice = await session('alice')
    const bob = await session('bob')
    await kv('PUT', 'incrby', { name: `${ids.alice}_score`, value: '1' }, alice)
    const reply = await kv('PUT', 'incrby', { name: `${ids.alice}_score`, value: '1' }, bob)
    expect(reply.body.response.keyvalues[0]).toMatchObject({ value: 2, user_id: ids.alice })
  })

  it('append and incrby need a session', async () => {
    expect(failure(await kv('PUT', 'append', { name: 'a', value: 'b' })).message).toBe('Failed to authenticate user')
    expect(failure(await kv('PUT', 'incrby', { name: 'a', value: '1' })).message).toBe('Failed to authenticate user')
  })
})

describe('binary values', () => {
  async function setBinary(sessionId: string, bytes: Uint8Array, type = 'binary') {
    const form = new FormData()
    form.set('name', 'blob')
    form.set('type', type)
    form.set('_session_id', sessionId)
    form.set('value', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'blob.bin')
    const reply = await cloud.app.request('/v1/keyvalues/set.json?key=K', { method: 'PUT', body: form })
    return { status: reply.status, body: (await reply.json()) as any }
  }

  it('stores a file part and get answers its bytes as application/octet-stream', async () => {
    const alice = await session('alice')
    const bytes = new Uint8Array([0, 1, 2, 255, 254, 10, 13])
    const set = await setBinary(alice, bytes)
    expect(set.status).toBe(200)
    expect(set.body.response.keyvalues[0]).toMatchObject({ name: 'blob', type: 'binary' })
    expect(set.body.response.keyvalues[0]).not.toHaveProperty('value')
    const got = await cloud.app.request('/v1/keyvalues/get.json?key=K&name=blob')
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toBe('application/octet-stream')
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes)
  })

  it('type=binary without a file part → Key-value value required', async () => {
    const alice = await session('alice')
    expect(failure(await kv('PUT', 'set', { name: 'b', value: 'text', type: 'binary' }, alice)).message).toBe('Key-value value required')
  })

  it('refuses append and incrby on a binary pair; query shows it without its value', async () => {
    const alice = await session('alice')
    await setBinary(alice, new Uint8Array([1, 2, 3]))
    expect(failure(await kv('PUT', 'append', { name: 'blob', value: 'x' }, alice))).toMatchObject({
      status: 400,
      message: 'Not allowed on key-values with binary data',
      method_name: 'appendKeyvalue',
    })
    expect(failure(await kv('PUT', 'incrby', { name: 'blob', value: '1' }, alice)).message).toBe('Not allowed on key-values with binary data')
    const query = await kv('GET', 'query')
    expect(query.body.response.keyvalues).toEqual([expect.objectContaining({ name: 'blob', type: 'binary' })])
    expect(query.body.response.keyvalues[0]).not.toHaveProperty('value')
  })

  it('refuses an unknown type', async () => {
    const alice = await session('alice')
    expect(failure(await kv('PUT', 'set', { name: 'b', value: 'v', type: 'blob' }, alice)).message).toBe('Invalid type parameter: must be string or binary')
  })
})

describe('keyvalues/delete, count and query', () => {
  it('delete answers meta only, after which get fails; a missing name → Invalid key-value name', async () => {
    const alice = await session('alice')
    await kv('PUT', 'set', { name: 'gone', value: 'soon' }, alice)
    const deleted = await kv('DELETE', 'delete', { name: 'gone' }, alice)
    expect(deleted.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteKeyvalue' } })
    expect(failure(await kv('GET', 'get', { name: 'gone' })).message).toBe('Invalid key-value name')
    expect(failure(await kv('DELETE', 'delete', { name: 'gone' }, alice)).message).toBe('Invalid key-value name')
    expect(failure(await kv('DELETE', 'delete', { name: 'gone' })).message).toBe('Failed to authenticate user')
  })

  it('takes delete parameters from a form body too', async () => {
    const alice = await session('alice')
    await kv('PUT', 'set', { name: 'gone', value: 'soon' }, alice)
    const reply = await cloud.app.request('/v1/keyvalues/delete.json?key=K', {
      method: 'DELETE',
      body: new URLSearchParams({ name: 'gone', _session_id: alice }),
    })
    expect(reply.status).toBe(200)
  })

  it('query lists public pairs only, with where, order and count; no login', async () => {
    const alice = await session('alice')
    await kv('PUT', 'set', { name: 'b', value: 'two' }, alice)
    await kv('PUT', 'set', { name: 'a', value: 'one' }, alice)
    await kv('PUT', 'set', { name: 'hidden', value: 'x', access_private: 'true' }, alice)
    const all = await kv('GET', 'query', { order: 'name', count: 'true' })
    expect(all.body.meta).toMatchObject({ method_name: 'queryKeyvalues', count: 2 })
    expect(all.body.response.keyvalues.map((pair: { name: string }) => pair.name)).toEqual(['a', 'b'])
    const where = await kv('GET', 'query', { where: JSON.stringify({ value: 'two', user_id: ids.alice }) })
    expect(where.body.response.keyvalues.map((pair: { name: string }) => pair.name)).toEqual(['b'])
    expect((await kv('GET', 'query', { where: '{bad' })).status).toBe(400)
  })
})

describe('fixtures', () => {
  it('seeds pairs with owners named by username', async () => {
    cloud = (await createMockCloud({
      fixtures: {
        ...fixtureS,
        keyvalues: [
          { name: 'score', value: '10', owner: 'alice', access_private: false },
          { name: 'score', value: 99, owner: 'bob', access_private: true },
        ],
      },
    })) as MockCloud
    expect((await kv('GET', 'get', { name: 'score' })).body.response.keyvalues[0]).toMatchObject({ value: '10', user_id: ids.alice })
    const bob = await session('bob')
    expect((await kv('GET', 'get', { name: 'score', access_private: 'true' }, bob)).body.response.keyvalues[0].value).toBe(99)
  })

  it('refuses an unknown owner and a duplicate name in one store', async () => {
    await expect(createMockCloud({ fixtures: { ...fixtureS, keyvalues: [{ name: 'a', value: '1', owner: 'zed', access_private: false }] } })).rejects.toThrow(
      /keyvalues\[0\]\.owner/,
    )
    await expect(
      createMockCloud({
        fixtures: {
          ...fixtureS,
          keyvalues: [
            { name: 'a', value: '1', owner: 'alice', access_private: false },
            { name: 'a', value: '2', owner: 'bob', access_private: false },
          ],
        },
      }),
    ).rejects.toThrow('keyvalues[1].name: "a" is already in this store')
  })
})
