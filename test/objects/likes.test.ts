import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/** Likes through app.request(): one test per rule of docs/likes.md, and the liked objects' likes_count. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string
let post: any

const call = (verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) =>
  inProcessCall(cloud, verb, `likes/${method}`, params, sessionId)

async function like(params: Record<string, string>, sessionId = alice): Promise<any> {
  const reply = await call('POST', 'create', params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok' })
  return reply.body.response.likes[0]
}

const shownPost = async (params: Record<string, string> = {}, sessionId?: string): Promise<any> =>
  (await inProcessCall(cloud, 'GET', 'posts/show', { post_id: post.id, ...params }, sessionId)).body.response.posts[0]

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  alice = await sessionOf(cloud, 'alice')
  bob = await sessionOf(cloud, 'bob')
  admin = await sessionOf(cloud, 'admin')
  post = (await inProcessCall(cloud, 'POST', 'posts/create', { content: 'Hawaii' }, bob)).body.response.posts[0]
})

describe('likes/create', () => {
  it('answers the like (type, id, who liked); the post then shows likes_count and, with show_user_like, current_user_liked', async () => {
    const reply = await call('POST', 'create', { post_id: post.id.toUpperCase() }, alice)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createLike' })
    expect(reply.body.response.likes).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        likeable_type: 'Post',
        likeable_id: post.id,
        created_at: expect.stringMatching(/\+0000$/),
        updated_at: expect.stringMatching(/\+0000$/),
        user: expect.objectContaining({ id: ids.alice }),
      },
    ])
    expect((await shownPost()).likes_count).toBe(1)
    expect((await shownPost({ show_user_like: 'true' }, alice)).current_user_liked).toBe(true)
    expect(await shownPost({ show_user_like: 'true' }, bob)).not.toHaveProperty('current_user_liked')
  })

  it('a user, a custom object and a review are liked by user_id, custom_object_id and review_id', async () => {
    await like({ user_id: ids.bob })
    const car = (await inProcessCall(cloud, 'POST', 'objects/cars/create', { fields: '{"make":"VW"}' }, bob)).body.response.cars[0]
    expect((await like({ custom_object_id: car.id })).likeable_type).toBe('CustomObject')
    const review = (await inProcessCall(cloud, 'POST', 'reviews/create', { post_id: post.id, content: 'Nice' }, bob)).body.response.reviews[0]
    await like({ review_id: review.id })
    expect((await inProcessCall(cloud, 'GET', 'users/show', { user_id: ids.bob })).body.response.users[0].likes_count).toBe(1)
    expect((await inProcessCall(cloud, 'GET', 'objects/cars/show', { id: car.id })).body.response.cars[0].likes_count).toBe(1)
    expect((await inProcessCall(cloud, 'GET', 'reviews/show', { review_id: review.id })).body.response.reviews[0].likes_count).toBe(1)
  })

  it.each<[string, Record<string, string>, string]>([
    ['no object', {}, 'Invalid like type'],
    ['two objects', { post_id: '5f00000000000000000000aa', user_id: ids.bob }, 'Invalid like type'],
    ['an unknown custom object', { custom_object_id: '5f00000000000000000000aa' }, 'custom_object not found'],
    ['a malformed post id', { post_id: 'nope' }, 'post not found'],
  ])('%s: 400 %s', async (_, params, message) => {
    expect(failure(await call('POST', 'create', params, alice))).toEqual({ status: 400, message, method_name: 'createLike' })
  })

  it('a user likes an object once', async () => {
    await like({ post_id: post.id })
    expect(failure(await call('POST', 'create', { post_id: post.id }, alice))).toEqual({
      status: 400,
      message: 'Failed to create like: Validation failed - User has already liked this object.',
      method_name: 'createLike',
    })
    await like({ post_id: post.id }, bob)
    expect((await shownPost()).likes_count).toBe(2)
  })

  it('without a session: 400 Failed to authenticate user', async () => {
    expect(failure(await call('POST', 'create', { post_id: post.id }))).toMatchObject({ status: 400, message: 'Failed to authenticate user' })
  })
})

describe('the objects of Places, Events and Checkins', () => {
  it('are liked and reviewed by place_id, event_id and checkin_id, and show their counters', async () => {
    const place = (await inProcessCall(cloud, 'POST', 'places/create', { name: 'HQ', city: 'Mountain View' }, bob)).body.response.places[0]
    const event = (await inProcessCall(cloud, 'POST', 'events/create', { name: 'Launch', start_time: '2030-01-01T10:00:00Z' }, bob)).body.response.events[0]
    const checkin = (await inProcessCall(cloud, 'POST', 'checkins/create', { place_id: place.id }, bob)).body.response.checkins[0]
    for (const [type, param, id, path, key] of [
      ['Place', 'place_id', place.id, 'places/show', 'places'],
      ['Event', 'event_id', event.id, 'events/show', 'events'],
      ['Checkin', 'checkin_id', checkin.id, 'checkins/show', 'checkins'],
    ] as const) {
      expect((await like({ [param]: id })).likeable_type).toBe(type)
      const review = await inProcessCall(cloud, 'POST', 'reviews/create', { [param]: id, rating: '3' }, alice)
      expect(review.body.response.reviews[0]).toMatchObject({ reviewed_object: { type, id }, [param]: id })
      const shown = (await inProcessCall(cloud, 'GET', path, { [param]: id })).body.response[key][0]
      expect(shown, type).toMatchObject({ likes_count: 1, reviews_count: 1, ratings_average: 3 })
    }
  })
})

describe('likes/delete', () => {
  it('takes back the caller’s like, meta only; likes_count follows and is gone with the last like', async () => {
    await like({ post_id: post.id })
    await like({ post_id: post.id }, bob)
    expect((await call('DELETE', 'delete', { post_id: post.id }, alice)).body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteLike' } })
    expect((await shownPost()).likes_count).toBe(1)
    await call('DELETE', 'delete', { post_id: post.id }, bob)
    expect(await shownPost()).not.toHaveProperty('likes_count')
  })

  it('a second delete: 400 Invalid <Type> id or current user hasn’t liked it; an unknown object: <type> not found', async () => {
    const car = (await inProcessCall(cloud, 'POST', 'objects/cars/create', { fields: '{"make":"VW"}' }, bob)).body.response.cars[0]
    await like({ custom_object_id: car.id })
    await call('DELETE', 'delete', { custom_object_id: car.id }, alice)
    expect(failure(await call('DELETE', 'delete', { custom_object_id: car.id }, alice))).toEqual({
      status: 400,
      message: "Invalid CustomObject id or current user hasn't liked it",
      method_name: 'deleteLike',
    })
    expect(failure(await call('DELETE', 'delete', { custom_object_id: '5f00000000000000000000aa' }, alice))).toMatchObject({ message: 'custom_object not found' })
    expect(failure(await call('DELETE', 'delete', {}, alice))).toMatchObject({ message: 'Invalid like type' })
  })
})

describe('likes/query', () => {
  it('a user sees the likes they made, an admin everyone’s; filters by the liked object, user_object_id for a user', async () => {
    const mine = await like({ post_id: post.id })
    const mineOfBob = await like({ user_id: ids.bob })
    const bobs = await like({ post_id: post.id }, bob)
    const idsOf = async (params: Record<string, string>, sessionId?: string) =>
      (await call('GET', 'query', params, sessionId)).body.response.likes.map((l: any) => l.id)
    expect(await idsOf({}, alice)).toEqual([mine.id, mineOfBob.id])
    expect(await idsOf({}, admin)).toEqual([mine.id, mineOfBob.id, bobs.id])
    expect(await idsOf({ post_id: post.id }, admin)).toEqual([mine.id, bobs.id])
    expect(await idsOf({ user_object_id: ids.bob }, alice)).toEqual([mineOfBob.id])
    expect(await idsOf({ su_id: ids.bob }, admin)).toEqual([bobs.id])
    expect(await idsOf({ where: JSON.stringify({ likeable_type: 'User' }) }, alice)).toEqual([mineOfBob.id])
    expect(await idsOf({})).toEqual([])
    expect(failure(await call('GET', 'query', { su_id: ids.bob }, alice))).toEqual({
      status: 403,
      message: 'You are not authorized to perform this action.',
      method_name: 'queryLikes',
    })
  })
})
