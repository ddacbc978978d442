import { describe, expect, it } from 'vitest'
import { createMockCloud, FixtureError, type Fixture } from '../../src/index.js'
import { inProcessCall } from '../support/in-process-call.js'

/**
 * The `places`, `checkins`, `statuses` and `posts` parts of a fixture file (docs/fixtures.md
 * "Places", "Check-ins", "Statuses and posts"): seeded records over the API, bad entries refused.
 */

const users = [
  { username: 'alice', password: 'pw' },
  { username: 'bob', password: 'pw' },
]
const OAKLAND_ID = '5f0c0c0c0c0c0c0c0c0c0c01'

const names = (reply: { body: any }) => reply.body.response.places.map((place: { name: string }) => place.name)

describe('places in a fixture', () => {
  it('seeds places every endpoint sees as created ones: fields, owner, tags, custom fields, geo queries', async () => {
    const fixtures: Fixture = {
      users,
      places: [
        { owner: 'alice', name: 'HQ', city: 'Mountain View', latitude: '37.389', longitude: -122.05, tags: 'office, hq' },
        { owner: 'bob', id: OAKLAND_ID.toUpperCase(), name: 'Oakland', latitude: 37.8044, longitude: -122.2708, custom_fields: { rooms: 3 }, created_at: '2020-01-02T03:04:05Z' },
      ],
    }
    const cloud = await createMockCloud({ fixtures })
    const shown = await inProcessCall(cloud, 'GET', 'places/show', { place_id: OAKLAND_ID })
    expect(shown.body.response.places[0]).toMatchObject({
      id: OAKLAND_ID,
      name: 'Oakland',
      latitude: 37.8044,
      longitude: -122.2708,
      custom_fields: { rooms: 3 },
      created_at: '2020-01-02T03:04:05+0000',
      user: { username: 'bob' },
    })
    const hq = (await inProcessCall(cloud, 'GET', 'places/query', { where: { tags_array: 'hq' } })).body.response.places
    expect(hq).toMatchObject([{ name: 'HQ', city: 'Mountain View', latitude: 37.389, tags: ['office', 'hq'], user: { username: 'alice' } }])
    const near = await inProcessCall(cloud, 'GET', 'places/query', { where: { lnglat: { $nearSphere: [-122.27, 37.8] } } })
    expect(names(near)).toEqual(['Oakland', 'HQ'])
    await cloud.close()
  })

  it('lets a seed add places owned by users of the data set', async () => {
    const cloud = await createMockCloud({ fixtures: { users } })
    await cloud.seed({ places: [{ owner: 'alice', name: 'Cafe', address: '1 Main St' }] })
    expect(names(await inProcessCall(cloud, 'GET', 'places/query'))).toEqual(['Cafe'])
    await cloud.close()
  })

  it.each([
    [{ owner: 'alice', name: 'x', city: 'y', latitude: 'north' }, 'places[0].latitude: Latitude is not a number'],
    [{ owner: 'alice', city: 'y' }, "places[0].name: Name can't be blank"],
    [{ owner: 'alice', name: 'x', latitude: 1 }, 'places[0]: Place must have one the of [longitude, latitude] or address or city or state or country or postal_code'],
    [{ owner: 'alice', name: { text: 'x' }, city: 'y' }, 'places[0].name: Invalid name parameter: expected text, got an object'],
    [{ owner: 'alice', name: 'x', city: 'y', tags: [1] }, 'places[0].tags: Invalid tags parameter'],
    [{ owner: 'alice', name: 'x', city: 'y', custom_fields: { 'a.b': 1 } }, 'places[0].custom_fields.a.b: is not a field name a client could store'],
    [{ owner: 'alice', name: 'x', city: 'y', id: 'nope' }, 'places[0].id: must be 24 hex characters'],
    [{ owner: 'alice', name: 'x', city: 'y', lat: 1 }, 'places[0].lat: is not a place field'],
    [{ name: 'x', city: 'y' }, 'places[0].owner: must be the username of a user of this fixture'],
    [{ owner: 'zed', name: 'x', city: 'y' }, 'places[0].owner: no user "zed"'],
  ])('refuses %j naming the field', async (entry, message) => {
    const start = createMockCloud({ fixtures: { users, places: [entry] } as never })
    await expect(start).rejects.toBeInstanceOf(FixtureError)
    await expect(start).rejects.toThrow(`fixtures option: ${message}`)
  })
})

