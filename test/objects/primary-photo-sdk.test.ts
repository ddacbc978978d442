import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../support/client.js'
import { outcome } from '../support/titanium.js'
import { ok } from '../support/arrowdb-calls.js'

/**
 * Primary photos end to end over real HTTP (docs/api.md "Primary photos"): the `arrowdb` SDK
 * uploads a user's photo and a custom object's photo from a path, the replies embed them, and
 * their urls serve the bytes; the Node `Cloud` attaches a stored photo to a user by photo_id.
 */

let dir: string
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10])

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-cloud-primary-photo-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('primary photos over real HTTP', () => {
  it('the arrowdb SDK: usersUpdate and customObjectsCreate with a photo path; the photos are Photos objects whose urls serve the bytes', async () => {
    const path = join(dir, 'me.png')
    await writeFile(path, PNG)
    const { server } = await startServer()
    try {
      const app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
      await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
      const me = (await ok(app, 'usersUpdate', { photo: path })).body.response.users[0]
      expect(me).toMatchObject({ photo_id: me.photo.id, photo: { filename: 'me.png', content_type: 'image/png', size: PNG.length } })
      const car = (await ok(app, 'customObjectsCreate', { classname: 'cars', fields: { make: 'mini' }, photo: path })).body.response.cars[0]
      expect(car.photo).toMatchObject({ id: car.photo_id, filename: 'me.png' })
      const shown = (await ok(app, 'customObjectsShow', { classname: 'cars', id: car.id })).body.response.cars[0]
      expect(Buffer.from(await (await fetch(shown.photo.urls.original)).arrayBuffer())).toEqual(PNG)
      const owned = (await ok(app, 'photosQuery', { where: { user_id: me.id } })).body.response.photos
      expect(owned.map((photo: { id: string }) => photo.id).sort()).toEqual([me.photo.id, car.photo_id].sort())
    } finally {
      await server.stop()
    }
  })

  it('Cloud.Users.update attaches a stored photo by photo_id', async () => {
    const { server } = await startServer()
    try {
      const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
      await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
      const photo = (await outcome((cb) => Cloud.Photos.create({ photo: new Blob([PNG], { type: 'image/png' }) }, cb))).photos[0]
      const updated = await outcome((cb) => Cloud.Users.update({ photo_id: photo.id }, cb))
      expect(updated.users[0]).toMatchObject({ photo_id: photo.id, photo: { id: photo.id, content_type: 'image/png' } })
    } finally {
      await server.stop()
    }
  })
})
