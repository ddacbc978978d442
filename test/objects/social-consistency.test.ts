import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { login, startServer, type Call } from '../support/client.js'

/**
 * The counters of reviews and likes stay what is stored under parallel load, over real HTTP: 200
 * users, each signed in with a session of their own, like and unlike one post at once (and like it
 * twice), then review it and take reviews back at once; the post's `likes_count` and review
 * counters then equal what likes/query and reviews/query list (docs/architecture.md "Reviews and likes").
 */

const USERS = 200
const names = Array.from({ length: USERS }, (_, i) => `u${i}`)

let server: RunningMockCloud
let call: Call
let sessions: string[]
let admin: string
let postId: string

beforeAll(async () => {
  const users = [...names.map((username) => ({ username, password: `pw-${username}` })), { username: 'boss', password: 'pw-boss', admin: true }]
  ;({ server, call } = await startServer({ fixtures: { users }, passwordHashing: 'fast' }))
  sessions = await Promise.all(names.map((name) => login(call, name, `pw-${name}`)))
  admin = await login(call, 'boss', 'pw-boss')
  postId = (await call('POST', 'posts/create', {}, { session: admin, form: { content: 'Popular' } })).body.response.posts[0].id
})
afterAll(() => server.stop())

const shownPost = async (): Promise<Record<string, unknown>> =>
  (await call('GET', 'posts/show', { post_id: postId })).body.response.posts[0]

describe('reviews and likes counters under 200 parallel users', () => {
  it('likes and unlikes at once leave likes_count equal to the likes stored, one per user', async () => {
    const sent = sessions.flatMap((session, i) => {
      const like = () => call('POST', 'likes/create', {}, { session, form: { post_id: postId } })
      const unlike = () => call('DELETE', 'likes/delete', { post_id: postId }, { session })
      // Even users like twice at once, odd users like and unlike at once.
      return i % 2 === 0 ? [like(), like()] : [like(), unlike()]
    })
    const replies = await Promise.all(sent)
    expect(replies.every((reply) => reply.status === 200 || reply.status === 400)).toBe(true)
    expect(replies.filter((reply) => reply.body.meta.method_name === 'createLike' && reply.status === 200).length).toBeGreaterThanOrEqual(USERS / 2)
    const stored = (await call('GET', 'likes/query', { post_id: postId, limit: 1000 }, { session: admin })).body.response.likes as { user: { username: string } }[]
    const likers = stored.map((like) => like.user.username)
    expect(new Set(likers).size, 'one like per user').toBe(likers.length)
    expect(likers.length).toBeGreaterThanOrEqual(USERS / 2)
    expect((await shownPost()).likes_count).toBe(likers.length)

    // Everyone who liked takes it back at once, while those who did not like now.
    const likedBy = new Set(likers)
    await Promise.all(
      sessions.map((session, i) =>
        likedBy.has(names[i]!)
          ? call('DELETE', 'likes/delete', { post_id: postId }, { session })
          : call('POST', 'likes/create', {}, { session, form: { post_id: postId } }),
      ),
    )
    const after = (await call('GET', 'likes/query', { post_id: postId, limit: 1000, count: true }, { session: admin })).body
    expect(after.meta.count).toBe(USERS - likedBy.size)
    expect((await shownPost()).likes_count).toBe(USERS - likedBy.size)
  })

  it('reviews made and deleted at once leave reviews_count and ratings_* equal to the reviews stored', async () => {
    const made = await Promise.all(
      sessions.map((session, i) =>
        call('POST', 'reviews/create', {}, { session, form: { post_id: postId, rating: (i % 5) + 1, content: `r${i}` } }),
      ),
    )
    expect(made.every((reply) => reply.status === 200)).toBe(true)
    // A second review by each of the first 50 users is refused, in parallel with deletes by the last 50.
    await Promise.all([
      ...sessions.slice(0, 50).map((session) => call('POST', 'reviews/create', {}, { session, form: { post_id: postId, rating: 5 } })),
      ...made.slice(USERS - 50).map((reply, i) =>
        call('DELETE', 'reviews/delete', { review_id: reply.body.response.reviews[0].id }, { session: sessions[USERS - 50 + i]! }),
      ),
    ])
    const stored = (await call('GET', 'reviews/query', { post_id: postId, limit: 1000 })).body.response.reviews as { rating: number }[]
    expect(stored).toHaveLength(USERS - 50)
    const summary: Record<string, number> = {}
    for (const { rating } of stored) summary[rating] = (summary[rating] ?? 0) + 1
    const average = stored.reduce((sum, { rating }) => sum + rating, 0) / stored.length
    expect(await shownPost()).toMatchObject({
      reviews_count: stored.length,
      ratings_count: stored.length,
      ratings_average: average,
      ratings_summary: summary,
    })
  })
})
