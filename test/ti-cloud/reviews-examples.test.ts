import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import { installTitaniumGlobals, outcome } from '../support/titanium.js'
import * as example from './reviews-examples.js'

/**
 * The Modules.Cloud.Reviews documentation's examples (their text is in ./reviews-examples.js) run
 * unchanged against a mock-cloud server holding fixture S, alice signed in. The app's globals:
 * `savedPostId`, a post bob made, and `savedReviewId`, alice's review of it.
 */

const t = useTitaniumApp()

/** bob posts, alice signs in (and reviews the post when `review` says so); the globals name them. */
async function given(review: boolean): Promise<{ post: Record<string, any>; saved?: Record<string, any> }> {
  await logIn(t.Cloud, 'bob')
  const post = (await outcome((cb) => t.Cloud.Posts.create({ content: 'Hawaii' }, cb))).posts[0]
  await logIn(t.Cloud, 'alice')
  const saved = review ? (await outcome((cb) => t.Cloud.Reviews.create({ post_id: post.id, rating: 10, content: 'Saved' }, cb))).reviews[0] : undefined
  t.app.remove()
  t.app = installTitaniumGlobals(t.Cloud, { savedPostId: post.id, savedReviewId: saved?.id })
  return { post, saved }
}

const success = (review: Record<string, any>) =>
  `Success:\nid: ${review.id}\nrating: ${review.rating}\ncontent: ${review.content}\nupdated_at: ${review.updated_at}`

describe('Create Review', () => {
  it('alerts the review of the saved post; a second run meets the one-review rule', async () => {
    const { post } = await given(false)
    const { alerts, replies } = await t.app.run(example.createReview)
    const review = replies[0]?.reviews[0]
    expect(review).toMatchObject({ rating: 1, content: 'Good', reviewed_object: { type: 'Post', id: post.id }, user: { id: ids.alice } })
    expect(alerts).toEqual([success(review)])
    expect((await t.app.run(example.createReview)).alerts).toEqual(['Error:\nFailed to create review: Validation failed - User has already reviewed this object.'])
  })
})

describe('Show a Review', () => {
  it('alerts the saved review', async () => {
    const { saved } = await given(true)
    expect((await t.app.run(example.showAReview)).alerts).toEqual([success(saved!)])
  })
})

describe('Query for Reviews', () => {
  it('alerts the count of reviews rated over 5, then each', async () => {
    const { saved, post } = await given(true)
    await logIn(t.Cloud, 'carol')
    await outcome((cb) => t.Cloud.Reviews.create({ post_id: post.id, rating: 3 }, cb))
    const { alerts } = await t.app.run(example.queryForReviews)
    expect(alerts).toEqual(['Success:\nCount: 1', `id: ${saved!.id}\nid: ${saved!.id}\nrating: 10\ncontent: Saved\nupdated_at: ${saved!.updated_at}`])
  })
})

describe('Update a Review', () => {
  it('alerts the review with its new rating and content; the post’s average follows', async () => {
    const { saved, post } = await given(true)
    const { alerts, replies } = await t.app.run(example.updateAReview)
    expect(replies[0]?.reviews[0]).toMatchObject({ id: saved!.id, rating: 100, content: 'Very good!' })
    expect(alerts).toEqual([success(replies[0]?.reviews[0])])
    expect((await t.call('GET', 'posts/show', { post_id: post.id })).body.response.posts[0].ratings_average).toBe(100)
  })
})

describe('Remove a Review', () => {
  it('alerts Success and the review is gone; a second run alerts Invalid review id', async () => {
    await given(true)
    expect((await t.app.run(example.removeAReview)).alerts).toEqual(['Success'])
    expect((await t.call('GET', 'reviews/count')).body.meta.count).toBe(0)
    expect((await t.app.run(example.removeAReview)).alerts).toEqual(['Error:\nInvalid review id'])
  })
})
