import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/** Photos through app.request(): one test per rule of docs/photos.md. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string

/** A PNG signature followed by bytes that are not valid UTF-8, so a text round trip would change them. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0x80, 0xfe])
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46])

const session = (username: string): Promise<string> => sessionOf(cloud, username)

const call = (verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) => inProcessCall(cloud, verb, `photos/${method}`, params, sessionId)

/** A multipart call with `photo` as an uploaded part (bytes named `filename`, of type `type`) beside text parameters. */
async function upload(verb: string, method: string, bytes: Uint8Array, params: Record<string, string>, sessionId?: string, filename = 'cat.png', type = 'image/png') {
  const form = new FormData()
  for (const [name, value] of Object.entries(params)) form.append(name, value)
  form.append('photo', new Blob([bytes], { type }), filename)
  const reply = await cloud.app.request(`/v1/photos/${method}.json?key=K${sessionId ? `&_session_id=${sessionId}` : ''}`, { method: verb, body: form })
  return { status: reply.status, body: (await reply.json()) as any }
}

async function created(params: Record<string, string> = {}, sessionId = alice, bytes: Uint8Array = PNG) {
  const reply = await upload('POST', 'create', bytes, params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok' })
  return reply.body.response.photos[0] as { id: string; [field: string]: unknown }
}

async function shown(id: string, sessionId?: string) {
  return (await call('GET', 'show', { photo_id: id }, sessionId)).body.response.photos[0]
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  alice = await session('alice')
  bob = await session('bob')
  admin = await session('admin')
})

describe('photos/create', () => {
  it('answers the photo unprocessed, without urls, with size, md5 and the type read from the bytes; the next request sees it processed', async () => {
    const reply = await upload('POST', 'create', PNG, { title: 'Cat', tags: 'pets, cats', custom_fields: '{"n":1}' }, alice, 'cat.png', 'application/octet-stream')
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createPhoto' })
    const photo = reply.body.response.photos[0]
    expect(photo).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      filename: 'cat.png',
      size: PNG.byteLength,
      md5: createHash('md5').update(PNG).digest('hex'),
      created_at: expect.stringMatching(/\+0000$/),
      updated_at: expect.stringMatching(/\+0000$/),
      processed: false,
      user: expect.objectContaining({ id: ids.alice, username: 'alice' }),
      content_type: 'image/png',
      title: 'Cat',
      tags: ['pets', 'cats'],
      custom_fields: { n: 1 },
    })
    const later = await shown(photo.id)
    expect(later).toMatchObject({ id: photo.id, processed: true, urls: { original: `http://localhost/storage/K/photos/${photo.id}/cat_original.png` } })
  })

  it('reports every asked-for size (JSON or bracket form) beside original, each serving the original bytes', async () => {
    const json = await created({ photo_sizes: '{"preview":"120x120#","wide":"640x480"}' })
    expect(Object.keys((await shown(json.id)).urls)).toEqual(['preview', 'wide', 'original'])
    const bracket = await created({ 'photo_sizes[thumb]': '100x100#' })
    const { urls } = await shown(bracket.id)
    expect(Object.keys(urls)).toEqual(['thumb', 'original'])
    for (const url of Object.values(urls) as string[]) {
      const served = await cloud.app.request(url)
      expect(served.status).toBe(200)
      expect(served.headers.get('Content-Type')).toBe('image/png')
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)
    }
  })

  it('takes jpeg and gif by their bytes, whatever the name says', async () => {
    const jpeg = await upload('POST', 'create', JPEG, {}, alice, 'upload.bin', 'application/octet-stream')
    expect(jpeg.body.response.photos[0]).toMatchObject({ content_type: 'image/jpeg', filename: 'upload.bin' })
    const gif = await upload('POST', 'create', new TextEncoder().encode('GIF89a....'), {}, alice, 'a.gif', 'image/gif')
    expect(gif.body.response.photos[0].content_type).toBe('image/gif')
    expect((await shown(jpeg.body.response.photos[0].id)).urls.original).toMatch(/\/upload_original\.jpg$/)
  })

  it('refuses a missing photo, text named like an image, a photo sent as text and bad sizes, and stores nothing', async () => {
    expect(failure(await call('POST', 'create', {}, alice))).toEqual({ status: 400, message: 'Photo parameter required for photo upload', method_name: 'createPhoto' })
    const text = await upload('POST', 'create', new TextEncoder().encode('not an image'), {}, alice, 'invalidphotos.jpg', 'image/jpeg')
    expect(failure(text)).toEqual({ status: 400, message: 'Invalid photo file attachment', method_name: 'createPhoto' })
    expect(failure(await call('POST', 'create', { photo: 'cat.png' }, alice)).message).toBe('Invalid photo file attachment')
    expect(failure(await upload('POST', 'create', PNG, { photo_sizes: '{"p":"big"}' }, alice)).message).toBe('Invalid photo size: p')
    const six = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => [`photo_sizes[${name}]`, '10x10']))
    expect(failure(await upload('POST', 'create', PNG, six, alice)).message).toBe('Invalid photo size: f')
    expect(failure(await upload('POST', 'create', PNG, {}))).toEqual({ status: 400, message: 'Failed to authenticate user', method_name: 'createPhoto' })
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
  })
})

