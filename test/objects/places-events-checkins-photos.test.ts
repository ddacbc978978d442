import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/**
 * The primary photo of places, events and checkins through app.request() (docs/api.md "Primary
 * photos"): `photo` uploads a Photos object the owner owns, `photo_id` attaches a stored one,
 * replies show `photo_id` and embed `photo`, `photo_id=` removes it, a refused call stores nothing.
 */

let cloud: MockCloud
let alice: string

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01, 0x02])

/** Each object: how to make one (given a place id), its response key, its id parameter, its update verb. */
const OBJECTS = [
  { segment: 'places', key: 'places', id: 'place_id', make: () => ({ name: 'HQ', city: 'Mountain View' }) },
  { segment: 'events', key: 'events', id: 'event_id', make: () => ({ name: 'Launch', start_time: '2030-01-01T10:00:00Z' }) },
  { segment: 'checkins', key: 'checkins', id: 'checkin_id', make: (place: string) => ({ place_id: place, message: 'here' }) },
] as const

let placeId: string

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  alice = await sessionOf(cloud, 'alice')
  placeId = (await inProcessCall(cloud, 'POST', 'places/create', { name: 'Base', city: 'Oakland' }, alice)).body.response.places[0].id
})

const photoCount = async () => (await inProcessCall(cloud, 'GET', 'photos/count')).body.meta.count

describe.each(OBJECTS)('$segment: photo and photo_id', ({ segment, key, id, make }) => {
  it('create with photo makes a Photos object alice owns; show and query embed it beside photo_id', async () => {
    const made = await inProcessCall(cloud, 'POST', `${segment}/create`, { ...make(placeId), photo: new Blob([PNG]) }, alice)
    const record = made.body.response[key][0]
    expect(record.photo_id).toMatch(/^[0-9a-f]{24}$/)
    expect(record.photo).toMatchObject({ id: record.photo_id, content_type: 'image/png' })
    expect((await inProcessCall(cloud, 'GET', 'photos/show', { photo_id: record.photo_id })).body.response.photos[0].user.id).toBe(ids.alice)
    const shown = (await inProcessCall(cloud, 'GET', `${segment}/show`, { [id]: record.id })).body.response[key][0]
    expect(shown).toMatchObject({ photo_id: record.photo_id, photo: { id: record.photo_id, processed: true } })
    const queried = (await inProcessCall(cloud, 'GET', `${segment}/query`, { where: { id: record.id } })).body.response[key][0]
    expect(queried.photo.id).toBe(record.photo_id)
  })

  it('update attaches a stored photo by photo_id and removes it with photo_id=, the attached photo kept', async () => {
    const record = (await inProcessCall(cloud, 'POST', `${segment}/create`, make(placeId), alice)).body.response[key][0]
    expect(record).not.toHaveProperty('photo_id')
    const photo = (await inProcessCall(cloud, 'POST', 'photos/create', { photo: new Blob([PNG]) }, alice)).body.response.photos[0]
    const attached = (await inProcessCall(cloud, 'PUT', `${segment}/update`, { [id]: record.id, photo_id: photo.id }, alice)).body.response[key][0]
    expect(attached).toMatchObject({ photo_id: photo.id, photo: { id: photo.id } })
    const removed = (await inProcessCall(cloud, 'PUT', `${segment}/update`, { [id]: record.id, photo_id: '' }, alice)).body.response[key][0]
    expect(removed).not.toHaveProperty('photo_id')
    expect(await photoCount()).toBe(1)
  })

  it('refuses a photo that is no image and a photo_id of no photo, storing nothing', async () => {
    expect(failure(await inProcessCall(cloud, 'POST', `${segment}/create`, { ...make(placeId), photo: new Blob(['not an image']) }, alice)).message).toBe(
      'Invalid photo file attachment',
    )
    expect(failure(await inProcessCall(cloud, 'POST', `${segment}/create`, { ...make(placeId), photo_id: '5f00000000000000000000ff' }, alice)).message).toBe(
      'Invalid photo id',
    )
    expect((await inProcessCall(cloud, 'GET', `${segment}/count`)).body.meta.count).toBe(segment === 'places' ? 1 : 0)
    expect(await photoCount()).toBe(0)
  })

  it('deleting the record keeps its photo', async () => {
    const record = (await inProcessCall(cloud, 'POST', `${segment}/create`, { ...make(placeId), photo: new Blob([PNG]) }, alice)).body.response[key][0]
    await inProcessCall(cloud, 'DELETE', `${segment}/delete`, { [id]: record.id }, alice)
    expect(await photoCount()).toBe(1)
  })
})