describe('check-ins in a fixture', () => {
  const places = [{ owner: 'bob', id: OAKLAND_ID, name: 'Oakland', city: 'Oakland' }]
  const CHECKIN_ID = '5f0c0c0c0c0c0c0c0c0c0c02'

  it('seeds check-ins at seeded places, shown with their place and liked by their id', async () => {
    const checkins = [{ owner: 'alice', id: CHECKIN_ID, place_id: OAKLAND_ID.toUpperCase(), message: 'here', tags: 'fun, bay', custom_fields: { mood: 'ok' } }]
    const cloud = await createMockCloud({ fixtures: { users, places, checkins } })
    const shown = await inProcessCall(cloud, 'GET', 'checkins/show', { checkin_id: CHECKIN_ID })
    expect(shown.body.response.checkins[0]).toMatchObject({
      id: CHECKIN_ID,
      message: 'here',
      tags: ['fun', 'bay'],
      custom_fields: { mood: 'ok' },
      place_id: OAKLAND_ID,
      place: { id: OAKLAND_ID, name: 'Oakland' },
      user: { username: 'alice' },
    })
    const login = await inProcessCall(cloud, 'POST', 'users/login', { login: 'bob', password: 'pw' })
    const liked = await inProcessCall(cloud, 'POST', 'likes/create', { checkin_id: CHECKIN_ID }, login.body.meta.session_id)
    expect(liked.body.response.likes[0]).toMatchObject({ likeable_type: 'Checkin', likeable_id: CHECKIN_ID })
    await cloud.close()
  })

  it.each([
    [{ owner: 'alice' }, 'checkins[0].place_id: Place or event is required'],
    [{ owner: 'alice', place_id: '5f0c0c0c0c0c0c0c0c0c0c09' }, 'checkins[0].place_id: Invalid place id: no place "5f0c0c0c0c0c0c0c0c0c0c09" in this fixture'],
    [{ owner: 'alice', place_id: OAKLAND_ID, event_id: OAKLAND_ID }, 'checkins[0].event_id: is not a check-in field'],
    [{ owner: 'alice', place_id: OAKLAND_ID, tags: { a: 1 } }, 'checkins[0].tags: Invalid tags parameter'],
    [{ owner: 'zed', place_id: OAKLAND_ID }, 'checkins[0].owner: no user "zed"'],
  ])('refuses %j naming the field', async (entry, message) => {
    const start = createMockCloud({ fixtures: { users, places, checkins: [entry] } as never })
    await expect(start).rejects.toBeInstanceOf(FixtureError)
    await expect(start).rejects.toThrow(`fixtures option: ${message}`)
  })
})

describe('statuses and posts in a fixture', () => {
  const places = [{ owner: 'bob', id: OAKLAND_ID, name: 'Oakland', city: 'Oakland' }]

  it('seeds statuses (at a seeded place) and posts, as the API shows them', async () => {
    const cloud = await createMockCloud({
      fixtures: {
        users,
        places,
        statuses: [{ owner: 'alice', message: 'Out for lunch', place_id: OAKLAND_ID, tags: ['food'] }],
        posts: [{ owner: 'bob', title: 'Hello', content: 'First post', custom_fields: { n: 1 }, created_at: '2021-01-01T00:00:00Z' }],
      },
    })
    const statuses = (await inProcessCall(cloud, 'GET', 'statuses/query')).body.response.statuses
    expect(statuses).toMatchObject([{ message: 'Out for lunch', place_id: OAKLAND_ID, tags: ['food'], user: { username: 'alice' } }])
    const posts = (await inProcessCall(cloud, 'GET', 'posts/query')).body.response.posts
    expect(posts).toMatchObject([{ title: 'Hello', content: 'First post', custom_fields: { n: 1 }, created_at: '2021-01-01T00:00:00+0000', user: { username: 'bob' } }])
    await cloud.close()
  })

  it.each([
    [{ statuses: [{ owner: 'alice', message: ' ' }] }, "statuses[0].message: Message can't be blank"],
    [{ statuses: [{ owner: 'alice', message: 'x', place_id: '5f0c0c0c0c0c0c0c0c0c0c09' }] }, 'statuses[0].place_id: Invalid place id'],
    [{ statuses: [{ owner: 'alice', message: 'x', event_id: OAKLAND_ID }] }, 'statuses[0].event_id: is not a status field'],
    [{ posts: [{ owner: 'alice', title: 'x' }] }, "posts[0].content: Content can't be blank"],
    [{ posts: [{ owner: 'alice', content: 'x', title: 3 }] }, 'posts[0].title: must be a non-empty string'],
    [{ posts: [{ content: 'x' }] }, 'posts[0].owner: must be the username of a user of this fixture'],
  ])('refuses %j naming the field', async (entries, message) => {
    const start = createMockCloud({ fixtures: { users, places, ...entries } as never })
    await expect(start).rejects.toBeInstanceOf(FixtureError)
    await expect(start).rejects.toThrow(`fixtures option: ${message}`)
  })
})
