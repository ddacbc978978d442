import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { startServer } from '../support/client.js'
import { outcome } from '../support/titanium.js'
import { ok, refused } from '../support/arrowdb-calls.js'

/**
 * Posts end to end over real HTTP: the `arrowdb` SDK (1.0.12, which updates with POST) and the
 * Node `Cloud` (which updates with PUT and removes with DELETE parameters in the query).
 */

describe('Posts over real HTTP', () => {
  it('the arrowdb SDK: postsCreate → show → query → update (POST) → count → remove; no content is refused', async () => {
    const { server } = await startServer()
    try {
      const app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
      await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
      const made = await ok(app, 'postsCreate', { content: 'Hello', title: 'Welcome', tags: 'City', custom_fields: { city: 'Paris' } })
      expect(made.body.meta.method_name).toBe('createPost')
      const post = made.body.response.posts[0]
      expect(post).toMatchObject({ content: 'Hello', title: 'Welcome', tags: ['City'], custom_fields: { city: 'Paris' } })
      expect((await refused(app, 'postsCreate', { title: 'no content' })).body.meta.message).toBe("Failed to create post: Validation failed - Content can't be blank.")
      expect((await ok(app, 'postsShow', { post_id: post.id })).body.response.posts[0].custom_fields.city).toBe('Paris')
      const found = await ok(app, 'postsQuery', { where: { city: 'Paris' } })
      expect(found.body.response.posts.map((p: { id: string }) => p.id)).toEqual([post.id])
      const updated = await ok(app, 'postsUpdate', { post_id: post.id, content: 'Bye' })
      expect(updated.body.response.posts[0]).toMatchObject({ content: 'Bye', title: 'Welcome' })
      expect((await ok(app, 'postsCount')).body.meta.count).toBe(1)
      expect((await refused(app, 'postsBatchDelete')).statusCode).toBe(403)
      expect((await ok(app, 'postsRemove', { post_id: post.id })).body.meta.method_name).toBe('deletePost')
      expect((await refused(app, 'postsDelete', { post_id: post.id })).body.meta.message).toBe('Invalid post id')
    } finally {
      await server.stop()
    }
  })

  it('Cloud.Posts: create, show, query, update and remove', async () => {
    const { server } = await startServer()
    try {
      const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
      await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
      const made = await outcome((cb) => Cloud.Posts.create({ content: 'Man Walks On Moon', title: 'News of the day' }, cb))
      const id = made.posts[0].id
      expect((await outcome((cb) => Cloud.Posts.show({ post_id: id }, cb))).posts[0].title).toBe('News of the day')
      expect((await outcome((cb) => Cloud.Posts.query({ where: { title: 'News of the day' } }, cb))).posts).toHaveLength(1)
      expect((await outcome((cb) => Cloud.Posts.update({ post_id: id, title: 'Lunar Eclipse' }, cb))).posts[0]).toMatchObject({ title: 'Lunar Eclipse', content: 'Man Walks On Moon' })
      expect((await outcome((cb) => Cloud.Posts.remove({ post_id: id }, cb))).success).toBe(true)
      expect((await outcome((cb) => Cloud.Posts.query(cb))).posts).toEqual([])
    } finally {
      await server.stop()
    }
  })
})
