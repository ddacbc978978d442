import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/** Checkins through app.request(): one test per rule of docs/checkins.md. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string
let place: Record<string, any>
let event: Record<string, any>

const call = (verb: string, method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
  inProcessCall(cloud, verb, `checkins/${method}`, params, sessionId)

async function create(params: Record<string, unknown>, sessionId = alice) {
  const reply = await call('POST', 'create', params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok', method_name: 'createCheckin' })
  return reply.body.response.checkins[0]
}

const messages = (reply: { body: any }) => reply.body.response.checkins.map((checkin: { message: string }) => checkin.message)

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  ;[alice, bob, admin] = [await sessionOf(cloud, 'alice'), await sessionOf(cloud, 'bob'), await sessionOf(cloud, 'admin')]
  place = (await inProcessCall(cloud, 'POST', 'places/create', { name: 'Appcelerator HQ', city: 'Mountain View' }, alice)).body.response.places[0]
  event = (await inProcessCall(cloud, 'POST', 'events/create', { name: 'Launch', start_time: '2030-01-01T10:00:00Z' }, bob)).body.response.events[0]
})

describe('checkins/create', () => {
  it('checks in to a place: message, tags as a list, custom_fields, the owner, the place embedded and its id', async () => {
    const checkin = await create({ place_id: place.id, message: 'I am here', tags: 'HQ, work', custom_fields: { project: 'ACS' } })
    expect(checkin).toMatchObject({
      message: 'I am here',
      tags: ['HQ', 'work'],
      custom_fields: { project: 'ACS' },
      user: { id: ids.alice },
      place: { id: place.id, name: 'Appcelerator HQ', city: 'Mountain View' },
      place_id: place.id,
    })
    expect(checkin).not.toHaveProperty('event')
    expect(checkin).not.toHaveProperty('user_id')
  })

  it('checks in to an event, embedded; with both, the place wins', async () => {
    expect(await create({ event_id: event.id })).toMatchObject({ event_id: event.id, event: { id: event.id, name: 'Launch', num_occurences: 1 } })
    const both = await create({ place_id: place.id, event_id: event.id })
    expect(both.place_id).toBe(place.id)
    expect(both).not.toHaveProperty('event_id')
  })

  it.each([
    [{ message: 'x' }, 'Failed to create checkin: Validation failed - Place or event is required.'],
    [{ place_id: '5f00000000000000000000ff' }, 'Invalid place id'],
    [{ place_id: 'bad' }, 'Invalid place id'],
    [{ event_id: '5f00000000000000000000ff' }, 'Invalid event id'],
  ])('refuses %j with 400 %s, and stores nothing', async (params, message) => {
    expect(failure(await call('POST', 'create', params, alice))).toEqual({ status: 400, message, method_name: 'createCheckin' })
    expect((await call('GET', 'count')).body.meta).toMatchObject({ method_name: 'checkinsCount', count: 0 })
  })

  it('needs a session (400 Failed to authenticate user)', async () => {
    expect(failure(await call('POST', 'create', { place_id: place.id }))).toEqual({ status: 400, message: 'Failed to authenticate user', method_name: 'createCheckin' })
  })
})

describe('checkins/show, update, delete', () => {
  it('show answers the checkin (showCheckins); a missing or bad checkin_id is 400 Invalid checkin id', async () => {
    const checkin = await create({ place_id: place.id, message: 'hi' })
    expect((await call('GET', 'show', { checkin_id: checkin.id })).body).toMatchObject({ meta: { method_name: 'showCheckins' }, response: { checkins: [{ id: checkin.id }] } })
    for (const params of [{}, { checkin_id: 'nope' }, { checkin_id: '5f00000000000000000000ff' }]) {
      expect(failure(await call('GET', 'show', params))).toEqual({ status: 400, message: 'Invalid checkin id', method_name: 'showCheckins' })
    }
  })

  it('update by POST (the arrowdb SDK) and PUT changes the message; a new event replaces the place', async () => {
    const checkin = await create({ place_id: place.id, message: 'old' })
    expect((await call('POST', 'update', { checkin_id: checkin.id, message: 'new' }, alice)).body.response.checkins[0]).toMatchObject({ message: 'new', place_id: place.id })
    const moved = (await call('PUT', 'update', { checkin_id: checkin.id, event_id: event.id }, alice)).body.response.checkins[0]
    expect(moved).toMatchObject({ message: 'new', event_id: event.id })
    expect(moved).not.toHaveProperty('place_id')
    expect(messages(await call('GET', 'query', { where: { message: 'old' } }))).toEqual([])
    expect(messages(await call('GET', 'query', { where: { message: 'new' } }))).toEqual(['new'])
  })

  it('update by another user is 403 Current user cannot update this checkin; an admin may', async () => {
    const checkin = await create({ place_id: place.id, message: 'mine' })
    expect(failure(await call('PUT', 'update', { checkin_id: checkin.id, message: 'theirs' }, bob))).toEqual({
      status: 403,
      message: 'Current user cannot update this checkin',
      method_name: 'updateCheckin',
    })
    expect((await call('PUT', 'update', { checkin_id: checkin.id, message: 'admin' }, admin)).body.response.checkins[0].message).toBe('admin')
  })

  it('delete without a session, or of another user’s checkin, is 403 Current user cannot delete this checkin; the owner’s answers meta only', async () => {
    const checkin = await create({ place_id: place.id })
    const refused = { status: 403, message: 'Current user cannot delete this checkin', method_name: 'deleteCheckin' }
    expect(failure(await call('DELETE', 'delete', { checkin_id: checkin.id }))).toEqual(refused)
    expect(failure(await call('DELETE', 'delete', { checkin_id: checkin.id }, bob))).toEqual(refused)
    expect(failure(await call('DELETE', 'delete', {}, alice))).toEqual({ status: 400, message: 'Invalid checkin id', method_name: 'deleteCheckin' })
    expect((await call('DELETE', 'delete', { checkin_id: checkin.id }, alice)).body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteCheckin' } })
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
    expect((await inProcessCall(cloud, 'GET', 'places/count')).body.meta.count).toBe(1)
  })

  it('a deleted place leaves the checkin with its place_id and no place', async () => {
    const checkin = await create({ place_id: place.id })
    await inProcessCall(cloud, 'DELETE', 'places/delete', { place_id: place.id }, alice)
    const shown = (await call('GET', 'show', { checkin_id: checkin.id })).body.response.checkins[0]
    expect(shown.place_id).toBe(place.id)
    expect(shown).not.toHaveProperty('place')
  })
})

describe('checkins/query, count, batch_delete', () => {
  it('query reads place_id, event_id, user_id and tags_array, and orders', async () => {
    await create({ place_id: place.id, message: 'a', tags: 'x' })
    await create({ event_id: event.id, message: 'b' }, bob)
    expect(messages(await call('GET', 'query', { where: { place_id: place.id } }))).toEqual(['a'])
    expect(messages(await call('GET', 'query', { where: { event_id: event.id } }))).toEqual(['b'])
    expect(messages(await call('GET', 'query', { where: { user_id: ids.bob } }))).toEqual(['b'])
    expect(messages(await call('GET', 'query', { where: { tags_array: 'x' } }))).toEqual(['a'])
    expect(messages(await call('GET', 'query', { order: '-updated_at,-message' }))).toEqual(['b', 'a'])
  })

  it('batch_delete is for admins (403 otherwise) and keeps the places', async () => {
    await create({ place_id: place.id })
    expect(failure(await call('DELETE', 'batch_delete', {}, alice))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'batchDelete' })
    await call('DELETE', 'batch_delete', {}, admin)
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
    expect((await inProcessCall(cloud, 'GET', 'places/count')).body.meta.count).toBe(1)
  })

  it('a place and an event reviewed and liked show their counters (reviews by place_id and event_id)', async () => {
    await inProcessCall(cloud, 'POST', 'reviews/create', { place_id: place.id, rating: '4', content: 'nice' }, bob)
    await inProcessCall(cloud, 'POST', 'reviews/create', { event_id: event.id, rating: '5', content: 'fun' }, alice)
    expect((await inProcessCall(cloud, 'GET', 'places/show', { place_id: place.id })).body.response.places[0]).toMatchObject({ reviews_count: 1, ratings_average: 4 })
    expect((await inProcessCall(cloud, 'GET', 'events/show', { event_id: event.id })).body.response.events[0]).toMatchObject({ reviews_count: 1, ratings_average: 5 })
    const checkin = await create({ place_id: place.id })
    await inProcessCall(cloud, 'POST', 'reviews/create', { checkin_id: checkin.id, rating: '3', content: 'ok' }, bob)
    expect((await call('GET', 'show', { checkin_id: checkin.id })).body.response.checkins[0].reviews_count).toBe(1)
  })
})
