import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/** Reviews through app.request(): one test per rule of docs/reviews.md, and the reviewed objects' counters. */

let cloud: MockCloud
let alice: string
let bob: string
let carol: string
let admin: string
let post: any

const call = (verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) =>
  inProcessCall(cloud, verb, `reviews/${method}`, params, sessionId)

async function review(params: Record<string, string>, sessionId = alice): Promise<any> {
  const reply = await call('POST', 'create', params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok' })
  return reply.body.response.reviews[0]
}

const shownPost = async (): Promise<any> => (await inProcessCall(cloud, 'GET', 'posts/show', { post_id: post.id })).body.response.posts[0]

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  alice = await sessionOf(cloud, 'alice')
  bob = await sessionOf(cloud, 'bob')
  carol = await sessionOf(cloud, 'carol')
  admin = await sessionOf(cloud, 'admin')
  post = (await inProcessCall(cloud, 'POST', 'posts/create', { content: 'Hawaii' }, bob)).body.response.posts[0]
})

describe('reviews/create', () => {
  it('answers the review with its reviewed object; the post then shows its counters', async () => {
    const reply = await call('POST', 'create', { post_id: post.id, content: 'Review of Hawaii', rating: '10', tags: 'cool,outside' }, alice)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createReview' })
    expect(reply.body.response.reviews).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        content: 'Review of Hawaii',
        rating: 10,
        created_at: expect.stringMatching(/\+0000$/),
        updated_at: expect.stringMatching(/\+0000$/),
        reviewed_object: { type: 'Post', id: post.id },
        post_id: post.id,
        tags: ['cool', 'outside'],
        user: expect.objectContaining({ id: ids.alice }),
      },
    ])
    expect(await shownPost()).toMatchObject({ reviews_count: 1, ratings_count: 1, ratings_average: 10, ratings_summary: { '10': 1 } })
    await review({ post_id: post.id, rating: '20' }, carol)
    await review({ post_id: post.id, content: 'no rating' }, admin)
    expect(await shownPost()).toMatchObject({ reviews_count: 3, ratings_count: 2, ratings_average: 15, ratings_summary: { '10': 1, '20': 1 } })
  })

  it('a user is reviewed by user_object_id or user_id, and has no target id field', async () => {
    const made = await review({ user_object_id: ids.bob, rating: '5' })
    expect(made.reviewed_object).toEqual({ type: 'User', id: ids.bob })
    expect(made).not.toHaveProperty('user_id')
    await review({ user_id: ids.bob, rating: '3' }, carol)
    const bobShown = (await inProcessCall(cloud, 'GET', 'users/show', { user_id: ids.bob })).body.response.users[0]
    expect(bobShown).toMatchObject({ reviews_count: 2, ratings_average: 4 })
  })

  it('a review is reviewed by review_id (a comment on a comment), which then shows its own counters', async () => {
    const first = await review({ post_id: post.id, content: 'first' })
    const reply = await review({ review_id: first.id, content: 'a reply' }, carol)
    expect(reply).toMatchObject({ reviewed_object: { type: 'Review', id: first.id }, review_id: first.id })
    expect((await call('GET', 'show', { review_id: first.id })).body.response.reviews[0]).toMatchObject({ reviews_count: 1, ratings_count: 0 })
  })

  it.each<[string, Record<string, string>, string]>([
    ['no object', { content: 'x' }, 'Invalid review type'],
    ['two objects', { content: 'x', post_id: '5f00000000000000000000aa', user_object_id: ids.bob }, 'Invalid review type'],
    ['an object not built', { content: 'x', station_id: '5f00000000000000000000aa' }, 'Invalid review type'],
    ['an unknown post', { content: 'x', post_id: '5f00000000000000000000aa' }, 'Invalid post id'],
    ['a malformed post id', { content: 'x', post_id: 'nope' }, 'Invalid post id'],
    ['an unknown custom object', { content: 'x', custom_object_id: '5f00000000000000000000aa' }, 'Invalid custom_object id'],
    ['neither content nor rating', { user_object_id: ids.bob, content: ' ' }, 'Failed to create review: Validation failed - Content or rating is required.'],
    ['a rating that is no integer', { user_object_id: ids.bob, rating: '1.5' }, 'Failed to create review: Validation failed - Rating is not a number.'],
  ])('%s: 400 %s', async (_, params, message) => {
    expect(failure(await call('POST', 'create', params, alice))).toEqual({ status: 400, message, method_name: 'createReview' })
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
  })

  it('one review per user per object, unless allow_duplicate', async () => {
    await review({ post_id: post.id, rating: '1' })
    expect(failure(await call('POST', 'create', { post_id: post.id, rating: '2' }, alice))).toMatchObject({
      status: 400,
      message: 'Failed to create review: Validation failed - User has already reviewed this object.',
    })
    await review({ post_id: post.id, rating: '2', allow_duplicate: '1' })
    await review({ post_id: post.id, rating: '3' }, carol)
    expect((await shownPost()).reviews_count).toBe(3)
  })

  it('a review of a custom object counts on it', async () => {
    const car = (await inProcessCall(cloud, 'POST', 'objects/cars/create', { fields: '{"make":"VW"}' }, bob)).body.response.cars[0]
    await review({ custom_object_id: car.id, rating: '4' })
    expect((await inProcessCall(cloud, 'GET', 'objects/cars/show', { id: car.id })).body.response.cars[0]).toMatchObject({ reviews_count: 1, ratings_average: 4 })
  })

  it('without a session: 400 Failed to authenticate user', async () => {
    expect(failure(await call('POST', 'create', { post_id: post.id, rating: '1' }))).toMatchObject({ status: 400, message: 'Failed to authenticate user' })
  })
})

