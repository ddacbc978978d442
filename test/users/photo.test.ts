import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { login, startServer, type Call } from '../support/client.js'
import { ids } from '../support/fixture-s.js'

// photo / photo_id on users/create and users/update (docs/users.md "Writes", "Replies", "Photos"),
// response_json_depth, show_user_like and unknown parameters (docs/api.md "Status codes", docs/users.md "Writes").
let server: RunningMockCloud
let call: Call
beforeEach(async () => ({ server, call } = await startServer()))
afterEach(() => server.stop())

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00')
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex')
const signUp = { username: 'pic', password: 'p', password_confirmation: 'p' }

describe('photo uploads', () => {
  it('create with a png makes a real Photos object the new user owns: embedded as photo beside photo_id, served at its url, counted in stats', async () => {
    const reply = await call('POST', 'users/create', {}, {
      multipart: { ...signUp, photo: new File([PNG], 'me.png', { type: 'application/octet-stream' }) },
    })
    expect(reply.status).toBe(200)
    const user = reply.body.response.users[0]
    expect(user.photo).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      filename: 'me.png',
      size: PNG.byteLength,
      md5: md5(PNG),
      content_type: 'image/png',
      processed: true,
      urls: { original: `${server.url}/storage/TESTKEY/photos/${user.photo.id}/me_original.png` },
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      updated_at: expect.stringMatching(/\+0000$/),
    })
    expect(user.photo_id).toBe(user.photo.id)
    expect(user.stats).toEqual({ photos: { total_count: 1 }, storage: { used: PNG.byteLength } })
    const shown = await call('GET', 'users/show', { user_id: user.id })
    expect(shown.body.response.users[0].photo).toEqual(user.photo)
    const photo = (await call('GET', 'photos/show', { photo_id: user.photo.id })).body.response.photos[0]
    expect(photo).toMatchObject({ id: user.photo.id, user: { id: user.id, username: 'pic' } })
    expect(new Uint8Array(await (await fetch(user.photo.urls.original)).arrayBuffer())).toEqual(PNG)
  })

  it.each([
    ['a gif by content', new File([GIF], 'a.gif'), 'image/gif'],
    ['a jpeg by content', new File([JPEG], 'a.bin', { type: 'text/plain' }), 'image/jpeg'],
  ])('update takes %s', async (_name, photo, content_type) => {
    const session = await login(call, 'bob', 'pw-bob')
    const reply = await call('PUT', 'users/update', {}, { session, multipart: { photo } })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users[0].photo).toMatchObject({ content_type, filename: photo.name })
  })

  it.each([
    ['a text file', { photo: new File(['hello'], 'notes.txt', { type: 'text/plain' }) }],
    ['a pdf', { photo: new File(['%PDF-1.4'], 'a.pdf', { type: 'application/pdf' }) }],
    ['text declared image/jpeg (the bytes decide, as on photos/create)', { photo: new File(['not really'], 'fake.jpg', { type: 'image/jpeg' }) }],
    ['text instead of a file', { photo: 'me.png' }],
  ])('refuses %s with 400 Invalid photo type. and changes nothing', async (_name, multipart) => {
    const session = await login(call, 'bob', 'pw-bob')
    const reply = await call('PUT', 'users/update', {}, { session, multipart: { ...multipart, first_name: 'Bobby' } })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toEqual({ status: 'fail', code: 400, message: 'Invalid photo type.', method_name: 'updateUser' })
    expect((await call('GET', 'users/show/me', {}, { session })).body.response.users[0]).not.toHaveProperty('first_name')
  })

  it('refuses a bad photo on create and creates nobody', async () => {
    const reply = await call('POST', 'users/create', {}, { multipart: { ...signUp, photo: new File(['x'], 'x.jpg', { type: 'image/jpeg' }) } })
    expect(reply.body.meta).toEqual({ status: 'fail', code: 400, message: 'Invalid photo type.', method_name: 'createUser' })
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
  })

  it('photo= or photo_id= sent empty removes the photo; an uploaded one is deleted with it', async () => {
    const session = await login(call, 'bob', 'pw-bob')
    const uploaded = (await call('PUT', 'users/update', {}, { session, multipart: { photo: new File([PNG], 'a.png') } })).body.response.users[0].photo
    const byPhoto = await call('PUT', 'users/update', {}, { session, form: { photo: '' } })
    expect(byPhoto.body.response.users[0]).not.toHaveProperty('photo')
    expect(byPhoto.body.response.users[0]).not.toHaveProperty('photo_id')
    expect((await call('GET', 'photos/show', { photo_id: uploaded.id })).body.meta.message).toBe('Invalid photo id')
    expect(byPhoto.body.response.users[0].stats).toEqual({ photos: { total_count: 0 }, storage: { used: 0 } })
    await call('PUT', 'users/update', {}, { session, multipart: { photo: new File([PNG], 'a.png') } })
    const byId = await call('PUT', 'users/update', {}, { session, form: { photo_id: '' } })
    expect(byId.body.response.users[0]).not.toHaveProperty('photo')
  })

  it('an update without photo parameters keeps the photo', async () => {
    const session = await login(call, 'bob', 'pw-bob')
    const withPhoto = await call('PUT', 'users/update', {}, { session, multipart: { photo: new File([GIF], 'g.gif') } })
    const later = await call('PUT', 'users/update', {}, { session, form: { first_name: 'Bob' } })
    expect(later.body.response.users[0].photo).toEqual(withPhoto.body.response.users[0].photo)
  })
})

