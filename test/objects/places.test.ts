import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { LIKES, REVIEWS, socialCollection, type SocialLink } from '../../src/engine/social.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/** Places through app.request(): one test per rule of docs/places.md. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string

const call = (verb: string, method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
  inProcessCall(cloud, verb, `places/${method}`, params, sessionId)

const HQ = { name: 'Appcelerator HQ', city: 'Mountain View', latitude: '37.389', longitude: '-122.050', tags: 'appcelerator, hq' }
const OAKLAND = { name: 'Oakland', city: 'Oakland', latitude: '37.8044', longitude: '-122.2708' }
const SAN_FRANCISCO = { name: 'San Francisco', city: 'San Francisco', latitude: '37.7749', longitude: '-122.4194' }

async function create(params: Record<string, unknown>, sessionId = alice) {
  const reply = await call('POST', 'create', params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok', method_name: 'createPlace' })
  return reply.body.response.places[0]
}

const names = (reply: { body: any }) => reply.body.response.places.map((place: { name: string }) => place.name)

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  ;[alice, bob, admin] = [await sessionOf(cloud, 'alice'), await sessionOf(cloud, 'bob'), await sessionOf(cloud, 'admin')]
})

describe('places/create', () => {
  it('answers the place with its fields, coordinates as numbers, tags as a list, the owner as user', async () => {
    const place = await create({ ...HQ, website: 'https://www.appcelerator.com', custom_fields: { rooms: 3 } })
    expect(place).toMatchObject({
      name: 'Appcelerator HQ',
      city: 'Mountain View',
      latitude: 37.389,
      longitude: -122.05,
      website: 'https://www.appcelerator.com',
      tags: ['appcelerator', 'hq'],
      custom_fields: { rooms: 3 },
      user: { id: ids.alice, username: 'alice' },
    })
    expect(place).not.toHaveProperty('user_id')
    expect(place).not.toHaveProperty('lnglat')
  })

  it.each([
    [{}, 'Place must have one the of [longitude, latitude] or address or city or state or country or postal_code, Name can\'t be blank'],
    [{ name: 'x' }, 'Place must have one the of [longitude, latitude] or address or city or state or country or postal_code'],
    [{ name: 'x', latitude: '1' }, 'Place must have one the of [longitude, latitude] or address or city or state or country or postal_code'],
    [{ state: 'California' }, "Name can't be blank"],
    [{ name: 'x', city: 'y', latitude: 'north' }, 'Latitude is not a number'],
  ])('refuses %j in the real service’s words', async (params, problems) => {
    expect(failure(await call('POST', 'create', params, alice))).toEqual({
      status: 400,
      message: `Failed to create place: Validation failed - ${problems}.`,
      method_name: 'createPlace',
    })
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
  })

  it('needs a session (400 Failed to authenticate user); su_id makes it as another user for an admin only', async () => {
    expect(failure(await call('POST', 'create', HQ))).toEqual({ status: 400, message: 'Failed to authenticate user', method_name: 'createPlace' })
    expect((await create({ ...HQ, su_id: ids.bob }, admin)).user.id).toBe(ids.bob)
    expect(failure(await call('POST', 'create', { ...HQ, su_id: ids.bob }, alice)).status).toBe(403)
  })
})

describe('places/show', () => {
  it('shows one place by place_id, and by the id in the path (places/show/<id>.json)', async () => {
    const place = await create(HQ)
    expect((await call('GET', 'show', { place_id: place.id })).body).toMatchObject({ meta: { method_name: 'showPlace' }, response: { places: [{ id: place.id }] } })
    expect((await call('GET', `show/${place.id}`)).body).toMatchObject({ meta: { method_name: 'showPlace' }, response: { places: [{ id: place.id }] } })
  })

  it.each([[{}], [{ place_id: 'invalid' }], [{ place_id: '5f00000000000000000000ff' }]])('answers %j with 400 Invalid place id', async (params) => {
    expect(failure(await call('GET', 'show', params))).toEqual({ status: 400, message: 'Invalid place id', method_name: 'showPlace' })
  })
})

