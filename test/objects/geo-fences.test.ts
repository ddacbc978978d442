import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { failure } from '../support/in-process-call.js'
import { sessionOf } from '../support/in-process-login.js'

/** GeoFences through app.request(): one test per rule of docs/geo-fences.md. */

let cloud: MockCloud
let admin: string

const session = (username: string): Promise<string> => sessionOf(cloud, username)

async function call(verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) {
  const all = new URLSearchParams({ key: 'K', ...params, ...(sessionId && { _session_id: sessionId }) })
  const inQuery = verb === 'GET' || verb === 'DELETE'
  const reply = await cloud.app.request(`/v1/geo_fences/${method}.json?${inQuery ? all : 'key=K'}`, { method: verb, ...(!inQuery && { body: all }) })
  return { status: reply.status, body: (await reply.json()) as any }
}

const fence = (value: unknown) => ({ geo_fence: JSON.stringify(value) })
const OAKLAND = [-122.2708, 37.8044]
const SAN_FRANCISCO = [-122.4194, 37.7749]

async function create(value: unknown) {
  const reply = await call('POST', 'create', fence(value), admin)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok' })
  return reply.body.response.geo_fences[0]
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  admin = await session('admin')
})

describe('geo_fences/create', () => {
  it('keeps loc and payload as sent, times as dates, and the creating admin as user', async () => {
    const reply = await call('POST', 'create', fence({ loc: { coordinates: OAKLAND, radius: '10/3959' }, payload: { name: 'Oakland' }, start_time: '2014-12-25T00:00' }), admin)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createGeoFence' })
    expect(reply.body.response.geo_fences).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        loc: { coordinates: OAKLAND, radius: '10/3959' },
        payload: { name: 'Oakland' },
        start_time: '2014-12-25T00:00:00+0000',
        created_at: expect.stringMatching(/\+0000$/),
        updated_at: expect.stringMatching(/\+0000$/),
        user: expect.objectContaining({ id: ids.admin, username: 'admin' }),
      },
    ])
  })

  it.each([
    [{}, 'Required field: geo_fence'],
    [{ geo_fence: 'not json' }, 'Invalid geo_fence parameter'],
    [{ geo_fence: '[1]' }, 'Invalid geo_fence parameter'],
    [fence({ payload: 'x' }), 'Failed to create geo_fence: loc.radius is required'],
    [fence({ loc: { coordinates: OAKLAND, radius: 'wide' }, payload: 'x' }), 'Failed to create geo_fence: loc.radius is required'],
    [fence({ loc: { coordinates: OAKLAND, radius: 1 } }), 'Failed to create geo_fence: payload is required'],
    [fence({ loc: { radius: 1 }, payload: 'x', start_time: 'Christmas' }), 'Invalid start_time'],
    [fence({ loc: { radius: 1 }, payload: 'x', start_time: '2014-12-25T00:00', end_time: '2014-12-24T00:00Z' }), 'Invalid end_time'],
  ])('refuses %j: %s', async (params, message) => {
    expect(failure(await call('POST', 'create', params, admin))).toEqual({ status: 400, message, method_name: 'createGeoFence' })
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
  })

  it('refuses everyone but an admin with 403, session or not', async () => {
    const value = fence({ loc: { radius: 1 }, payload: 'x' })
    for (const sessionId of [undefined, await session('alice')]) {
      expect(failure(await call('POST', 'create', value, sessionId))).toEqual({
        status: 403,
        message: 'You are not authorized to perform this action.',
        method_name: 'createGeoFence',
      })
    }
  })
})