describe('photos/show, update, delete', () => {
  it('answers 400 Invalid photo id for a malformed or unknown id, Required field without one', async () => {
    for (const id of ['invalid', '0123456789abcdef01234567']) {
      expect(failure(await call('GET', 'show', { photo_id: id }))).toEqual({ status: 400, message: 'Invalid photo id', method_name: 'showPhoto' })
      expect(failure(await call('PUT', 'update', { photo_id: id }, alice)).message).toBe('Invalid photo id')
      expect(failure(await call('DELETE', 'delete', { photo_id: id }, alice))).toEqual({ status: 400, message: 'Invalid photo id', method_name: 'deletePhoto' })
    }
    expect(failure(await call('GET', 'show'))).toEqual({ status: 400, message: 'Required field: photo_id', method_name: 'showPhoto' })
  })

  it('update keeps what is not sent, replaces tags and sizes; a new photo is answered unprocessed and then served', async () => {
    const photo = await created({ title: 'Cat', tags: 'a,b', photo_sizes: '{"p":"10x10"}' })
    const titled = await call('PUT', 'update', { photo_id: photo.id, tags: 'c', custom_data_fields: 'tolerated' }, alice)
    expect(titled.body.meta.method_name).toBe('updatePhoto')
    expect(titled.body.response.photos[0]).toMatchObject({ title: 'Cat', tags: ['c'], processed: true, urls: { p: expect.any(String) } })
    const replaced = await upload('PUT', 'update', JPEG, { photo_id: photo.id, photo_sizes: '{"q":"20x20"}' }, alice, 'dog.jpg', 'image/jpeg')
    expect(replaced.body.response.photos[0]).toMatchObject({ filename: 'dog.jpg', content_type: 'image/jpeg', size: JPEG.byteLength, processed: false, title: 'Cat' })
    expect(replaced.body.response.photos[0].urls).toBeUndefined()
    const { urls } = await shown(photo.id)
    expect(Object.keys(urls)).toEqual(['q', 'original'])
    expect(new Uint8Array(await (await cloud.app.request(urls.q)).arrayBuffer())).toEqual(JPEG)
  })

  it('only the owner, an ACL writer or an admin updates and deletes; a deleted photo’s urls answer 404', async () => {
    const photo = await created()
    expect(failure(await call('PUT', 'update', { photo_id: photo.id, title: 'x' }, bob)).status).toBe(401)
    expect(failure(await call('DELETE', 'delete', { photo_id: photo.id }, bob)).status).toBe(401)
    expect((await call('PUT', 'update', { photo_id: photo.id, title: 'by admin' }, admin)).body.response.photos[0].title).toBe('by admin')
    const url = (await shown(photo.id)).urls.original
    const deleted = await call('DELETE', 'delete', { photo_id: photo.id }, alice)
    expect(deleted.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deletePhoto' } })
    const gone = await cloud.app.request(url)
    expect(gone.status).toBe(404)
    expect(((await gone.json()) as any).meta.status).toBe('fail')
  })

  it('a photo under an ACL is shown, queried and written only by whom the ACL names; count counts it for anyone', async () => {
    const acl = await cloud.app.request(`/v1/acls/create.json?key=K&_session_id=${alice}`, {
      method: 'POST',
      body: new URLSearchParams({ name: 'just-carol', reader_ids: ids.carol, writer_ids: ids.carol }),
    })
    expect(acl.status).toBe(200)
    const photo = await created({ acl_name: 'just-carol' })
    expect(photo.acls).toBeDefined()
    const carol = await session('carol')
    expect(failure(await call('GET', 'show', { photo_id: photo.id }, bob))).toMatchObject({ status: 401, method_name: 'showPhoto' })
    expect((await call('GET', 'query', {}, bob)).body.response.photos).toEqual([])
    expect((await shown(photo.id, carol)).id).toBe(photo.id)
    expect((await call('PUT', 'update', { photo_id: photo.id, title: 'by-carol' }, carol)).body.response.photos[0].title).toBe('by-carol')
    expect((await call('GET', 'count', {}, bob)).body.meta).toMatchObject({ count: 1, method_name: 'photosCount' })
  })
})

describe('photos/query, count, batch_delete', () => {
  it('queries by user_id, title and tags_array with queryPhoto', async () => {
    const mine = await created({ title: 'Sunset', tags: 'sky,red' })
    await created({ title: 'Dog' }, bob)
    const byUser = await call('GET', 'query', { where: JSON.stringify({ user_id: ids.alice }), limit: '100' })
    expect(byUser.body.meta.method_name).toBe('queryPhoto')
    expect(byUser.body.response.photos.map((p: { id: string }) => p.id)).toEqual([mine.id])
    expect((await call('GET', 'query', { where: '{"tags_array":"sky"}' })).body.response.photos.map((p: { id: string }) => p.id)).toEqual([mine.id])
    expect((await call('GET', 'query', { order: 'title' })).body.response.photos.map((p: { title: string }) => p.title)).toEqual(['Dog', 'Sunset'])
  })

  it('batch_delete is for admins and removes what where matches', async () => {
    await created({ title: 'a' })
    await created({ title: 'b' })
    expect(failure(await call('DELETE', 'batch_delete', {}, alice))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'batchDelete' })
    expect((await call('DELETE', 'batch_delete', { where: '{"title":"a"}' }, admin)).body.meta.status).toBe('ok')
    expect((await call('GET', 'query')).body.response.photos.map((p: { title: string }) => p.title)).toEqual(['b'])
  })
})