describe('places/update', () => {
  it('changes only what is sent, on PUT and POST, and keeps the id', async () => {
    const place = await create(HQ)
    const put = await call('PUT', 'update', { place_id: place.id, name: 'HQ', twitter: 'appcelerator' }, alice)
    expect(put.body.meta.method_name).toBe('updatePlace')
    expect(put.body.response.places[0]).toMatchObject({ id: place.id, name: 'HQ', twitter: 'appcelerator', city: 'Mountain View', tags: ['appcelerator', 'hq'] })
    const post = await call('POST', 'update', { place_id: place.id, tags: '', custom_fields: { visits: { $inc: 2 } } }, alice)
    expect(post.body.response.places[0]).not.toHaveProperty('tags')
    expect(post.body.response.places[0].custom_fields).toEqual({ visits: 2 })
  })

  it('refuses another user (403), a bad id (400) and no session (400); an admin may', async () => {
    const place = await create(HQ)
    expect(failure(await call('PUT', 'update', { place_id: place.id, name: 'Mine' }, bob))).toEqual({
      status: 403,
      message: 'You are not authorized to perform this action.',
      method_name: 'updatePlace',
    })
    expect(failure(await call('PUT', 'update', { place_id: 'nope', name: 'x' }, alice)).message).toBe('Invalid place id')
    expect(failure(await call('PUT', 'update', { place_id: place.id, name: 'x' })).message).toBe('Failed to authenticate user')
    expect(failure(await call('PUT', 'update', { place_id: place.id, longitude: 'west' }, alice)).message).toBe(
      'Failed to update place: Validation failed - Longitude is not a number.',
    )
    expect((await call('PUT', 'update', { place_id: place.id, name: 'Admin’s' }, admin)).body.response.places[0].name).toBe('Admin’s')
  })

  it('user_id gives the place to another user, who may then write it', async () => {
    const place = await create(HQ)
    expect((await call('PUT', 'update', { place_id: place.id, user_id: ids.bob }, alice)).body.response.places[0].user.id).toBe(ids.bob)
    expect((await call('PUT', 'update', { place_id: place.id, name: 'Bob’s' }, bob)).body.meta.status).toBe('ok')
    expect(failure(await call('PUT', 'update', { place_id: place.id, user_id: '5f00000000000000000000ff' }, bob)).status).toBe(404)
  })
})

describe('places/delete and batch_delete', () => {
  it('delete answers meta only; the place is gone; others get 403', async () => {
    const place = await create(HQ)
    expect(failure(await call('DELETE', 'delete', { place_id: place.id }, bob)).status).toBe(403)
    expect((await call('DELETE', 'delete', { place_id: place.id }, alice)).body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deletePlace' } })
    expect(failure(await call('GET', 'show', { place_id: place.id })).message).toBe('Invalid place id')
  })

  it('batch_delete is for admins, and deletes what where matches', async () => {
    await create(HQ)
    await create(OAKLAND)
    expect(failure(await call('DELETE', 'batch_delete', {}, alice))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'batchDelete' })
    await call('DELETE', 'batch_delete', { where: { city: 'Oakland' } }, admin)
    expect(names(await call('GET', 'query'))).toEqual(['Appcelerator HQ'])
    expect((await call('GET', 'count')).body.meta).toMatchObject({ method_name: 'placesCount', count: 1 })
  })
})

