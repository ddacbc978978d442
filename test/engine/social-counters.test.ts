import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { LIKES, REVIEWS, socialCollection, type SocialLink } from '../../src/engine/social.js'
import { OBJECTS } from '../../src/objects/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { inProcessCall } from '../support/in-process-call.js'

/**
 * The counters of reviews and likes on the objects that opt in (docs/architecture.md "Reviews and
 * likes"), read through `app.request()` with reviews and likes put in the store as the Reviews and
 * Likes objects store them: absent before the first, derived from what is stored, gone again when
 * the last goes, `current_user_liked` only with `show_user_like` for the user who liked.
 */

let cloud: MockCloud
let n = 0

const at = '2026-01-01T00:00:00.000Z'
const link = (user_id: string, target_type: string, target_id: string, rating?: number): SocialLink => ({
  id: (0xa00000 + ++n).toString(16).padStart(24, '0'),
  created_at: at,
  updated_at: at,
  user_id,
  target_type,
  target_id,
  ...(rating !== undefined && { rating }),
})

const likes = () => socialCollection<SocialLink>(cloud.dataSets.dataSet('K'), LIKES)
const reviews = () => socialCollection<SocialLink>(cloud.dataSets.dataSet('K'), REVIEWS)

const get = async (path: string, params: Record<string, string>, session?: string): Promise<any> =>
  (await inProcessCall(cloud, 'GET', path, params, session)).body

const bobShown = async (params: Record<string, string> = {}, session?: string) =>
  (await get('users/show', { user_id: ids.bob, ...params }, session)).response.users[0]

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
})

describe('reviews and likes counters', () => {
  it('the objects on main that take reviews and likes opt in', () => {
    const types = OBJECTS.flatMap((object) => (object.social ? [object.social.type] : []))
    expect(types).toEqual(expect.arrayContaining(['User', 'Photo', 'CustomObject']))
  })

  it('are absent from an object nobody reviewed or liked', async () => {
    const bob = await bobShown({ show_user_like: 'true' })
    for (const name of ['likes_count', 'reviews_count', 'ratings_count', 'ratings_average', 'ratings_summary', 'current_user_liked']) {
      expect(bob).not.toHaveProperty(name)
    }
  })

  it('likes_count counts the stored likes, and is gone again with the last one', async () => {
    const made = [link(ids.alice, 'User', ids.bob), link(ids.carol, 'User', ids.bob)]
    for (const like of made) likes().insert(like)
    likes().insert(link(ids.alice, 'User', ids.carol))
    expect((await bobShown()).likes_count).toBe(2)
    likes().remove(new Set([made[0]!.id]))
    expect((await bobShown()).likes_count).toBe(1)
    likes().remove(new Set([made[1]!.id]))
    expect(await bobShown()).not.toHaveProperty('likes_count')
  })

  it('current_user_liked is true for the user who liked, with show_user_like only', async () => {
    likes().insert(link(ids.alice, 'User', ids.bob))
    const alice = await sessionOf(cloud, 'alice')
    const carol = await sessionOf(cloud, 'carol')
    expect((await bobShown({ show_user_like: 'true' }, alice)).current_user_liked).toBe(true)
    expect(await bobShown({}, alice)).not.toHaveProperty('current_user_liked')
    expect(await bobShown({ show_user_like: 'true' }, carol)).not.toHaveProperty('current_user_liked')
    expect(await bobShown({ show_user_like: 'true' })).not.toHaveProperty('current_user_liked')
  })

  it('reviews give reviews_count, ratings_count, ratings_average and ratings_summary', async () => {
    reviews().insert(link(ids.alice, 'User', ids.bob, 100))
    reviews().insert(link(ids.carol, 'User', ids.bob, 200))
    reviews().insert(link(ids.dave, 'User', ids.bob))
    expect(await bobShown()).toMatchObject({
      reviews_count: 3,
      ratings_count: 2,
      ratings_average: 150,
      ratings_summary: { '100': 1, '200': 1 },
    })
  })

  it('a query lists the counters on each record, and sel / unsel apply to them', async () => {
    likes().insert(link(ids.alice, 'User', ids.bob))
    const where = JSON.stringify({ username: { $in: ['bob', 'carol'] } })
    const [bob, carol] = (await get('users/query', { where })).response.users
    expect(bob.likes_count).toBe(1)
    expect(carol).not.toHaveProperty('likes_count')
    expect((await get('users/query', { where, sel: JSON.stringify({ all: ['username'] }) })).response.users[0]).toEqual({ id: ids.bob, username: 'bob' })
    expect((await get('users/query', { where, sel: JSON.stringify({ all: ['likes_count'] }) })).response.users[0]).toEqual({ id: ids.bob, likes_count: 1 })
    expect((await get('users/query', { where, unsel: JSON.stringify({ all: ['likes_count'] }) })).response.users[0]).not.toHaveProperty('likes_count')
  })

  it('photos and custom objects carry them too', async () => {
    const alice = await sessionOf(cloud, 'alice')
    const form = new FormData()
    form.append('photo', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]), 'p.png')
    form.append('_session_id', alice)
    const photo = ((await (await cloud.app.request('/v1/photos/create.json?key=K', { method: 'POST', body: form })).json()) as any).response.photos[0]
    const car = ((await (await cloud.app.request('/v1/objects/cars/create.json?key=K', {
      method: 'POST',
      body: new URLSearchParams({ fields: '{"n":1}', _session_id: alice }),
    })).json()) as any).response.cars[0]
    likes().insert(link(ids.bob, 'Photo', photo.id))
    reviews().insert(link(ids.bob, 'CustomObject', car.id, 5))
    expect((await get('photos/show', { photo_id: photo.id })).response.photos[0].likes_count).toBe(1)
    expect((await get('objects/cars/show', { id: car.id })).response.cars[0]).toMatchObject({ reviews_count: 1, ratings_average: 5 })
    // Photos' where and order read the counters (docs/photos.md "Queries").
    expect((await get('photos/query', { where: JSON.stringify({ likes_count: { $gte: 1 } }) })).response.photos.map((p: any) => p.id)).toEqual([photo.id])
    expect((await get('photos/query', { where: JSON.stringify({ reviews_count: 1 }) })).response.photos).toEqual([])
  })
})