describe('reviews/show, update, delete', () => {
  it('show: Invalid review id(s) for a missing, malformed or unknown id', async () => {
    for (const params of [{}, { review_id: 'invalid' }, { review_id: '5f00000000000000000000aa' }] as Record<string, string>[]) {
      expect(failure(await call('GET', 'show', params))).toEqual({ status: 400, message: 'Invalid review id(s)', method_name: 'showReview' })
    }
  })

  it('update: the object is checked before the id; the rating changes and the post’s average follows', async () => {
    const made = await review({ post_id: post.id, rating: '5', content: 'Good' })
    expect(failure(await call('PUT', 'update', { review_id: 'invalid', rating: '8' }, alice))).toEqual({
      status: 400,
      message: 'Invalid review type',
      method_name: 'updateReview',
    })
    expect(failure(await call('PUT', 'update', { post_id: post.id, review_id: 'invalid' }, alice))).toMatchObject({ message: 'Invalid review id' })
    expect(failure(await call('PUT', 'update', { post_id: post.id, review_id: made.id, rating: '1' }, carol))).toMatchObject({
      status: 403,
      message: 'You are not authorized to perform this action.',
    })
    const updated = await call('PUT', 'update', { post_id: post.id, review_id: made.id, rating: '100' }, alice)
    expect(updated.body.response.reviews[0]).toMatchObject({ id: made.id, rating: 100, content: 'Good' })
    expect(await shownPost()).toMatchObject({ ratings_average: 100, ratings_summary: { '100': 1 } })
  })

  it('delete: meta only; the counters follow and are gone with the last review', async () => {
    const [a, b] = [await review({ post_id: post.id, rating: '10' }), await review({ post_id: post.id, rating: '20' }, carol)]
    expect(failure(await call('DELETE', 'delete', { review_id: 'invalid' }, alice))).toEqual({ status: 400, message: 'Invalid review id', method_name: 'deleteReview' })
    expect(failure(await call('DELETE', 'delete', { review_id: a.id }, carol))).toMatchObject({ status: 403 })
    expect((await call('DELETE', 'delete', { review_id: a.id }, alice)).body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteReview' } })
    expect(await shownPost()).toMatchObject({ reviews_count: 1, ratings_average: 20 })
    await call('DELETE', 'delete', { review_id: b.id }, admin)
    const after = await shownPost()
    for (const name of ['reviews_count', 'ratings_count', 'ratings_average', 'ratings_summary']) expect(after).not.toHaveProperty(name)
  })
})

describe('reviews/query, count, batch_delete', () => {
  it('filters by the reviewed object and owner_id; where.user_id is the author; where reads rating', async () => {
    const other = (await inProcessCall(cloud, 'POST', 'posts/create', { content: 'Other' }, bob)).body.response.posts[0]
    const mine = await review({ post_id: post.id, rating: '100' })
    const carols = await review({ post_id: post.id, rating: '10' }, carol)
    const elsewhere = await review({ post_id: other.id, rating: '50' })
    const userReview = await review({ user_object_id: ids.bob, rating: '1' })
    const idsOf = async (params: Record<string, string>) => (await call('GET', 'query', params)).body.response.reviews.map((r: any) => r.id)
    expect(await idsOf({ post_id: post.id })).toEqual([mine.id, carols.id])
    expect(await idsOf({ post_id: post.id, owner_id: ids.carol })).toEqual([carols.id])
    expect(await idsOf({ user_id: ids.bob })).toEqual([userReview.id])
    expect(await idsOf({ where: JSON.stringify({ user_id: ids.alice }) })).toEqual([mine.id, elsewhere.id, userReview.id])
    expect(await idsOf({ post_id: post.id, where: JSON.stringify({ rating: { $gte: 50 } }) })).toEqual([mine.id])
    expect((await call('GET', 'query', { post_id: post.id, count: 'true' })).body.meta).toMatchObject({ method_name: 'queryReviews', count: 2 })
  })

  it('count counts every review; batch_delete is for admins', async () => {
    await review({ post_id: post.id, rating: '1' })
    expect((await call('GET', 'count')).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'reviewsCount', count: 1 })
    expect(failure(await call('DELETE', 'batch_delete', {}, alice))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'batchDelete' })
    await call('DELETE', 'batch_delete', {}, admin)
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
    expect(await shownPost()).not.toHaveProperty('reviews_count')
  })

  it('posts/query reads the counters in where and order', async () => {
    const other = (await inProcessCall(cloud, 'POST', 'posts/create', { content: 'Other' }, bob)).body.response.posts[0]
    await review({ post_id: post.id, rating: '1' })
    await review({ post_id: post.id, rating: '3' }, carol)
    await review({ post_id: other.id, rating: '5' })
    const posts = async (params: Record<string, string>) => (await inProcessCall(cloud, 'GET', 'posts/query', params)).body.response.posts.map((p: any) => p.content)
    expect(await posts({ where: JSON.stringify({ reviews_count: { $gt: 1 } }) })).toEqual(['Hawaii'])
    expect(await posts({ order: '-ratings_average' })).toEqual(['Other', 'Hawaii'])
  })
})
