import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/** Posts through app.request(): one test per rule of docs/posts.md. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string

const call = (verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) =>
  inProcessCall(cloud, verb, `posts/${method}`, params, sessionId)

async function create(params: Record<string, string>, sessionId = alice): Promise<any> {
  const reply = await call('POST', 'create', params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok' })
  return reply.body.response.posts[0]
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  alice = await sessionOf(cloud, 'alice')
  bob = await sessionOf(cloud, 'bob')
  admin = await sessionOf(cloud, 'admin')
})

describe('posts/create', () => {
  it('answers the post: content, title, tags as a list, custom fields, the owner embedded', async () => {
    const reply = await call('POST', 'create', { content: 'Man Walks On Moon', title: 'News', tags: 'moon, space', custom_fields: '{"city":"Houston"}' }, alice)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createPost' })
    expect(reply.body.response.posts).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        content: 'Man Walks On Moon',
        title: 'News',
        tags: ['moon', 'space'],
        custom_fields: { city: 'Houston' },
        created_at: expect.stringMatching(/\+0000$/),
        updated_at: expect.stringMatching(/\+0000$/),
        user: expect.objectContaining({ id: ids.alice, username: 'alice' }),
      },
    ])
  })

  it.each<Record<string, string>>([{}, { content: '' }, { content: '  ' }])('refuses %j: content is required', async (params) => {
    expect(failure(await call('POST', 'create', params, alice))).toEqual({
      status: 400,
      message: "Failed to create post: Validation failed - Content can't be blank.",
      method_name: 'createPost',
    })
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
  })

  it('an unknown post_id is ignored: a new post is made', async () => {
    const first = await create({ content: 'a' })
    const second = await create({ content: 'b', post_id: first.id })
    expect(second.id).not.toBe(first.id)
  })

  it('su_id (admins) makes the post the named user’s', async () => {
    const made = await create({ content: 'for bob', su_id: ids.bob }, admin)
    expect(made.user.id).toBe(ids.bob)
  })

  it('ties the post to a stored event (event_id and the event embedded) and refuses an event_id of no event', async () => {
    const event = (await inProcessCall(cloud, 'POST', 'events/create', { name: 'Launch', start_time: '2030-01-01T10:00:00Z' }, alice)).body.response.events[0]
    const made = await create({ content: 'x', event_id: event.id.toUpperCase() })
    expect(made).toMatchObject({ event_id: event.id, event: expect.objectContaining({ id: event.id, name: 'Launch' }) })
    for (const event_id of ['nope', '5f00000000000000000000aa']) {
      expect(failure(await call('POST', 'create', { content: 'x', event_id }, alice))).toMatchObject({ status: 400, message: 'Invalid event id' })
    }
    const untied = await call('PUT', 'update', { post_id: made.id, event_id: '' }, alice)
    expect(untied.body.response.posts[0]).not.toHaveProperty('event_id')
    expect(untied.body.response.posts[0]).not.toHaveProperty('event')
  })
})

describe('a post’s primary photo', () => {
  it('photo uploads a Photos object the post embeds; photo_id attaches a stored one; photo_id= removes it', async () => {
    const form = new FormData()
    form.append('content', 'with a photo')
    form.append('photo', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]), 'moon.png')
    form.append('_session_id', alice)
    const made = ((await (await cloud.app.request('/v1/posts/create.json?key=K', { method: 'POST', body: form })).json()) as any).response.posts[0]
    expect(made.photo).toMatchObject({ id: made.photo_id, filename: 'moon.png' })
    expect((await inProcessCall(cloud, 'GET', 'photos/show', { photo_id: made.photo_id })).body.response.photos[0].user.id).toBe(ids.alice)
    const other = await create({ content: 'same photo', photo_id: made.photo_id })
    expect(other).toMatchObject({ photo_id: made.photo_id, photo: { id: made.photo_id } })
    expect(failure(await call('POST', 'create', { content: 'x', photo_id: '5f00000000000000000000aa' }, alice))).toMatchObject({ status: 400, message: 'Invalid photo id' })
    const removed = (await call('PUT', 'update', { post_id: other.id, photo_id: '' }, alice)).body.response.posts[0]
    expect(removed).not.toHaveProperty('photo_id')
    expect(removed).not.toHaveProperty('photo')
  })
})

describe('posts/show', () => {
  it('post_ids gives every post found, in the order asked, unknown ids skipped', async () => {
    const [a, b] = [await create({ content: 'a' }), await create({ content: 'b' })]
    const reply = await call('GET', 'show', { post_ids: `${b.id},5f00000000000000000000ff,${a.id}` })
    expect(reply.body.meta.method_name).toBe('showPosts')
    expect(reply.body.response.posts.map((post: any) => post.id)).toEqual([b.id, a.id])
  })

  it.each<Record<string, string>>([{}, { post_id: '' }, { post_id: 'nope' }, { post_id: '5f00000000000000000000ff' }])('%j: 400 Invalid post id', async (params) => {
    expect(failure(await call('GET', 'show', params))).toEqual({ status: 400, message: 'Invalid post id', method_name: 'showPosts' })
  })

  it('a post under an ACL that leaves the caller out is not shown, nor listed', async () => {
    await inProcessCall(cloud, 'POST', 'acls/create', { name: 'mine', public_read: 'false' }, alice)
    const hidden = await create({ content: 'secret', acl_name: 'mine' })
    expect(failure(await call('GET', 'show', { post_id: hidden.id }, bob))).toMatchObject({ status: 401 })
    expect((await call('GET', 'show', { post_id: hidden.id }, alice)).body.response.posts[0].acls).toHaveLength(1)
    expect((await call('GET', 'query', {}, bob)).body.response.posts).toEqual([])
  })
})

describe('posts/update', () => {
  it('changes what is sent and keeps the rest; PUT and POST alike', async () => {
    const made = await create({ content: 'old', title: 'Keep', tags: 'a', custom_fields: '{"n":1}' })
    const put = await call('PUT', 'update', { post_id: made.id, content: 'new', custom_fields: '{"n":{"$inc":2}}' }, alice)
    expect(put.body.meta.method_name).toBe('updatePost')
    expect(put.body.response.posts[0]).toMatchObject({ id: made.id, content: 'new', title: 'Keep', tags: ['a'], custom_fields: { n: 3 } })
    const post = await call('POST', 'update', { post_id: made.id, title: '', tags: '' }, alice)
    expect(post.body.response.posts[0]).toMatchObject({ content: 'new' })
    expect(post.body.response.posts[0]).not.toHaveProperty('title')
    expect(post.body.response.posts[0]).not.toHaveProperty('tags')
  })

  it('refuses an empty content, a missing or unknown post_id, and another user’s post', async () => {
    const made = await create({ content: 'x' })
    expect(failure(await call('PUT', 'update', { post_id: made.id, content: '' }, alice))).toEqual({
      status: 400,
      message: "Failed to update post: Validation failed - Content can't be blank.",
      method_name: 'updatePost',
    })
    expect(failure(await call('PUT', 'update', { content: 'y' }, alice))).toMatchObject({ status: 400, message: 'Invalid post id' })
    expect(failure(await call('PUT', 'update', { post_id: made.id, content: 'y' }, bob))).toEqual({
      status: 403,
      message: 'You are not authorized to perform this action.',
      method_name: 'updatePost',
    })
    expect((await call('PUT', 'update', { post_id: made.id, content: 'by admin' }, admin)).body.response.posts[0].content).toBe('by admin')
  })
})

describe('posts/delete and batch_delete', () => {
  it('delete: the owner’s post goes, meta only; another user gets 403; a second delete 400 Invalid post id', async () => {
    const made = await create({ content: 'x' })
    expect(failure(await call('DELETE', 'delete', { post_id: made.id }, bob))).toMatchObject({ status: 403 })
    const reply = await call('DELETE', 'delete', { post_id: made.id }, alice)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deletePost' } })
    expect(failure(await call('DELETE', 'delete', { post_id: made.id }, alice))).toEqual({ status: 400, message: 'Invalid post id', method_name: 'deletePost' })
  })

  it('batch_delete: admins delete what where matches; others get 403', async () => {
    await create({ content: 'a', title: 'x' })
    await create({ content: 'b', title: 'y' })
    expect(failure(await call('DELETE', 'batch_delete', {}, alice))).toEqual({
      status: 403,
      message: 'You are not authorized to perform this action.',
      method_name: 'batchDelete',
    })
    await call('DELETE', 'batch_delete', { where: '{"title":"x"}' }, admin)
    expect((await call('GET', 'query')).body.response.posts.map((post: any) => post.title)).toEqual(['y'])
  })
})

describe('posts/query and count', () => {
  it('where reads content, title, tags_array and custom fields; count counts every post', async () => {
    await create({ content: 'Welcome', title: 'Welcome', tags: 'city', custom_fields: '{"city":"Paris"}' })
    await create({ content: 'Other', title: 'Other' })
    for (const where of [{ title: 'Welcome' }, { content: 'Welcome' }, { tags_array: 'city' }, { city: 'Paris' }]) {
      const reply = await call('GET', 'query', { where: JSON.stringify(where) })
      expect(reply.body.meta.method_name).toBe('queryPosts')
      expect(reply.body.response.posts.map((post: any) => post.title), JSON.stringify(where)).toEqual(['Welcome'])
    }
    expect((await call('GET', 'count')).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'postsCount', count: 2 })
  })
})
