import { readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../support/client.js'
import { outcome } from '../support/titanium.js'
import { sdk } from '../support/arrowdb-calls.js'

/**
 * Photos end to end over real HTTP: the `arrowdb` SDK (1.0.12) uploads a PNG from a path as
 * multipart, the Node `Cloud` uploads a Blob, and the URLs a reply gives are fetched from the
 * running server; a restart from the data file keeps the bytes.
 */

let dir: string
/** A PNG signature followed by bytes that are not valid UTF-8. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80])

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-cloud-photos-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('Photos over real HTTP', () => {
  it('the arrowdb SDK: photosCreate with a PNG → show → fetch every url → query → update → count → remove; a restart from the data file keeps the bytes', async () => {
    const data = join(dir, 'data.json')
    const path = join(dir, 'sunset.png')
    const text = join(dir, 'invalidphotos.jpg')
    await writeFile(path, PNG)
    await writeFile(text, 'this is not an image')
    const { server } = await startServer({ data })
    try {
      const app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
      expect((await sdk(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })).err).toBeNull()
      const made = await sdk(app, 'photosCreate', { photo: path, title: 'Sunset', tags: 'sky, red', photo_sizes: { preview: '100x100#' } })
      expect(made.err).toBeNull()
      expect(made.result.body.meta.method_name).toBe('createPhoto')
      const photo = made.result.body.response.photos[0]
      expect(photo).toMatchObject({ filename: 'sunset.png', content_type: 'image/png', size: PNG.length, processed: false, tags: ['sky', 'red'] })
      const bad = await sdk(app, 'photosCreate', { photo: text })
      expect(bad.err?.statusCode).toBe(400)
      expect(bad.err?.body.meta.message).toBe('Invalid photo file attachment')
      const shown = await sdk(app, 'photosShow', { photo_id: photo.id })
      const { urls } = shown.result.body.response.photos[0]
      expect(urls).toEqual({
        preview: `${server.url}/storage/TESTKEY/photos/${photo.id}/sunset_preview.png`,
        original: `${server.url}/storage/TESTKEY/photos/${photo.id}/sunset_original.png`,
      })
      for (const url of Object.values(urls) as string[]) {
        const served = await fetch(url)
        expect(served.headers.get('Content-Type')).toBe('image/png')
        expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG)
      }
      const found = await sdk(app, 'photosQuery', { where: { title: 'Sunset' } })
      expect(found.result.body.meta.method_name).toBe('queryPhoto')
      expect(found.result.body.response.photos.map((p: { id: string }) => p.id)).toEqual([photo.id])
      const searched = await sdk(app, 'photosSearch', { q: 'sunset', user_id: photo.user.id })
      expect(searched.result.body.meta).toMatchObject({ method_name: 'searchPhotos', total_results: 1 })
      expect(searched.result.body.response.photos.map((p: { id: string }) => p.id)).toEqual([photo.id])
      const updated = await sdk(app, 'photosUpdate', { photo_id: photo.id, title: 'Dusk' })
      expect(updated.result.body.response.photos[0].title).toBe('Dusk')
      expect((await sdk(app, 'photosCount')).result.body.meta.count).toBe(1)
      expect((await sdk(app, 'photosShow', { photo_id: 'invalid' })).err?.body.meta.message).toBe('Invalid photo id')
      await server.stop()
      const again = (await startServer({ data })).server
      try {
        expect(Buffer.from(await (await fetch(urls.original.replace(server.url, again.url))).arrayBuffer())).toEqual(PNG)
        const relogged = new ArrowDB('TESTKEY', { apiEntryPoint: again.url })
        await sdk(relogged, 'usersLogin', { login: 'alice', password: 'pw-alice' })
        expect((await sdk(relogged, 'photosRemove', { photo_id: photo.id })).result.body.meta.method_name).toBe('deletePhoto')
        expect((await sdk(relogged, 'photosCount')).result.body.meta.count).toBe(0)
      } finally {
        await again.stop()
      }
    } finally {
      await server.stop()
    }
  })

  it('Cloud: the Ti.Filesystem.getFile stand-in of docs/clients.md (a File from the bytes and name) and an ArrayBuffer upload; the user photo answers processed at once', async () => {
    const path = join(dir, 'me.png')
    await writeFile(path, PNG)
    const getFile = (...parts: string[]) => new File([readFileSync(join(...parts))], basename(join(...parts)))
    const { server } = await startServer()
    try {
      const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
      await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
      const byFile = await outcome((cb) => Cloud.Photos.create({ photo: getFile(dir, 'me.png') }, cb))
      expect(byFile).toMatchObject({ success: true, photos: [{ filename: 'me.png', content_type: 'image/png', processed: false }] })
      const bytes = PNG.buffer.slice(PNG.byteOffset, PNG.byteOffset + PNG.byteLength)
      const byBuffer = await outcome((cb) => Cloud.Photos.create({ photo: bytes }, cb))
      expect(byBuffer).toMatchObject({ success: true, photos: [{ filename: 'photo', size: PNG.byteLength }] })
      const user = (await outcome((cb) => Cloud.Users.update({ photo: getFile(path) }, cb))).users[0]
      expect(user.photo).toMatchObject({ filename: 'me.png', processed: true, urls: { original: expect.stringContaining('/me_original.png') } })
    } finally {
      await server.stop()
    }
  })

  it('Cloud.Photos: a Blob is uploaded as multipart, shown with its urls, updated and removed', async () => {
    const { server } = await startServer()
    try {
      const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
      await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
      const made = await outcome((cb) => Cloud.Photos.create({ photo: new Blob([PNG], { type: 'image/png' }), title: 'Blob' }, cb))
      expect(made).toMatchObject({ success: true, photos: [{ title: 'Blob', processed: false, content_type: 'image/png' }] })
      const id = made.photos[0].id
      const shown = await outcome((cb) => Cloud.Photos.show({ photo_id: id }, cb))
      expect(Buffer.from(await (await fetch(shown.photos[0].urls.original)).arrayBuffer())).toEqual(PNG)
      const updated = await outcome((cb) => Cloud.Photos.update({ photo_id: id, tags: 'a,b' }, cb))
      expect(updated.photos[0].tags).toEqual(['a', 'b'])
      expect((await outcome((cb) => Cloud.Photos.query({ where: { tags_array: 'a' } }, cb))).photos).toHaveLength(1)
      expect((await outcome((cb) => Cloud.Photos.search({ q: 'blob' }, cb))).photos.map((p: { id: string }) => p.id)).toEqual([id])
      expect((await outcome((cb) => Cloud.Photos.remove({ photo_id: id }, cb))).success).toBe(true)
      expect((await fetch(shown.photos[0].urls.original)).status).toBe(404)
    } finally {
      await server.stop()
    }
  })
})
