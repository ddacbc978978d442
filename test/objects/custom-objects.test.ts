import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'
import type { Fixture } from '../../src/objects/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'

// Route rules of /v1/objects/<classname>/... through app.request (docs/custom-objects.md).

type Body = { meta: Record<string, unknown>; response?: Record<string, any[]> }

async function cloudWith(fixture: Fixture = fixtureS) {
  const cloud = await createMockCloud({ fixtures: fixture })
  const sessions = new Map<string, string>()
  async function login(username: string): Promise<string> {
    const known = sessions.get(username)
    if (known) return known
    const reply = await cloud.app.request('/v1/users/login.json?key=K', {
      method: 'POST',
      body: new URLSearchParams({ login: username, password: username === 'admin' ? passwordOf('admin') : passwordOf(username) }),
    })
    const body = (await reply.json()) as Body
    const session = body.meta.session_id as string
    sessions.set(username, session)
    return session
  }
  /** One call; `as` signs in as that user first. */
  async function call(verb: string, path: string, params: Record<string, string> = {}, as?: string): Promise<{ status: number; body: Body }> {
    const query = new URLSearchParams({ key: 'K', ...(as && { _session_id: await login(as) }) })
    const form = new URLSearchParams(params)
    const inQuery = verb === 'GET' || verb === 'DELETE'
    const url = `/v1/objects/${path}.json?${query}${inQuery && form.size ? `&${form}` : ''}`
    const reply = await cloud.app.request(url, { method: verb, ...(!inQuery && { body: form }) })
    return { status: reply.status, body: (await reply.json()) as Body }
  }
  return { cloud, call }
}

function passwordOf(username: string): string {
  return fixtureS.users!.find((user) => user.username === username)!.password
}

const car = { make: 'mini', year: 2012, used: false, drivers: ['a', 'b'], options: { leather: true, sunroof: false } }

