import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import { installTitaniumGlobals, outcome } from '../support/titanium.js'
import * as example from './posts-examples.js'

/**
 * The Modules.Cloud.Posts documentation's examples (their text is in ./posts-examples.js) run
 * unchanged against a mock-cloud server holding fixture S, alice signed in. The app's globals:
 * `savedPostId`, a post alice made, and `Titanium.Filesystem.getFile` giving a PNG as a Blob (the
 * photo a post's create sends, kept as its primary photo).
 */

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const Titanium = { Filesystem: { getFile: () => new Blob([PNG], { type: 'image/png' }) } }

const t = useTitaniumApp({ globals: { Titanium } })

/** alice signs in and makes a post; the app's `savedPostId` names it. */
async function givenSavedPost(): Promise<Record<string, any>> {
  await logIn(t.Cloud, 'alice')
  const made = await outcome((cb) => t.Cloud.Posts.create({ content: 'Saved', title: 'Saved post' }, cb))
  t.app.remove()
  t.app = installTitaniumGlobals(t.Cloud, { Titanium, savedPostId: made.posts[0].id })
  return made.posts[0]
}

const success = (post: Record<string, any>) =>
  `Success:\nid: ${post.id}\ntitle: ${post.title}\ncontent: ${post.content}\nupdated_at: ${post.updated_at}`

describe('Create Post', () => {
  it('alerts the new post, its photo uploaded as its primary photo', async () => {
    await logIn(t.Cloud, 'alice')
    const { alerts, replies } = await t.app.run(example.createPost)
    const post = replies[0]?.posts[0]
    expect(post).toMatchObject({ content: 'Man Walks On Moon', title: 'News of the day', user: { id: ids.alice }, photo: { content_type: 'image/png' } })
    expect(alerts).toEqual([success(post)])
  })

  it('without a session alerts the refusal', async () => {
    expect((await t.app.run(example.createPost)).alerts).toEqual(['Error:\nFailed to authenticate user'])
  })
})

describe('Show a Post', () => {
  it('alerts the saved post', async () => {
    const saved = await givenSavedPost()
    expect((await t.app.run(example.showAPost)).alerts).toEqual([success(saved)])
  })
})

describe('Query for Posts', () => {
  it('page 1 of 20 posts with more than one review: alerts the count, then each post', async () => {
    const saved = await givenSavedPost()
    await outcome((cb) => t.Cloud.Posts.create({ content: 'Unreviewed' }, cb))
    for (const rating of [1, 5]) {
      const reviewed = await outcome((cb) => t.Cloud.Reviews.create({ post_id: saved.id, rating, allow_duplicate: 1 }, cb))
      expect(reviewed.success, String(reviewed.message)).toBe(true)
    }
    const { alerts } = await t.app.run(example.queryForPosts)
    expect(alerts).toEqual(['Success:\nCount: 1', `id: ${saved.id}\nid: ${saved.id}\ntitle: Saved post\ncontent: Saved\nupdated_at: ${saved.updated_at}`])
  })
})

describe('Update a Post', () => {
  it('alerts the post with its new title, its content kept', async () => {
    const saved = await givenSavedPost()
    const { alerts, replies } = await t.app.run(example.updateAPost)
    expect(replies[0]?.posts[0]).toMatchObject({ id: saved.id, title: 'Lunar Eclipse', content: 'Saved' })
    expect(alerts).toEqual([success(replies[0]?.posts[0])])
  })
})

describe('Remove a Post', () => {
  it('alerts Success and the post is gone; a second run alerts Invalid post id', async () => {
    await givenSavedPost()
    expect((await t.app.run(example.removeAPost)).alerts).toEqual(['Success'])
    expect((await t.call('GET', 'posts/count')).body.meta.count).toBe(0)
    expect((await t.app.run(example.removeAPost)).alerts).toEqual(['Error:\nInvalid post id'])
  })
})
