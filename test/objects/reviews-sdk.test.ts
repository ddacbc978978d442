import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { startServer } from '../support/client.js'
import { outcome } from '../support/titanium.js'
import { ok, refused } from '../support/arrowdb-calls.js'
import { ids } from '../support/fixture-s.js'

/** Reviews end to end over real HTTP: the `arrowdb` SDK (1.0.12) and the Node `Cloud`. */

describe('Reviews over real HTTP', () => {
  it('the arrowdb SDK: reviewsCreate → show → query → update → count → remove, and the texts of its refusals', async () => {
    const { server } = await startServer()
    try {
      const app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
      await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
      const post = (await ok(app, 'postsCreate', { content: 'Hawaii' })).body.response.posts[0]
      expect((await refused(app, 'reviewsCreate', { rating: '10' })).body.meta.message).toBe('Invalid review type')
      const made = await ok(app, 'reviewsCreate', { post_id: post.id, rating: '10', tags: 'cool,outside' })
      expect(made.body.meta.method_name).toBe('createReview')
      const review = made.body.response.reviews[0]
      expect(review).toMatchObject({ rating: 10, post_id: post.id, tags: ['cool', 'outside'] })
      expect((await ok(app, 'reviewsShow', { review_id: review.id })).body.meta.method_name).toBe('showReview')
      expect((await refused(app, 'reviewsShow', { review_id: 'invalid' })).body.meta.message).toBe('Invalid review id(s)')
      expect((await ok(app, 'reviewsQuery', { where: { user_id: ids.alice } })).body.response.reviews.map((r: { id: string }) => r.id)).toEqual([review.id])
      expect((await refused(app, 'reviewsUpdate', { review_id: 'invalid', rating: 8 })).body.meta.message).toBe('Invalid review type')
      expect((await ok(app, 'reviewsUpdate', { post_id: post.id, review_id: review.id, rating: '8' })).body.response.reviews[0].rating).toBe(8)
      expect((await ok(app, 'postsShow', { post_id: post.id })).body.response.posts[0]).toMatchObject({ reviews_count: 1, ratings_average: 8 })
      expect((await ok(app, 'reviewsCount')).body.meta.count).toBe(1)
      expect((await refused(app, 'reviewsBatchDelete')).statusCode).toBe(403)
      expect((await ok(app, 'reviewsRemove', { review_id: review.id })).body.meta.method_name).toBe('deleteReview')
      expect((await refused(app, 'reviewsDelete', { review_id: 'invalid' })).body.meta.message).toBe('Invalid review id')
    } finally {
      await server.stop()
    }
  })

  it('Cloud.Reviews: create, show, query, update and remove a review of a user', async () => {
    const { server } = await startServer()
    try {
      const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
      await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
      const made = await outcome((cb) => Cloud.Reviews.create({ user_id: ids.bob, rating: 5, allow_duplicate: 1 }, cb))
      const id = made.reviews[0].id
      expect((await outcome((cb) => Cloud.Reviews.show({ review_id: id, user_id: ids.bob }, cb))).reviews[0].reviewed_object).toEqual({ type: 'User', id: ids.bob })
      expect((await outcome((cb) => Cloud.Reviews.query({ user_id: ids.bob, where: { rating: { $gte: 5 } } }, cb))).reviews).toHaveLength(1)
      expect((await outcome((cb) => Cloud.Reviews.update({ review_id: id, user_object_id: ids.bob, rating: 100 }, cb))).reviews[0].rating).toBe(100)
      expect((await outcome((cb) => Cloud.Reviews.remove({ review_id: id, user_id: ids.bob }, cb))).success).toBe(true)
    } finally {
      await server.stop()
    }
  })
})
