import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/** PhotoCollections (and Photos filed in them) through app.request(): one test per rule of docs/photo-collections.md. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])
const ZERO = { photos: 0, total_photos: 0, subcollections: 0 }

const call = (verb: string, path: string, params: Record<string, string> = {}, sessionId?: string) => inProcessCall(cloud, verb, path, params, sessionId)

async function collection(params: Record<string, string>, sessionId = alice): Promise<any> {
  const reply = await call('POST', 'collections/create', params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok' })
  return reply.body.response.collections[0]
}

async function photo(params: Record<string, string> = {}, sessionId = alice, verb = 'POST', method = 'create'): Promise<any> {
  const form = new FormData()
  for (const [name, value] of Object.entries(params)) form.append(name, value)
  form.append('photo', new Blob([PNG]), 'cat.png')
  const reply = await cloud.app.request(`/v1/photos/${method}.json?key=K&_session_id=${sessionId}`, { method: verb, body: form })
  const body = (await reply.json()) as any
  expect(body.meta, JSON.stringify(body.meta)).toMatchObject({ status: 'ok' })
  return body.response.photos[0]
}

const shown = async (id: string, sessionId?: string): Promise<any> =>
  (await call('GET', 'collections/show', { collection_id: id }, sessionId)).body.response.collections[0]

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  alice = await sessionOf(cloud, 'alice')
  bob = await sessionOf(cloud, 'bob')
  admin = await sessionOf(cloud, 'admin')
})

describe('collections/create', () => {
  it('answers the new collection with zero counts and its owner', async () => {
    const reply = await call('POST', 'collections/create', { name: 'Party', custom_fields: '{"year":2024}' }, alice)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createCollection' })
    expect(reply.body.response.collections).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Party',
        created_at: expect.stringMatching(/\+0000$/),
        updated_at: expect.stringMatching(/\+0000$/),
        counts: ZERO,
        user: expect.objectContaining({ id: ids.alice, username: 'alice' }),
        custom_fields: { year: 2024 },
      },
    ])
  })

  it('refuses a call without a session, a blank name, a name the owner has at that level, and a bad parent; nothing is made', async () => {
    await collection({ name: 'Party' })
    expect(failure(await call('POST', 'collections/create', { name: 'Other' }))).toEqual({ status: 400, message: 'Failed to authenticate user', method_name: 'createCollection' })
    expect(failure(await call('POST', 'collections/create', { name: ' ' }, alice))).toMatchObject({ status: 400, message: "Failed to create collection: Validation failed - Name can't be blank." })
    expect(failure(await call('POST', 'collections/create', { name: 'Party' }, alice))).toMatchObject({ status: 400, message: 'Failed to create collection: Validation failed - Name is already taken.' })
    for (const bad of ['nope', '0123456789abcdef01234567']) {
      expect(failure(await call('POST', 'collections/create', { name: 'Kid', parent_collection_id: bad }, alice))).toMatchObject({ status: 400, message: 'Invalid collection id' })
    }
    expect(failure(await call('POST', 'collections/create', { name: 'Covered', cover_photo_id: '0123456789abcdef01234567' }, alice))).toMatchObject({ status: 400, message: 'Invalid photo id' })
    expect((await call('GET', 'collections/count')).body.meta.count).toBe(1)
  })

  it('takes the same name under another parent, and from another owner', async () => {
    const party = await collection({ name: 'Party' })
    await collection({ name: 'Party', parent_collection_id: party.id })
    await collection({ name: 'Party' }, bob)
    expect((await call('GET', 'collections/count')).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'collectionsCount', count: 3 })
  })

  it('makes a subcollection: the parent counts it, the child embeds its parent', async () => {
    const party = await collection({ name: 'Party' })
    const child = await collection({ name: 'Dance', parent_collection_id: party.id })
    expect(child.parent_collection).toMatchObject({ id: party.id, name: 'Party', counts: { photos: 0, total_photos: 0, subcollections: 1 } })
    expect(child.parent_collection.user).toBeUndefined()
    expect((await shown(party.id)).counts).toEqual({ photos: 0, total_photos: 0, subcollections: 1 })
  })

  it("refuses a parent whose ACL does not let the owner write it (401)", async () => {
    const party = await collection({ name: 'Party' })
    expect(failure(await call('POST', 'collections/create', { name: 'Mine', parent_collection_id: party.id }, bob))).toEqual({
      status: 401,
      message: 'You are not authorized to perform this action.',
      method_name: 'createCollection',
    })
  })
})

describe('photos filed in collections', () => {
  it('collection_id files the photo: counts rise at once, total_photos up the tree, the photo embeds its collection', async () => {
    const party = await collection({ name: 'Party' })
    const child = await collection({ name: 'Dance', parent_collection_id: party.id })
    const made = await photo({ collection_id: child.id })
    expect(made.collections).toEqual([expect.objectContaining({ id: child.id, name: 'Dance', counts: { photos: 1, total_photos: 1, subcollections: 0 } })])
    expect((await shown(child.id)).counts).toEqual({ photos: 1, total_photos: 1, subcollections: 0 })
    expect((await shown(party.id)).counts).toEqual({ photos: 0, total_photos: 1, subcollections: 1 })
  })

  it('refuses an unknown collection_id with 400 Invalid collection id, and someone else’s with 401; no photo is made', async () => {
    const party = await collection({ name: 'Party' })
    for (const [params, sessionId, expected] of [
      [{ collection_id: '0123456789abcdef01234567' }, alice, { status: 400, message: 'Invalid collection id' }],
      [{ collection_id: party.id }, bob, { status: 401, message: 'You are not authorized to perform this action.' }],
    ] as const) {
      const form = new FormData()
      form.append('collection_id', params.collection_id)
      form.append('photo', new Blob([PNG]), 'cat.png')
      const reply = await cloud.app.request(`/v1/photos/create.json?key=K&_session_id=${sessionId}`, { method: 'POST', body: form })
      expect(failure({ status: reply.status, body: await reply.json() })).toEqual({ ...expected, method_name: 'createPhoto' })
    }
    expect((await call('GET', 'photos/count')).body.meta.count).toBe(0)
  })

  it('collection_name files the photo in the owner’s top-level collection of that name, made when missing', async () => {
    const first = await photo({ collection_name: 'Trips' })
    const second = await photo({ collection_name: 'Trips' })
    expect(second.collections[0].id).toBe(first.collections[0].id)
    const trips = await shown(first.collections[0].id)
    expect(trips).toMatchObject({ name: 'Trips', counts: { photos: 2, total_photos: 2, subcollections: 0 }, user: { id: ids.alice } })
  })

  it('photos/update with collection_id moves the photo: both collections’ counts follow', async () => {
    const a = await collection({ name: 'A' })
    const b = await collection({ name: 'B' })
    const made = await photo({ collection_id: a.id })
    const moved = await call('PUT', 'photos/update', { photo_id: made.id, collection_id: b.id }, alice)
    expect(moved.body.response.photos[0].collections[0].id).toBe(b.id)
    expect((await shown(a.id)).counts.photos).toBe(0)
    expect((await shown(b.id)).counts.photos).toBe(1)
    // An update that does not name a collection keeps it.
    const retitled = await call('PUT', 'photos/update', { photo_id: made.id, title: 'x' }, alice)
    expect(retitled.body.response.photos[0].collections[0].id).toBe(b.id)
  })

  it('a deleted photo leaves its collection', async () => {
    const party = await collection({ name: 'Party' })
    const made = await photo({ collection_id: party.id })
    await call('DELETE', 'photos/delete', { photo_id: made.id }, alice)
    expect((await shown(party.id)).counts.photos).toBe(0)
  })
})

describe('collections/show/photos and show/subcollections', () => {
  it('show/photos lists the photos filed directly, under photos, a page at a time with the paged meta', async () => {
    const party = await collection({ name: 'Party' })
    const child = await collection({ name: 'Dance', parent_collection_id: party.id })
    const made = [await photo({ collection_id: party.id }), await photo({ collection_id: party.id }), await photo({ collection_id: party.id })]
    await photo({ collection_id: child.id })
    const reply = await call('GET', 'collections/show/photos', { collection_id: party.id, per_page: '2', page: '2' })
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'showCollectionPhotos', page: 2, per_page: 2, total_pages: 2, total_results: 3 })
    expect(reply.body.response.collections).toBeUndefined()
    expect(reply.body.response.photos.map((each: any) => each.id)).toEqual([made[2].id])
    expect(reply.body.response.photos[0]).toMatchObject({ processed: true, urls: { original: expect.stringContaining(made[2].id) } })
  })

  it('a photo held by manual processing is listed and covered unprocessed, without urls', async () => {
    await cloud.setSettings('K', { processing: 'manual' })
    const party = await collection({ name: 'Party' })
    const made = await photo({ collection_id: party.id })
    const listed = (await call('GET', 'collections/show/photos', { collection_id: party.id })).body.response.photos[0]
    expect(listed).toMatchObject({ id: made.id, processed: false })
    expect(listed.urls).toBeUndefined()
    const cover = (await shown(party.id)).cover_photo
    expect(cover).toMatchObject({ id: made.id, processed: false })
    expect(cover.urls).toBeUndefined()
  })

  it('show/subcollections lists the direct children under collections, with their counts', async () => {
    const party = await collection({ name: 'Party' })
    const child = await collection({ name: 'Dance', parent_collection_id: party.id })
    await collection({ name: 'Deeper', parent_collection_id: child.id })
    const reply = await call('GET', 'collections/show/subcollections', { collection_id: party.id })
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'showCollectionSubcollections', page: 1, per_page: 10, total_pages: 1, total_results: 1 })
    expect(reply.body.response.collections).toEqual([expect.objectContaining({ id: child.id, counts: { photos: 0, total_photos: 0, subcollections: 1 } })])
  })

  it('both refuse a missing, malformed or unknown collection_id, and a bad per_page', async () => {
    for (const path of ['collections/show/photos', 'collections/show/subcollections', 'collections/show']) {
      expect(failure(await call('GET', path))).toMatchObject({ status: 400, message: 'Required field: collection_id' })
      expect(failure(await call('GET', path, { collection_id: 'x' }))).toMatchObject({ status: 400, message: 'Invalid collection id' })
      expect(failure(await call('GET', path, { collection_id: '0123456789abcdef01234567' }))).toMatchObject({ status: 400, message: 'Invalid collection id' })
    }
    const party = await collection({ name: 'Party' })
    expect(failure(await call('GET', 'collections/show/photos', { collection_id: party.id, per_page: '0' }))).toMatchObject({ status: 400, message: expect.stringMatching(/per_page/) })
  })
})

describe('cover photos', () => {
  it('cover_photo_id embeds any photo, in the collection or not, and counts stay; "" removes it', async () => {
    const party = await collection({ name: 'Party' })
    const elsewhere = await photo({ tags: 'a, b' })
    const reply = await call('PUT', 'collections/update', { collection_id: party.id, cover_photo_id: elsewhere.id }, alice)
    expect(reply.body.meta.method_name).toBe('updateCollection')
    const updated = reply.body.response.collections[0]
    expect(updated.cover_photo).toMatchObject({ id: elsewhere.id, tags: ['a', 'b'], processed: true })
    expect(updated.cover_photo.user).toBeUndefined()
    expect(updated.counts).toEqual(ZERO)
    const cleared = await call('PUT', 'collections/update', { collection_id: party.id, cover_photo_id: '' }, alice)
    expect(cleared.body.response.collections[0].cover_photo).toBeUndefined()
  })

  it('without one, the cover is the oldest photo filed here, else the first found down the children; a deleted cover gives way', async () => {
    const party = await collection({ name: 'Party' })
    const child = await collection({ name: 'Dance', parent_collection_id: party.id })
    const deep = await photo({ collection_id: child.id })
    expect((await shown(party.id)).cover_photo.id).toBe(deep.id)
    const own = await photo({ collection_id: party.id })
    await photo({ collection_id: party.id })
    expect((await shown(party.id)).cover_photo.id).toBe(own.id)
    const chosen = await photo()
    await call('PUT', 'collections/update', { collection_id: party.id, cover_photo_id: chosen.id }, alice)
    expect((await shown(party.id)).cover_photo.id).toBe(chosen.id)
    await call('DELETE', 'photos/delete', { photo_id: chosen.id }, alice)
    expect((await shown(party.id)).cover_photo.id).toBe(own.id)
  })
})

describe('collections/update', () => {
  it('renames, merges custom fields, and refuses a name taken at the same level', async () => {
    const party = await collection({ name: 'Party', custom_fields: '{"a":1}' })
    await collection({ name: 'Taken' })
    const reply = await call('PUT', 'collections/update', { collection_id: party.id, name: 'Bash', custom_fields: '{"b":2}' }, alice)
    expect(reply.body.response.collections[0]).toMatchObject({ name: 'Bash', custom_fields: { a: 1, b: 2 } })
    expect(failure(await call('PUT', 'collections/update', { collection_id: party.id, name: 'Taken' }, alice))).toEqual({
      status: 400,
      message: 'Failed to update collection: Validation failed - Name is already taken.',
      method_name: 'updateCollection',
    })
    expect((await shown(party.id)).name).toBe('Bash')
  })

  it('ignores parent_collection_id: a collection does not move', async () => {
    const party = await collection({ name: 'Party' })
    const other = await collection({ name: 'Other' })
    await call('PUT', 'collections/update', { collection_id: other.id, parent_collection_id: party.id }, alice)
    expect((await shown(other.id)).parent_collection).toBeUndefined()
  })

  it('refuses someone else’s collection with 401, and no session with 400', async () => {
    const party = await collection({ name: 'Party' })
    expect(failure(await call('PUT', 'collections/update', { collection_id: party.id, name: 'Mine' }, bob))).toMatchObject({ status: 401 })
    expect(failure(await call('PUT', 'collections/update', { collection_id: party.id, name: 'Mine' }))).toMatchObject({ status: 400, message: 'Failed to authenticate user' })
    const admins = await call('PUT', 'collections/update', { collection_id: party.id, name: 'Admins' }, admin)
    expect(admins.body.response.collections[0].name).toBe('Admins')
  })
})

describe('collections/delete', () => {
  it('deletes an empty collection (meta only); its cover photo stays', async () => {
    const cover = await photo()
    const party = await collection({ name: 'Party', cover_photo_id: cover.id })
    const reply = await call('DELETE', 'collections/delete', { collection_id: party.id }, alice)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteCollection' } })
    expect(failure(await call('GET', 'collections/show', { collection_id: party.id }))).toMatchObject({ status: 400, message: 'Invalid collection id' })
    expect((await call('GET', 'photos/show', { photo_id: cover.id })).body.meta.status).toBe('ok')
  })

  it('refuses a collection holding a photo or a subcollection with 400 Collection is not empty.', async () => {
    const withPhoto = await collection({ name: 'Photos' })
    await photo({ collection_id: withPhoto.id })
    const withChild = await collection({ name: 'Parent' })
    await collection({ name: 'Child', parent_collection_id: withChild.id })
    for (const id of [withPhoto.id, withChild.id]) {
      expect(failure(await call('DELETE', 'collections/delete', { collection_id: id }, alice))).toEqual({ status: 400, message: 'Collection is not empty.', method_name: 'deleteCollection' })
    }
    expect((await call('GET', 'collections/count')).body.meta.count).toBe(3)
  })

  it('refuses someone else’s collection with 401; an admin deletes any', async () => {
    const party = await collection({ name: 'Party' })
    expect(failure(await call('DELETE', 'collections/delete', { collection_id: party.id }, bob))).toMatchObject({ status: 401 })
    expect((await call('DELETE', 'collections/delete', { collection_id: party.id }, admin)).body.meta.status).toBe('ok')
  })
})

describe('collections/search', () => {
  it('lists the top-level collections of user_id only, paged, with the paged meta', async () => {
    const party = await collection({ name: 'Party' })
    await collection({ name: 'Dance', parent_collection_id: party.id })
    const trips = await collection({ name: 'Trips' })
    await collection({ name: 'Bobs' }, bob)
    const reply = await call('GET', 'collections/search', { user_id: ids.alice, per_page: '1', page: '2', q: 'Dance', limit: '100' })
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'searchCollections', page: 2, per_page: 1, total_pages: 2, total_results: 2 })
    expect(reply.body.response.collections.map((each: any) => each.id)).toEqual([trips.id])
  })

  it('refuses a missing user_id and a malformed one', async () => {
    expect(failure(await call('GET', 'collections/search'))).toEqual({ status: 400, message: 'Required field: user_id', method_name: 'searchCollections' })
    expect(failure(await call('GET', 'collections/search', { user_id: 'x' }))).toMatchObject({ status: 400, message: "Invalid object id: 'x'" })
  })

  it('leaves out collections the caller’s ACL does not let read', async () => {
    await call('POST', 'acls/create', { name: 'private', reader_ids: ids.alice }, alice)
    await collection({ name: 'Secret', acl_name: 'private' })
    expect((await call('GET', 'collections/search', { user_id: ids.alice }, bob)).body.response.collections).toEqual([])
    expect((await call('GET', 'collections/search', { user_id: ids.alice }, alice)).body.response.collections).toHaveLength(1)
  })
})

describe('collections/batch_delete', () => {
  it('is for admins (403 otherwise); deletes what where matches, full or not: its photos stay, unfiled, its children become top-level', async () => {
    const party = await collection({ name: 'Party' })
    const child = await collection({ name: 'Dance', parent_collection_id: party.id })
    const made = await photo({ collection_id: party.id })
    expect(failure(await call('DELETE', 'collections/batch_delete', {}, alice))).toMatchObject({ status: 403, message: 'You are not authorized to perform this action.' })
    const reply = await call('DELETE', 'collections/batch_delete', { where: JSON.stringify({ name: 'Party' }) }, admin)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'batchDelete' } })
    const kept = (await call('GET', 'photos/show', { photo_id: made.id })).body.response.photos[0]
    expect(kept.collections).toBeUndefined()
    expect((await shown(child.id)).parent_collection).toBeUndefined()
    expect((await call('GET', 'collections/search', { user_id: ids.alice })).body.response.collections.map((each: any) => each.id)).toEqual([child.id])
  })
})

describe('collections/query', () => {
  it('reads parent_collection_id and user_id in where', async () => {
    const party = await collection({ name: 'Party' })
    const child = await collection({ name: 'Dance', parent_collection_id: party.id })
    const reply = await call('GET', 'collections/query', { where: JSON.stringify({ parent_collection_id: party.id, user_id: ids.alice }) })
    expect(reply.body.meta.method_name).toBe('queryCollections')
    expect(reply.body.response.collections.map((each: any) => each.id)).toEqual([child.id])
  })
})