describe('geo_fences/update and delete', () => {
  it('update replaces the keys sent (loc whole), by PUT or POST; a null time is removed', async () => {
    const made = await create({ loc: { coordinate: [0, 0], radius: '1000/200000' }, payload: 'created', end_time: '2030-01-01T00:00Z' })
    const put = await call('PUT', 'update', { id: made.id, ...fence({ loc: { coordinates: OAKLAND, radius: '2/6371' } }) }, admin)
    expect(put.body.meta.method_name).toBe('updateGeoFence')
    expect(put.body.response.geo_fences[0]).toMatchObject({ id: made.id, loc: { coordinates: OAKLAND, radius: '2/6371' }, payload: 'created', end_time: '2030-01-01T00:00:00+0000' })
    const post = await call('POST', 'update', { id: made.id, ...fence({ payload: 'updated', end_time: null }) }, admin)
    expect(post.body.response.geo_fences[0]).toMatchObject({ loc: { coordinates: OAKLAND, radius: '2/6371' }, payload: 'updated' })
    expect(post.body.response.geo_fences[0]).not.toHaveProperty('end_time')
    expect((await call('GET', 'query')).body.response.geo_fences[0].payload).toBe('updated')
  })

  it('delete answers destroyGeoFence and the fence is gone; a missing or unknown id is refused', async () => {
    const made = await create({ loc: { radius: 1 }, payload: 1 })
    expect((await call('DELETE', 'delete', { id: made.id }, admin)).body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'destroyGeoFence' } })
    expect(failure(await call('DELETE', 'delete', { id: made.id }, admin))).toEqual({ status: 400, message: `Invalid object id: '${made.id}'`, method_name: 'destroyGeoFence' })
    expect(failure(await call('PUT', 'update', {}, admin)).message).toBe('Required field: id')
  })
})

describe('geo_fences/query and count', () => {
  it('needs no login; $nearSphere on loc takes the GeoJSON form in metres and the legacy form in radians', async () => {
    const oakland = await create({ loc: { coordinates: OAKLAND, radius: '2/6371' }, payload: 'oak' })
    await create({ loc: { coordinates: SAN_FRANCISCO, radius: '2/6371' }, payload: 'sf' })
    await create({ loc: { place_id: 'somewhere', radius: 1 }, payload: 'no centre' })
    const near = (where: unknown) => call('GET', 'query', { where: JSON.stringify(where) })
    const geoJson = await near({ loc: { $nearSphere: { $geometry: { type: 'Point', coordinates: [-122.27, 37.8] }, $maxDistance: 2000 } } })
    expect(geoJson.body.meta.method_name).toBe('queryGeoFences')
    expect(geoJson.body.response.geo_fences.map((f: { id: string }) => f.id)).toEqual([oakland.id])
    const legacy = await near({ loc: { $nearSphere: [-122.27, 37.8], $maxDistance: 20 / 6371 } })
    expect(legacy.body.response.geo_fences.map((f: { payload: string }) => f.payload)).toEqual(['oak', 'sf'])
    expect((await call('GET', 'count')).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'geo_fencesCount', count: 3 })
  })

  it('answers $nearSphere matches nearest first unless an order is sent', async () => {
    await create({ loc: { coordinates: OAKLAND, radius: '2/6371' }, payload: 'oak' })
    await create({ loc: { coordinates: SAN_FRANCISCO, radius: '2/6371' }, payload: 'sf' })
    const nearSf = JSON.stringify({ loc: { $nearSphere: [-122.4194, 37.7749] } })
    const payloads = (reply: { body: any }) => reply.body.response.geo_fences.map((f: { payload: string }) => f.payload)
    expect(payloads(await call('GET', 'query', { where: nearSf }))).toEqual(['sf', 'oak'])
    expect(payloads(await call('GET', 'query', { where: nearSf, order: 'created_at' }))).toEqual(['oak', 'sf'])
  })

  it('queries the times as dates', async () => {
    await create({ loc: { radius: 1 }, payload: 'old', end_time: '2015-01-01T00:00Z' })
    await create({ loc: { radius: 1 }, payload: 'new', end_time: '2035-01-01T00:00+02:00' })
    const active = await call('GET', 'query', { where: JSON.stringify({ end_time: { $gt: '2020-01-01T00:00:00Z' } }) })
    expect(active.body.response.geo_fences.map((f: { payload: string; end_time: string }) => [f.payload, f.end_time])).toEqual([['new', '2034-12-31T22:00:00+0000']])
  })
})