describe('the legacyPhotoSizes app setting', () => {
  it('adds the six default sizes to every photo’s urls, old or new, beside the asked-for ones; each serves the original bytes', async () => {
    const made = await created({ photo_sizes: '{"preview":"10x10#"}' })
    expect(Object.keys((await shown(made.id)).urls)).toEqual(['preview', 'original'])
    await cloud.setSettings('K', { legacyPhotoSizes: true })
    const { urls } = await shown(made.id)
    expect(Object.keys(urls)).toEqual(['square_75', 'thumb_100', 'small_240', 'medium_500', 'medium_640', 'large_1024', 'preview', 'original'])
    expect(urls.square_75).toBe(`http://localhost/storage/K/photos/${made.id}/cat_square_75.png`)
    const served = await cloud.app.request(new URL(urls.large_1024).pathname)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)
    const refused = await cloud.app.request('/__mock/settings?key=K', { method: 'PUT', body: new URLSearchParams({ legacyPhotoSizes: 'nope' }) })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as any).meta.message).toMatch(/legacyPhotoSizes/)
  })
})

describe('photos/search', () => {
  it('finds by keywords in title, filename and tags (whole words, all of them), by user_id, paged with the search meta', async () => {
    const sky = await created({ title: 'Red sky', tags: 'sunset' })
    const sea = await created({ title: 'Sea', tags: 'sunset, water' })
    const bobs = await created({ title: 'Red sky' }, bob)
    const reply = await call('GET', 'search', { q: 'sunset', per_page: '1', page: '2' })
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'searchPhotos', page: 2, per_page: 1, total_pages: 2, total_results: 2 })
    expect(reply.body.response.photos.map((p: { id: string }) => p.id)).toEqual([sea.id])
    expect(reply.body.response.photos[0]).toMatchObject({ processed: true, urls: { original: expect.any(String) } })
    const found = async (params: Record<string, string>) => (await call('GET', 'search', params)).body.response.photos.map((p: { id: string }) => p.id)
    expect(await found({ q: 'red sky' })).toEqual([sky.id, bobs.id])
    expect(await found({ q: 'red sky', user_id: ids.bob })).toEqual([bobs.id])
    expect(await found({ q: 'cat' })).toEqual([sky.id, sea.id, bobs.id])
    expect(await found({ q: 'sun' })).toEqual([])
    expect(await found({ user_id: ids.alice })).toEqual([sky.id, sea.id])
  })

  it('leaves out photos the caller may not read, and refuses a malformed user_id', async () => {
    const acl = await cloud.app.request(`/v1/acls/create.json?key=K&_session_id=${alice}`, { method: 'POST', body: new URLSearchParams({ name: 'mine' }) })
    expect(acl.status).toBe(200)
    await created({ title: 'hidden', acl_name: 'mine' })
    expect((await call('GET', 'search', { q: 'hidden' }, bob)).body.response.photos).toEqual([])
    expect((await call('GET', 'search', { q: 'hidden' }, alice)).body.response.photos).toHaveLength(1)
    expect(failure(await call('GET', 'search', { user_id: 'x' }))).toEqual({ status: 400, message: "Invalid object id: 'x'", method_name: 'searchPhotos' })
  })

  it('still answers with the legacySearch app setting false: ArrowDB 1.3.0 did not deprecate it', async () => {
    await cloud.setSettings('K', { legacySearch: false })
    const reply = await call('GET', 'search', { q: 'x' })
    expect(reply.body.meta).toMatchObject({ status: 'ok', method_name: 'searchPhotos' })
  })
})

describe('photos in the data set', () => {
  it('an export keeps the bytes (base64) and an import serves them back; a reset drops them', async () => {
    const photo = await created()
    const url = (await shown(photo.id)).urls.original
    const exported = cloud.exportData('K') as any
    expect(exported.collections.photos).toEqual([expect.objectContaining({ id: photo.id, data: Buffer.from(PNG).toString('base64') })])
    await cloud.reset('K')
    expect((await cloud.app.request(url)).status).toBe(404)
    await cloud.importData(exported, 'K')
    expect(new Uint8Array(await (await cloud.app.request(url)).arrayBuffer())).toEqual(PNG)
  })

  it('an import refuses a photo record without its bytes', async () => {
    await created()
    const exported = cloud.exportData('K') as any
    delete exported.collections.photos[0].data
    await expect(cloud.importData(exported, 'K')).rejects.toThrow(/data/)
  })
})