describe('places/query', () => {
  it('finds places near a point with $nearSphere on lnglat (radians), and on coordinates, and in GeoJSON form (metres)', async () => {
    await create(HQ)
    await create(OAKLAND)
    await create(SAN_FRANCISCO)
    await create({ name: 'Nowhere', city: 'Unknown' })
    const nearOakland = { $nearSphere: [-122.27, 37.8], $maxDistance: 20 / 6371 }
    expect(names(await call('GET', 'query', { where: { lnglat: nearOakland } }))).toEqual(['Oakland', 'San Francisco'])
    expect(names(await call('GET', 'query', { where: { coordinates: nearOakland } }))).toEqual(['Oakland', 'San Francisco'])
    const geoJson = { $nearSphere: { $geometry: { type: 'Point', coordinates: [-122.27, 37.8] }, $maxDistance: 2000 } }
    expect(names(await call('GET', 'query', { where: { lnglat: geoJson } }))).toEqual(['Oakland'])
  })

  it('answers $nearSphere matches nearest first, paged after sorting; in an $and or a one-clause $or too; an order replaces it', async () => {
    await create(HQ)
    await create(OAKLAND)
    await create(SAN_FRANCISCO)
    const nearSf = { lnglat: { $nearSphere: [-122.4194, 37.7749] } }
    expect(names(await call('GET', 'query', { where: nearSf }))).toEqual(['San Francisco', 'Oakland', 'Appcelerator HQ'])
    expect(names(await call('GET', 'query', { where: nearSf, limit: 1, skip: 1 }))).toEqual(['Oakland'])
    expect(names(await call('GET', 'query', { where: { $and: [nearSf, { city: { $ne: 'Oakland' } }] } }))).toEqual(['San Francisco', 'Appcelerator HQ'])
    expect(names(await call('GET', 'query', { where: { $or: [nearSf] } }))).toEqual(['San Francisco', 'Oakland', 'Appcelerator HQ'])
    expect(names(await call('GET', 'query', { where: nearSf, order: 'name' }))).toEqual(['Appcelerator HQ', 'Oakland', 'San Francisco'])
  })

  it.each([
    [{ $or: [{ lnglat: { $nearSphere: [0, 0] } }, { city: 'Oakland' }] }, 'an $or of more than one clause'],
    [{ $nor: [{ lnglat: { $nearSphere: [0, 0] } }] }, '$nor'],
    [{ lnglat: { $not: { $nearSphere: [0, 0] } } }, '$not'],
    [{ lnglat: { $nearSphere: [0, 0] }, coordinates: { $nearSphere: [1, 1] } }, 'only one $nearSphere'],
  ])('refuses %j as MongoDB does (%s)', async (where, reason) => {
    const refused = failure(await call('GET', 'query', { where }))
    expect(refused).toMatchObject({ status: 400, method_name: 'queryPlaces' })
    expect(refused.message).toContain(reason)
  })

  it('reads the predefined fields: city with $in, tags_array, user_id', async () => {
    await create(HQ)
    await create(OAKLAND, bob)
    expect(names(await call('GET', 'query', { where: { city: { $in: ['Mountain View', 'Cupertino'] } } }))).toEqual(['Appcelerator HQ'])
    expect(names(await call('GET', 'query', { where: { tags_array: 'hq' } }))).toEqual(['Appcelerator HQ'])
    expect(names(await call('GET', 'query', { where: { user_id: ids.bob } }))).toEqual(['Oakland'])
  })
})