describe('objects/<classname>/create', () => {
  it('stores the fields at the top level, with the owner embedded and the tags as a list', async () => {
    const { call } = await cloudWith()
    const { status, body } = await call('POST', 'cars/create', { fields: JSON.stringify(car), tags: 'sdk, test' }, 'alice')
    expect(status).toBe(200)
    expect(body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createObject' })
    const [made] = body.response!.cars!
    expect(made).toMatchObject({ ...car, tags: ['sdk', 'test'] })
    expect(made.id).toMatch(/^[0-9a-f]{24}$/)
    expect(made.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/)
    expect(made.user).toMatchObject({ id: ids.alice, username: 'alice', email: 'alice@example.com' })
    expect(made).not.toHaveProperty('user_id')
    expect(made).not.toHaveProperty('fields')
  })

  it('answers under the class name exactly as written in the path', async () => {
    const { call } = await cloudWith()
    const { body } = await call('POST', 'Car_2-x/create', { fields: '{"a":1}' }, 'alice')
    expect(Object.keys(body.response!)).toEqual(['Car_2-x'])
    expect((await call('GET', 'car_2-x/count')).body.meta.count).toBe(0)
  })

  it('takes fields.tags when tags is absent, drops reserved keys, keeps dates as dates', async () => {
    const { call } = await cloudWith()
    const fields = { tags: 'x,y', id: 'nope', user_id: ids.bob, user: 'z', created_at: 'then', 'a.b': 1, when: '2011-11-02 17:07:37 -0700', n: 1 }
    const [made] = (await call('POST', 'cars/create', { fields: JSON.stringify(fields) }, 'alice')).body.response!.cars!
    expect(made.tags).toEqual(['x', 'y'])
    expect(made.user.id).toBe(ids.alice)
    expect(made.id).not.toBe('nope')
    expect(made).not.toHaveProperty('a.b')
    expect(made.when).toBe('2011-11-03T00:07:37+0000')
    const found = await call('GET', 'cars/query', { where: JSON.stringify({ when: { $gt: '2011-11-01T00:00:00+0000' } }) })
    expect(found.body.response!.cars).toHaveLength(1)
  })

  it('refuses without a session, without fields, with fields that are not an object, and a bad class name', async () => {
    const { call } = await cloudWith()
    expect(await call('POST', 'cars/create', { fields: '{}' })).toMatchObject({
      status: 400,
      body: { meta: { status: 'fail', code: 400, message: 'Failed to authenticate user', method_name: 'createObject' } },
    })
    expect((await call('POST', 'cars/create', {}, 'alice')).body.meta.message).toBe('Required field: fields')
    expect((await call('POST', 'cars/create', { fields: '' }, 'alice')).body.meta.message).toBe('Required field: fields')
    expect((await call('POST', 'cars/create', { fields: '[1]' }, 'alice')).body.meta.message).toBe(
      'Invalid fields parameter: must be a JSON object',
    )
    const long = 'x'.repeat(65)
    expect(await call('POST', `${long}/create`, { fields: '{}' }, 'alice')).toMatchObject({
      status: 400,
      body: { meta: { message: `Invalid classname: '${long}'` } },
    })
    expect((await call('GET', 'ca%2Ers/query')).body.meta.message).toBe("Invalid classname: 'ca.rs'")
  })

  it('creates on behalf of another user with su_id (admins only)', async () => {
    const { call } = await cloudWith()
    const [made] = (await call('POST', 'cars/create', { fields: '{}', su_id: ids.bob }, 'admin')).body.response!.cars!
    expect(made.user.id).toBe(ids.bob)
    const refused = await call('POST', 'cars/create', { fields: '{}', su_id: ids.bob }, 'alice')
    expect(refused).toMatchObject({ status: 403, body: { meta: { message: 'You are not authorized to perform this action.' } } })
    expect((await call('POST', 'cars/create', { fields: '{}', su_id: '' }, 'alice')).status).toBe(200)
  })

  it('reads su_id as every object does: trimmed, any case; a malformed one is quoted as sent', async () => {
    const { call } = await cloudWith()
    const [made] = (await call('POST', 'cars/create', { fields: '{}', su_id: ` ${ids.bob.toUpperCase()} ` }, 'admin')).body.response!.cars!
    expect(made.user.id).toBe(ids.bob)
    const malformed = await call('POST', 'cars/create', { fields: '{}', su_id: ' nope ' }, 'admin')
    expect(malformed).toMatchObject({ status: 400, body: { meta: { message: "Invalid object id: ' nope '" } } })
  })

  it('sets an $inc field to the increment', async () => {
    const { call } = await cloudWith()
    const [made] = (await call('POST', 'cars/create', { fields: '{"score":{"$inc":5}}' }, 'alice')).body.response!.cars!
    expect(made.score).toBe(5)
  })
})

describe('objects/<classname>/show, query and count', () => {
  it('shows by id and by ids to anyone; an unknown id is a 400', async () => {
    const { call } = await cloudWith()
    const a = (await call('POST', 'cars/create', { fields: '{"n":1}' }, 'alice')).body.response!.cars![0]
    const b = (await call('POST', 'cars/create', { fields: '{"n":2}' }, 'bob')).body.response!.cars![0]
    const one = await call('GET', 'cars/show', { id: a.id })
    expect(one.body.meta.method_name).toBe('showObjects')
    expect(one.body.response!.cars!.map((o) => o.n)).toEqual([1])
    expect(one.body.response!.cars![0].user).not.toHaveProperty('email')
    const both = await call('GET', 'cars/show', { ids: JSON.stringify([b.id, a.id]) })
    expect(both.body.response!.cars!.map((o) => o.n)).toEqual([2, 1])
    const missing = '5f00000000000000000000ff'
    expect(await call('GET', 'cars/show', { id: missing })).toMatchObject({
      status: 400,
      body: { meta: { message: `Invalid object id: '${missing}'` } },
    })
    // Malformed and unknown ids beside a found one are skipped; alone, the first is named.
    const mixed = await call('GET', 'cars/show', { ids: `nope,${a.id},${missing},${a.id}` })
    expect(mixed.body.response!.cars!.map((o) => o.n)).toEqual([1])
    expect((await call('GET', 'cars/show', { ids: `nope,${missing}` })).body.meta.message).toBe("Invalid object id: 'nope'")
    // Classes are separate collections.
    expect((await call('GET', 'trucks/show', { id: a.id })).status).toBe(400)
  })

  it('queries with where, order and count; a never-written class is empty', async () => {
    const { call } = await cloudWith()
    for (const [name, mileage] of [['test2', 10], ['test1', 30], ['test3', 20]] as const) {
      await call('POST', 'cars/create', { fields: JSON.stringify({ name, mileage }), tags: name }, 'alice')
    }
    const query = await call('GET', 'cars/query', { where: '{"mileage":{"$gt":15}}', order: 'name', count: 'true' })
    expect(query.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryCustomObjects', count: 2 })
    expect(query.body.response!.cars!.map((o) => o.name)).toEqual(['test1', 'test3'])
    const byOwner = await call('GET', 'cars/query', { where: JSON.stringify({ user_id: ids.alice, tags_array: 'test2' }) })
    expect(byOwner.body.response!.cars!.map((o) => o.name)).toEqual(['test2'])
    expect((await call('GET', 'cars/count')).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'objectsCount', count: 3 })
    expect((await call('GET', 'space/query')).body.response).toEqual({ space: [] })
    expect((await call('GET', 'space/count')).body.meta.count).toBe(0)
  })
})

describe('objects/<classname>/update', () => {
  it('merges fields: new keys added, others kept, null removes, hashes replaced, $inc adds', async () => {
    const { call } = await cloudWith()
    const made = (await call('POST', 'cars/create', { fields: JSON.stringify({ ...car, score: 10 }), tags: 'a' }, 'alice')).body.response!.cars![0]
    const fields = { mileage: 100, drivers: null, options: { leather: false }, score: { $inc: -3 } }
    const updated = await call('PUT', 'cars/update', { id: made.id, fields: JSON.stringify(fields) }, 'alice')
    expect(updated.body.meta.method_name).toBe('updateCustomObject')
    const [after] = updated.body.response!.cars!
    expect(after).toMatchObject({ make: 'mini', year: 2012, mileage: 100, options: { leather: false }, score: 7, tags: ['a'] })
    expect(after).not.toHaveProperty('drivers')
    expect(after.options).not.toHaveProperty('sunroof')
    const retagged = await call('POST', 'cars/update', { id: made.id, tags: '' }, 'alice')
    expect(retagged.body.response!.cars![0]).not.toHaveProperty('tags')
  })

  it('moves updated_at to the time of the update in every later reply; created_at stays', async () => {
    const { cloud, call } = await cloudWith()
    cloud.clock.set('2026-01-02T03:04:05Z')
    const made = (await call('POST', 'cars/create', { fields: JSON.stringify(car) }, 'alice')).body.response!.cars![0]
    expect(made).toMatchObject({ created_at: '2026-01-02T03:04:05+0000', updated_at: '2026-01-02T03:04:05+0000' })
    // Rendered once before the update, as a cache of the wire form would keep it.
    expect((await call('GET', 'cars/show', { id: made.id })).body.response!.cars![0].updated_at).toBe('2026-01-02T03:04:05+0000')
    cloud.clock.advance('25h')
    const updated = (await call('PUT', 'cars/update', { id: made.id, fields: '{"mileage":1}' }, 'alice')).body.response!.cars![0]
    const moved = { created_at: '2026-01-02T03:04:05+0000', updated_at: '2026-01-03T04:04:05+0000' }
    expect(updated).toMatchObject(moved)
    expect((await call('GET', 'cars/show', { id: made.id })).body.response!.cars![0]).toMatchObject(moved)
    expect((await call('GET', 'cars/query')).body.response!.cars![0]).toMatchObject(moved)
  })

  it('refuses an unknown id, nothing to change, two $inc, a non-owner; admins may', async () => {
    const { call } = await cloudWith()
    const made = (await call('POST', 'cars/create', { fields: '{"n":1,"m":2}' }, 'alice')).body.response!.cars![0]
    expect(await call('PUT', 'cars/update', { id: made.id, fields: '{}' })).toMatchObject({
      status: 400,
      body: { meta: { message: 'Failed to authenticate user' } },
    })
    expect((await call('PUT', 'cars/update', { id: 'nope', fields: '{}' }, 'alice')).body.meta.message).toBe(
      'One or more invalid object id(s): ["nope"]',
    )
    expect((await call('PUT', 'trucks/update', { id: made.id, fields: '{}' }, 'alice')).body.meta.message).toBe(
      `One or more invalid object id(s): ["${made.id}"]`,
    )
    expect((await call('PUT', 'cars/update', { id: made.id }, 'alice')).body.meta.message).toBe('Required field: fields')
    expect((await call('PUT', 'cars/update', { id: made.id, fields: '{"n":{"$inc":1},"m":{"$inc":1}}' }, 'alice')).body.meta).toMatchObject({
      code: 400,
      message: '$inc operation only support to increase one field once.',
      method_name: 'updateCustomObject',
    })
    expect(await call('PUT', 'cars/update', { id: made.id, fields: '{"n":5}' }, 'bob')).toMatchObject({
      status: 403,
      body: { meta: { message: `You do not have permission to update object ${made.id}` } },
    })
    expect(await call('PUT', 'cars/update', { id: made.id, fields: '{"n":5}', su_id: ids.bob }, 'admin')).toMatchObject({ status: 403 })
    const byAdmin = await call('PUT', 'cars/update', { id: made.id, fields: '{"n":5}' }, 'admin')
    expect(byAdmin.body.response!.cars![0]).toMatchObject({ n: 5, m: 2, user: { id: ids.alice, email: 'alice@example.com' } })
    expect((await call('PUT', 'cars/update', { id: made.id, fields: '{"n":6}', su_id: ids.alice }, 'admin')).status).toBe(200)
  })
})

describe('objects/<classname>/delete', () => {
  it('lets the owner and admins delete; others and anonymous callers get 403; unknown ids a 400', async () => {
    const { call } = await cloudWith()
    const a = (await call('POST', 'cars/create', { fields: '{"n":1}' }, 'alice')).body.response!.cars![0]
    const b = (await call('POST', 'cars/create', { fields: '{"n":2}' }, 'alice')).body.response!.cars![0]
    expect(await call('DELETE', 'cars/delete', { id: a.id })).toMatchObject({
      status: 403,
      body: { meta: { message: `You do not have permission to delete object ${a.id}`, method_name: 'deleteObjects' } },
    })
    expect((await call('DELETE', 'cars/delete', { ids: `${a.id},${b.id}` }, 'bob')).status).toBe(403)
    expect((await call('DELETE', 'cars/delete', { ids: `${a.id},this_id_is_invalid` }, 'alice')).body.meta).toMatchObject({
      code: 400,
      message: "trying to remove, couldn't find object(s) with id(s): this_id_is_invalid",
    })
    expect((await call('GET', 'cars/count')).body.meta.count).toBe(2)
    expect(await call('DELETE', 'cars/delete', { id: '', ids: a.id }, 'alice')).toMatchObject({
      status: 200,
      body: { meta: { code: 200, status: 'ok', method_name: 'deleteObjects' } },
    })
    expect((await call('DELETE', 'cars/delete', { id: b.id }, 'admin')).status).toBe(200)
    expect((await call('GET', 'cars/count')).body.meta.count).toBe(0)
    expect((await call('DELETE', 'cars/delete', { id: a.id }, 'alice')).status).toBe(400)
  })
})

describe('admin calls: batch_delete, admin_drop_collection, batch_create', () => {
  it('batch_delete removes what where matches, all without it; admins only', async () => {
    const { call } = await cloudWith()
    for (const n of [1, 2, 3]) await call('POST', 'cars/create', { fields: JSON.stringify({ n }) }, 'alice')
    expect(await call('DELETE', 'cars/batch_delete', {}, 'alice')).toMatchObject({
      status: 403,
      body: { meta: { message: 'You are not authorized to perform this action.', method_name: 'batchDelete' } },
    })
    expect((await call('DELETE', 'cars/batch_delete')).body.meta.message).toBe('Failed to authenticate user')
    expect((await call('DELETE', 'cars/batch_delete', { where: '{"n":{"$gte":2}}' }, 'admin')).body.meta).toEqual({
      code: 200,
      status: 'ok',
      method_name: 'batchDelete',
    })
    expect((await call('GET', 'cars/query')).body.response!.cars!.map((o) => o.n)).toEqual([1])
    await call('DELETE', 'cars/batch_delete', {}, 'admin')
    expect((await call('GET', 'cars/count')).body.meta.count).toBe(0)
  })

  it('admin_drop_collection drops the class (non-admins get a 400), other classes stay', async () => {
    const { call, cloud } = await cloudWith()
    await call('POST', 'cars/create', { fields: '{}' }, 'alice')
    await call('POST', 'trucks/create', { fields: '{}' }, 'alice')
    expect(await call('DELETE', 'cars/admin_drop_collection', {}, 'alice')).toMatchObject({
      status: 400,
      body: { meta: { message: 'You are not authorized to perform this action.', method_name: 'dropCollection' } },
    })
    expect((await call('DELETE', 'cars/admin_drop_collection', {}, 'admin')).status).toBe(200)
    expect(Object.keys(cloud.dataSets.data('K').collections)).not.toContain('objects:cars')
    expect((await call('GET', 'cars/count')).body.meta.count).toBe(0)
    expect((await call('GET', 'trucks/count')).body.meta.count).toBe(1)
  })

  it('batch_create inserts up to 100, owners from user_id; a non-object element stops it with a 202', async () => {
    const { call } = await cloudWith()
    const fifty = Array.from({ length: 50 }, (_, n) => ({ n }))
    expect((await call('POST', 'cars/batch_create', { json_array: JSON.stringify(fifty) }, 'alice')).status).toBe(403)
    const done = await call('POST', 'cars/batch_create', { json_array: JSON.stringify(fifty) }, 'admin')
    expect(done).toMatchObject({ status: 200, body: { meta: { code: 200, status: 'ok', method_name: 'batchCreate', message: '{"n"=>50, "nInserted"=>50}' } } })
    expect(done.body).not.toHaveProperty('response')
    const partial = await call('POST', 'cars/batch_create', { json_array: JSON.stringify([{ user_id: ids.bob, tags: 't', k: 1 }, 7, { k: 2 }]) }, 'admin')
    expect(partial).toMatchObject({ status: 202, body: { meta: { code: 200, status: 'ok', message: '{"n"=>1, "nInserted"=>1}' } } })
    const [kept] = (await call('GET', 'cars/query', { where: '{"k":1}' })).body.response!.cars!
    expect(kept.user.id).toBe(ids.bob)
    expect(kept).not.toHaveProperty('tags')
    expect((await call('GET', 'cars/count')).body.meta.count).toBe(51)
    const tooMany = JSON.stringify(Array.from({ length: 101 }, () => ({})))
    expect((await call('POST', 'cars/batch_create', { json_array: tooMany }, 'admin')).body.meta.message).toBe('100 objects batch create limit exceeded')
    expect((await call('POST', 'cars/batch_create', { json_array: '{}' }, 'admin')).body.meta.message).toBe(
      'Invalid json_array parameter: must be a JSON array',
    )
    expect((await call('POST', 'cars/batch_create', {}, 'admin')).body.meta.message).toBe('Required field: json_array')
  })
})

describe('the objects part of a fixture', () => {
  const withCars: Fixture = {
    ...fixtureS,
    objects: {
      cars: [
        { owner: 'alice', id: '6a0000000000000000000001', make: 'mini', tags: 'red, small', bought: '2011-11-02 17:07:37 -0700' },
        { owner: 'bob', created_at: '2020-05-01T00:00:00Z', make: 'fiat' },
      ],
    },
  }

  it('seeds objects owned by usernames, fields at the top level', async () => {
    const { call } = await cloudWith(withCars)
    const cars = (await call('GET', 'cars/query', { order: 'make' })).body.response!.cars!
    expect(cars.map((o) => [o.make, o.user.username])).toEqual([['fiat', 'bob'], ['mini', 'alice']])
    expect(cars[0].created_at).toBe('2020-05-01T00:00:00+0000')
    expect(cars[1]).toMatchObject({ id: '6a0000000000000000000001', tags: ['red', 'small'], bought: '2011-11-03T00:07:37+0000' })
  })

  it('refuses an unknown owner, a reserved field and a bad class name, naming the entry', async () => {
    await expect(createMockCloud({ fixtures: { ...fixtureS, objects: { cars: [{ owner: 'zed' }] } } })).rejects.toThrow(
      'objects.cars[0].owner: no user "zed" in this fixture',
    )
    await expect(createMockCloud({ fixtures: { ...fixtureS, objects: { cars: [{ owner: 'alice', user_id: 'x' }] } } })).rejects.toThrow(
      'objects.cars[0].user_id: is reserved',
    )
    await expect(createMockCloud({ fixtures: { ...fixtureS, objects: { 'a.b': [] } } })).rejects.toThrow('objects.a.b')
  })
})

describe('classes in a data file', () => {
  it('are kept across a restart, each as collection objects:<classname>; a malformed stored object is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'custom-objects-'))
    const file = join(dir, 'data.json')
    try {
      const first = await createMockCloud({ fixtures: fixtureS, data: file })
      const login = await first.app.request('/v1/users/login.json?key=K', { method: 'POST', body: new URLSearchParams({ login: 'alice', password: 'pw-alice' }) })
      const session = ((await login.json()) as Body).meta.session_id as string
      const made = await first.app.request(`/v1/objects/cars/create.json?key=K&_session_id=${session}`, {
        method: 'POST',
        body: new URLSearchParams({ fields: '{"make":"mini","when":"2011-11-02 17:07:37 -0700"}' }),
      })
      expect(made.status).toBe(200)
      await first.close()
      const second = await createMockCloud({ fixtures: fixtureS, data: file })
      const query = (await (await second.app.request('/v1/objects/cars/query.json?key=K')).json()) as Body
      expect(query.response!.cars!.map((car) => [car.make, car.when])).toEqual([['mini', '2011-11-03T00:07:37+0000']])
      await second.close()

      const stored = JSON.parse(readFileSync(file, 'utf8'))
      const [record] = stored.apps.K.collections['objects:cars']
      record.user_id = 'nobody'
      writeFileSync(file, JSON.stringify(stored))
      await expect(createMockCloud({ fixtures: fixtureS, data: file })).rejects.toThrow('user_id is missing or malformed')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
