import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../support/client.js'
import { outcome } from '../support/titanium.js'
import { ok, refused } from '../support/arrowdb-calls.js'

/**
 * PhotoCollections end to end over real HTTP: the `arrowdb` SDK (1.0.12) builds a parent and a
 * child collection, files a photo uploaded from a path in the child, lists photos and
 * subcollections, searches, renames, counts and takes it all down in the order a client must;
 * the Node `Cloud` does the same through `Cloud.PhotoCollections`.
 */

let dir: string
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff])

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-cloud-collections-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('PhotoCollections over real HTTP', () => {
  it('the arrowdb SDK: create parent and child → photo in the child → showPhotos, showSubcollections, search, update, count → delete', async () => {
    const path = join(dir, 'party.png')
    await writeFile(path, PNG)
    const { server } = await startServer()
    try {
      const app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
      const me = (await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })).body.response.users[0]
      const parent = (await ok(app, 'photoCollectionsCreate', { name: 'Name' })).body.response.collections[0]
      const made = await ok(app, 'photoCollectionsCreate', { name: 'Name child', parent_collection_id: parent.id })
      expect(made.body.meta.method_name).toBe('createCollection')
      const child = made.body.response.collections[0]
      expect(child.counts).toEqual({ photos: 0, total_photos: 0, subcollections: 0 })
      const photo = (await ok(app, 'photosCreate', { photo: path, collection_id: child.id })).body.response.photos[0]
      const photos = await ok(app, 'photoCollectionsShowPhotos', { collection_id: child.id })
      expect(photos.body.meta.method_name).toBe('showCollectionPhotos')
      expect(photos.body.response.photos.map((each: { id: string }) => each.id)).toEqual([photo.id])
      const children = await ok(app, 'photoCollectionsShowSubcollections', { collection_id: parent.id })
      expect(children.body.meta.method_name).toBe('showCollectionSubcollections')
      expect(children.body.response.collections.map((each: { id: string }) => each.id)).toEqual([child.id])
      const shown = (await ok(app, 'photoCollectionsShow', { collection_id: parent.id })).body.response.collections[0]
      expect(shown).toMatchObject({ counts: { photos: 0, total_photos: 1, subcollections: 1 }, cover_photo: { id: photo.id } })
      const found = await ok(app, 'photoCollectionsSearch', { user_id: me.id, q: 'Name', limit: 100 })
      expect(found.body.meta).toMatchObject({ method_name: 'searchCollections', total_results: 1 })
      expect(found.body.response.collections.map((each: { id: string }) => each.id)).toEqual([parent.id])
      const renamed = await ok(app, 'photoCollectionsUpdate', { collection_id: parent.id, name: 'Renamed' })
      expect(renamed.body.response.collections[0].name).toBe('Renamed')
      expect((await ok(app, 'photoCollectionsCount')).body.meta.count).toBe(2)
      expect((await refused(app, 'photoCollectionsDelete', { collection_id: parent.id })).body.meta.message).toBe('Collection is not empty.')
      await ok(app, 'photosDelete', { photo_id: photo.id })
      expect((await ok(app, 'photoCollectionsDelete', { collection_id: child.id })).body.meta.method_name).toBe('deleteCollection')
      await ok(app, 'photoCollectionsRemove', { collection_id: parent.id })
      expect((await refused(app, 'photoCollectionsShow', { collection_id: parent.id })).body.meta.message).toBe('Invalid collection id')
    } finally {
      await server.stop()
    }
  })

  it('Cloud.PhotoCollections: create, a Blob filed in it, show, showPhotos, showSubcollections, search, update and remove', async () => {
    const { server } = await startServer()
    try {
      const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
      const me = (await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))).users[0]
      const party = (await outcome((cb) => Cloud.PhotoCollections.create({ name: 'Party Pictures' }, cb))).collections[0]
      const child = (await outcome((cb) => Cloud.PhotoCollections.create({ name: 'Dance', parent_collection_id: party.id }, cb))).collections[0]
      const photo = (await outcome((cb) => Cloud.Photos.create({ photo: new Blob([PNG], { type: 'image/png' }), collection_id: party.id }, cb))).photos[0]
      expect((await outcome((cb) => Cloud.PhotoCollections.show({ collection_id: party.id }, cb))).collections[0].counts).toEqual({ photos: 1, total_photos: 1, subcollections: 1 })
      const listed = await outcome((cb) => Cloud.PhotoCollections.showPhotos({ page: 1, per_page: 20, collection_id: party.id }, cb))
      expect(listed.photos.map((each: { id: string }) => each.id)).toEqual([photo.id])
      const subs = await outcome((cb) => Cloud.PhotoCollections.showSubcollections({ page: 1, per_page: 20, collection_id: party.id }, cb))
      expect(subs.collections.map((each: { id: string }) => each.id)).toEqual([child.id])
      expect((await outcome((cb) => Cloud.PhotoCollections.search({ user_id: me.id }, cb))).collections).toHaveLength(1)
      const updated = await outcome((cb) => Cloud.PhotoCollections.update({ collection_id: party.id, cover_photo_id: photo.id }, cb))
      expect(updated.collections[0].cover_photo.id).toBe(photo.id)
      const full = await outcome((cb) => Cloud.PhotoCollections.remove({ collection_id: party.id }, cb))
      expect(full).toMatchObject({ success: false, error: true, code: 400, message: 'Collection is not empty.' })
      expect((await outcome((cb) => Cloud.PhotoCollections.remove({ collection_id: child.id }, cb))).success).toBe(true)
    } finally {
      await server.stop()
    }
  })
})
