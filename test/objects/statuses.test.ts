import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/** Statuses through app.request(): one test per rule of docs/statuses.md. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string

const call = (verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) =>
  inProcessCall(cloud, verb, `statuses/${method}`, params, sessionId)

async function create(params: Record<string, string>, sessionId = alice): Promise<any> {
  const reply = await call('POST', 'create', params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok' })
  return reply.body.response.statuses[0]
}

const place = async (): Promise<any> =>
  (await inProcessCall(cloud, 'POST', 'places/create', { name: 'Appcelerator HQ', city: 'Mountain View' }, alice)).body.response.places[0]

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  alice = await sessionOf(cloud, 'alice')
  bob = await sessionOf(cloud, 'bob')
  admin = await sessionOf(cloud, 'admin')
})

describe('statuses/create', () => {
  it('answers the status: message, the place it is tied to (id and embedded), tags, the owner', async () => {
    const hq = await place()
    const reply = await call('POST', 'create', { message: 'What a great view!', place_id: hq.id, tags: 'view' }, alice)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createStatus' })
    expect(reply.body.response.statuses).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        message: 'What a great view!',
        created_at: expect.stringMatching(/\+0000$/),
        updated_at: expect.stringMatching(/\+0000$/),
        place_id: hq.id,
        place: expect.objectContaining({ id: hq.id, name: 'Appcelerator HQ' }),
        tags: ['view'],
        user: expect.objectContaining({ id: ids.alice }),
      },
    ])
  })

  it('photo uploads a Photos object the status embeds (as the REST guide sends it); photo_id= removes it', async () => {
    const form = new FormData()
    form.append('message', 'look')
    form.append('photo', new Blob([new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])]), 'photo.gif')
    form.append('_session_id', alice)
    const made = ((await (await cloud.app.request('/v1/statuses/create.json?key=K', { method: 'POST', body: form })).json()) as any).response.statuses[0]
    expect(made.photo).toMatchObject({ id: made.photo_id, content_type: 'image/gif' })
    const removed = (await call('PUT', 'update', { status_id: made.id, photo_id: '' }, alice)).body.response.statuses[0]
    expect(removed).not.toHaveProperty('photo_id')
    expect(failure(await inProcessCall(cloud, 'GET', 'photos/show', { photo_id: made.photo_id }))).toMatchObject({ message: 'Invalid photo id' })
  })

  it.each<[string, Record<string, string>, string]>([
    ['no message', {}, "Failed to create status: Validation failed - Message can't be blank."],
    ['an unknown place', { message: 'x', place_id: '5f00000000000000000000aa' }, 'Invalid place id'],
    ['an unknown event', { message: 'x', event_id: 'nope' }, 'Invalid event id'],
  ])('%s: 400 %s', async (_, params, message) => {
    expect(failure(await call('POST', 'create', params, alice))).toEqual({ status: 400, message, method_name: 'createStatus' })
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
  })

  it('a place and an event at once: 400, on create and on update', async () => {
    const hq = await place()
    const event = (await inProcessCall(cloud, 'POST', 'events/create', { name: 'Launch', start_time: '2030-01-01T10:00:00Z' }, alice)).body.response.events[0]
    const both = "Validation failed - Status can be associated with either a place or an event."
    expect(failure(await call('POST', 'create', { message: 'x', place_id: hq.id, event_id: event.id }, alice))).toMatchObject({ message: `Failed to create status: ${both}` })
    const made = await create({ message: 'x', event_id: event.id })
    expect(made).toMatchObject({ event_id: event.id, event: expect.objectContaining({ id: event.id }) })
    expect(failure(await call('PUT', 'update', { status_id: made.id, place_id: hq.id }, alice))).toMatchObject({ message: `Failed to update status: ${both}` })
    const moved = await call('PUT', 'update', { status_id: made.id, place_id: hq.id, event_id: '' }, alice)
    expect(moved.body.response.statuses[0]).toMatchObject({ place_id: hq.id })
    expect(moved.body.response.statuses[0]).not.toHaveProperty('event_id')
  })
})

describe('statuses/show, update, delete', () => {
  it('show, update and delete answer Invalid status id for a missing, malformed or unknown id', async () => {
    for (const [verb, method, name] of [['GET', 'show', 'showStatus'], ['PUT', 'update', 'updateStatus'], ['DELETE', 'delete', 'deleteStatus']] as const) {
      for (const params of [{}, { status_id: 'nope' }, { status_id: '5f00000000000000000000aa' }] as Record<string, string>[]) {
        expect(failure(await call(verb, method, params, alice))).toEqual({ status: 400, message: 'Invalid status id', method_name: name })
      }
    }
  })

  it('update changes what is sent and keeps the rest (PUT and POST); another user gets 403', async () => {
    const made = await create({ message: 'old', tags: 'a' })
    const updated = await call('PUT', 'update', { status_id: made.id, message: 'new' }, alice)
    expect(updated.body.response.statuses[0]).toMatchObject({ id: made.id, message: 'new', tags: ['a'] })
    expect((await call('POST', 'update', { status_id: made.id, tags: '' }, alice)).body.response.statuses[0]).not.toHaveProperty('tags')
    expect(failure(await call('PUT', 'update', { status_id: made.id, message: '' }, alice))).toMatchObject({
      message: "Failed to update status: Validation failed - Message can't be blank.",
    })
    expect(failure(await call('PUT', 'update', { status_id: made.id, message: 'mine' }, bob))).toEqual({
      status: 403,
      message: 'You are not authorized to perform this action.',
      method_name: 'updateStatus',
    })
  })

  it('delete: meta only; batch_delete is for admins', async () => {
    const made = await create({ message: 'x' })
    expect((await call('DELETE', 'delete', { status_id: made.id }, alice)).body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteStatus' } })
    await create({ message: 'y' })
    expect(failure(await call('DELETE', 'batch_delete', {}, alice))).toMatchObject({ status: 403, method_name: 'batchDelete' })
    await call('DELETE', 'batch_delete', {}, admin)
    expect((await call('GET', 'count')).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'statusesCount', count: 0 })
  })
})

describe('statuses/query and search', () => {
  it('query reads user_id, message and created_at as a date, newest first with -created_at', async () => {
    const first = await create({ message: 'one' })
    cloud.clock.advance('1s')
    const second = await create({ message: 'two' })
    await create({ message: 'bob’s' }, bob)
    const where = JSON.stringify({ user_id: ids.alice, created_at: { $gt: '2000-01-01T00:00:00.000Z' } })
    const reply = await call('GET', 'query', { where, order: '-created_at' })
    expect(reply.body.meta.method_name).toBe('queryStatuses')
    expect(reply.body.response.statuses.map((status: any) => status.id)).toEqual([second.id, first.id])
  })

  it('search (deprecated) lists a user’s statuses since start_time, q on the message, with the search meta', async () => {
    await create({ message: 'great view' })
    await create({ message: 'lunch' })
    await create({ message: 'great day' }, bob)
    const reply = await call('GET', 'search', { user_id: ids.alice, start_time: '"2000-01-01T00:00:00.000Z"' })
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'searchStatuses', page: 1, per_page: 10, total_pages: 1, total_results: 2 })
    expect((await call('GET', 'search', { q: 'great' })).body.response.statuses.map((s: any) => s.message)).toEqual(['great view', 'great day'])
    expect((await call('GET', 'search', { user_id: ids.alice, start_time: '2999-01-01' })).body.response.statuses).toEqual([])
    expect(failure(await call('GET', 'search', { start_time: 'soon' }))).toMatchObject({ status: 400, method_name: 'searchStatuses' })
  })

  it('search answers 410 when the legacySearch app setting is false', async () => {
    await cloud.setSettings('K', { legacySearch: false })
    expect(failure(await call('GET', 'search', {}))).toEqual({
      status: 410,
      message: 'search.json has been deprecated. Please use $text query',
      method_name: 'searchStatuses',
    })
  })

  it('a status takes reviews and likes by status_id', async () => {
    const made = await create({ message: 'x' })
    await inProcessCall(cloud, 'POST', 'likes/create', { status_id: made.id }, bob)
    await inProcessCall(cloud, 'POST', 'reviews/create', { status_id: made.id, rating: '4' }, bob)
    expect((await call('GET', 'show', { status_id: made.id })).body.response.statuses[0]).toMatchObject({ likes_count: 1, reviews_count: 1, ratings_average: 4 })
  })
})