describe('places/search (deprecated)', () => {
  it('lists every place without parameters, with the search paging meta', async () => {
    await create(HQ)
    await create(OAKLAND)
    const reply = await call('GET', 'search')
    expect(names(reply)).toEqual(['Appcelerator HQ', 'Oakland'])
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'searchPlace', page: 1, per_page: 10, total_pages: 1, total_results: 2 })
  })

  it('q matches whole words of the name or tags', async () => {
    await create(HQ)
    await create({ ...OAKLAND, tags: 'port' })
    expect(names(await call('GET', 'search', { q: 'Appcelerator' }))).toEqual(['Appcelerator HQ'])
    expect(names(await call('GET', 'search', { q: 'port' }))).toEqual(['Oakland'])
    expect(names(await call('GET', 'search', { q: 'oak' }))).toEqual([])
  })

  it('around latitude/longitude: located places only, nearest first, each with its distance in km, within distance km', async () => {
    await create(HQ)
    await create(SAN_FRANCISCO)
    await create(OAKLAND)
    await create({ name: 'Nowhere', city: 'Unknown' })
    const reply = await call('GET', 'search', { latitude: '37.8044', longitude: '-122.2708' })
    expect(names(reply)).toEqual(['Oakland', 'San Francisco', 'Appcelerator HQ'])
    const [oakland, sf, hq] = reply.body.response.places
    expect(oakland.distance).toBe(0)
    expect(sf.distance).toBeCloseTo(13.4, 0)
    expect(hq.distance).toBeGreaterThan(sf.distance)
    expect(names(await call('GET', 'search', { latitude: '37.8044', longitude: '-122.2708', distance: '20' }))).toEqual(['Oakland', 'San Francisco'])
    expect(failure(await call('GET', 'search', { latitude: 'north', longitude: '1' })).message).toBe('Invalid latitude parameter: must be a number')
  })

  it('pages with page and per_page', async () => {
    for (const n of [1, 2, 3]) await create({ name: `p${n}`, city: 'c' })
    const reply = await call('GET', 'search', { page: '2', per_page: '2' })
    expect(names(reply)).toEqual(['p3'])
    expect(reply.body.meta).toMatchObject({ page: 2, per_page: 2, total_pages: 2, total_results: 3 })
  })

  it('answers 410 with searchPlace under legacySearch false', async () => {
    await cloud.setSettings('K', { legacySearch: false })
    expect(failure(await call('GET', 'search'))).toEqual({ status: 410, message: 'search.json has been deprecated. Please use $text query', method_name: 'searchPlace' })
  })
})

describe('reviews and likes counters', () => {
  it('a place carries likes_count, reviews_count and ratings_* once liked or reviewed, current_user_liked with show_user_like', async () => {
    const place = await create(HQ)
    const link = (n: number, user_id: string, rating?: number): SocialLink => ({
      id: `5f00000000000000000a000${n}`,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      user_id,
      target_type: 'Place',
      target_id: place.id,
      ...(rating !== undefined && { rating }),
    })
    expect(place).not.toHaveProperty('likes_count')
    const dataSet = cloud.dataSets.dataSet('K')
    socialCollection<SocialLink>(dataSet, LIKES).insert(link(1, ids.bob))
    socialCollection<SocialLink>(dataSet, REVIEWS).insert(link(2, ids.bob, 4))
    const shown = (await call('GET', 'show', { place_id: place.id, show_user_like: 'true' }, bob)).body.response.places[0]
    expect(shown).toMatchObject({ likes_count: 1, reviews_count: 1, ratings_count: 1, ratings_average: 4, current_user_liked: true })
    expect((await call('GET', 'query', {})).body.response.places[0].likes_count).toBe(1)
  })

  it('places/query reads reviews_count, ratings_average and likes_count in where and order', async () => {
    const hq = await create(HQ)
    const oakland = await create(OAKLAND)
    await create(SAN_FRANCISCO)
    const review = async (place_id: string, rating: string, sessionId: string) =>
      expect((await inProcessCall(cloud, 'POST', 'reviews/create', { place_id, rating }, sessionId)).body.meta.status).toBe('ok')
    await review(hq.id, '2', alice)
    await review(hq.id, '4', bob)
    await review(oakland.id, '5', alice)
    expect((await inProcessCall(cloud, 'POST', 'likes/create', { place_id: oakland.id }, bob)).body.meta.status).toBe('ok')
    expect(names(await call('GET', 'query', { where: JSON.stringify({ reviews_count: { $gt: 1 } }) }))).toEqual(['Appcelerator HQ'])
    expect(names(await call('GET', 'query', { where: JSON.stringify({ likes_count: 1 }) }))).toEqual(['Oakland'])
    expect(names(await call('GET', 'query', { where: JSON.stringify({ ratings_average: { $exists: true } }), order: '-ratings_average' }))).toEqual(['Oakland', 'Appcelerator HQ'])
  })
})