describe('photo_id', () => {
  it('names a stored photo: the user gets that Photos object, which stays when the user lets it go', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    const uploaded = (await call('PUT', 'users/update', {}, { session: alice, multipart: { photo: new File([PNG], 'a.png') } })).body
      .response.users[0].photo
    const bob = await login(call, 'bob', 'pw-bob')
    const reply = await call('PUT', 'users/update', {}, { session: bob, form: { photo_id: uploaded.id.toUpperCase() } })
    expect(reply.body.response.users[0]).toMatchObject({ photo_id: uploaded.id, photo: uploaded })
    expect(reply.body.response.users[0].stats.photos.total_count).toBe(0)
    await call('PUT', 'users/update', {}, { session: bob, form: { photo_id: '' } })
    expect((await call('GET', 'photos/show', { photo_id: uploaded.id })).body.meta.status).toBe('ok')
  })

  it.each([
    ['a malformed photo_id', { photo_id: 'abc' }, 'Invalid photo id'],
    ['a photo_id of no photo', { photo_id: '5f00000000000000000000aa' }, 'Invalid photo id'],
    ['photo and photo_id together', { photo_id: '5f00000000000000000000aa', photo: new File([PNG], 'a.png') }, 'Invalid photo parameter: send photo or photo_id, not both'],
  ])('answers %s with 400 and stores nothing', async (_name, multipart, message) => {
    const session = await login(call, 'bob', 'pw-bob')
    const reply = await call('PUT', 'users/update', {}, { session, multipart })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toEqual({ status: 'fail', code: 400, message, method_name: 'updateUser' })
    expect((await call('GET', 'photos/count')).body.meta.count).toBe(0)
  })
})

describe('parameters accepted without effect', () => {
  it('response_json_depth and show_user_like leave show, query and show/me answers as they are', async () => {
    const session = await login(call, 'alice', 'pw-alice')
    for (const [verb, endpoint, query] of [
      ['GET', 'users/show', { user_id: ids.bob }],
      ['GET', 'users/query', { where: { color: 'red' } }],
      ['GET', 'users/show/me', {}],
    ] as const) {
      const plain = await call(verb, endpoint, query, { session })
      const extra = await call(verb, endpoint, { ...query, response_json_depth: 3, show_user_like: true }, { session })
      expect(extra.status).toBe(200)
      expect(extra.body).toEqual(plain.body)
      expect(JSON.stringify(extra.body)).not.toContain('current_user_liked')
    }
  })

  it('unknown extra parameters do not break create or update', async () => {
    const created = await call('POST', 'users/create', {}, { form: { ...signUp, emptyDictionary: '{}', photo_sizes: '{}' } })
    expect(created.status).toBe(200)
    const updated = await call('PUT', 'users/update', {}, { session: created.body.meta.session_id, form: { emptyDictionary: '{}', role: 'teacher' } })
    expect(updated.body.response.users[0]).toMatchObject({ username: 'pic', role: 'teacher' })
  })
})
