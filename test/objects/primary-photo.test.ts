import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { inProcessCall } from '../support/in-process-call.js'

/**
 * A custom object's primary photo through app.request() (docs/api.md "Primary photos"): `photo`
 * uploads a real Photos object the object's owner owns, `photo_id` attaches a stored one, replies
 * show `photo_id` and embed `photo`; Users' side is in test/users/photo.test.ts.
 */

let cloud: MockCloud
let alice: string
let bob: string

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01, 0x02])

const call = (verb: string, path: string, params: Record<string, string | Blob> = {}, sessionId?: string) => inProcessCall(cloud, verb, path, params, sessionId)

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  alice = await sessionOf(cloud, 'alice')
  bob = await sessionOf(cloud, 'bob')
})

describe('custom objects: photo and photo_id', () => {
  it('create with photo makes a Photos object the owner owns; create, show and query embed it beside photo_id', async () => {
    const reply = await call('POST', 'objects/cars/create', { fields: '{"make":"Saab"}', photo: new Blob([PNG]), photo_sizes: '{"thumb":"10x10"}' }, alice)
    expect(reply.body.meta).toMatchObject({ status: 'ok', method_name: 'createObject' })
    const car = reply.body.response.cars[0]
    expect(car.photo_id).toMatch(/^[0-9a-f]{24}$/)
    expect(car.photo).toMatchObject({ id: car.photo_id, filename: 'pic.png', size: PNG.byteLength, content_type: 'image/png' })
    expect(car.photo.user).toBeUndefined()
    const photo = (await call('GET', 'photos/show', { photo_id: car.photo_id })).body.response.photos[0]
    expect(photo).toMatchObject({ id: car.photo_id, user: { id: ids.alice }, urls: { thumb: expect.any(String), original: expect.any(String) } })
    const shown = (await call('GET', 'objects/cars/show', { id: car.id })).body.response.cars[0]
    expect(shown).toMatchObject({ photo_id: car.photo_id, photo: { id: car.photo_id, processed: true, urls: photo.urls } })
    const queried = (await call('GET', 'objects/cars/query')).body.response.cars[0]
    expect(queried.photo).toEqual(shown.photo)
    const served = await cloud.app.request(new URL(photo.urls.original).pathname)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)
  })

  it('update attaches a stored photo by photo_id (any case) and removes it with photo_id=""; an attached photo stays, an uploaded one goes', async () => {
    const car = (await call('POST', 'objects/cars/create', { fields: '{"n":1}', photo: new Blob([PNG]) }, alice)).body.response.cars[0]
    const other = (await call('POST', 'objects/cars/create', { fields: '{"n":2}' }, alice)).body.response.cars[0]
    const attached = await call('PUT', 'objects/cars/update', { id: other.id, photo_id: car.photo_id.toUpperCase() }, alice)
    expect(attached.body.response.cars[0]).toMatchObject({ n: 2, photo_id: car.photo_id, photo: { id: car.photo_id } })
    const kept = await call('PUT', 'objects/cars/update', { id: other.id, fields: '{"n":3}' }, alice)
    expect(kept.body.response.cars[0].photo_id).toBe(car.photo_id)
    const removed = await call('PUT', 'objects/cars/update', { id: other.id, photo_id: '' }, alice)
    expect(removed.body.response.cars[0]).not.toHaveProperty('photo_id')
    expect(removed.body.response.cars[0]).not.toHaveProperty('photo')
    expect((await call('GET', 'photos/show', { photo_id: car.photo_id })).body.meta.status).toBe('ok')
    await call('PUT', 'objects/cars/update', { id: car.id, photo: '' }, alice)
    expect((await call('GET', 'photos/show', { photo_id: car.photo_id })).body.meta.message).toBe('Invalid photo id')
  })

  it('deleting the object keeps its photo', async () => {
    const car = (await call('POST', 'objects/cars/create', { fields: '{"n":1}', photo: new Blob([PNG]) }, alice)).body.response.cars[0]
    await call('DELETE', 'objects/cars/delete', { id: car.id }, alice)
    expect((await call('GET', 'photos/show', { photo_id: car.photo_id })).body.meta.status).toBe('ok')
  })

  it('refuses bytes that are no image, an unknown or malformed photo_id, and both at once, with 400; nothing is stored', async () => {
    const refusals: [Record<string, string | Blob>, string][] = [
      [{ photo: new Blob(['not an image'], { type: 'image/png' }) }, 'Invalid photo file attachment'],
      [{ photo: 'text' }, 'Invalid photo file attachment'],
      [{ photo_id: '5f00000000000000000000aa' }, 'Invalid photo id'],
      [{ photo_id: 'x' }, 'Invalid photo id'],
      [{ photo: new Blob([PNG]), photo_id: '5f00000000000000000000aa' }, 'Invalid photo parameter: send photo or photo_id, not both'],
    ]
    for (const [params, message] of refusals) {
      const reply = await call('POST', 'objects/cars/create', { fields: '{"n":1}', ...params }, alice)
      expect(reply.body.meta, message).toEqual({ status: 'fail', code: 400, message, method_name: 'createObject' })
    }
    expect((await call('GET', 'objects/cars/count')).body.meta.count).toBe(0)
    expect((await call('GET', 'photos/count')).body.meta.count).toBe(0)
  })

  it('an update someone may not make stores no photo', async () => {
    const car = (await call('POST', 'objects/cars/create', { fields: '{"n":1}' }, alice)).body.response.cars[0]
    const reply = await call('PUT', 'objects/cars/update', { id: car.id, photo: new Blob([PNG]) }, bob)
    expect(reply.status).toBe(403)
    expect((await call('GET', 'photos/count')).body.meta.count).toBe(0)
  })

  it('a photo the viewer may not read is not embedded; photo_id still shows', async () => {
    const acl = await call('POST', 'acls/create', { name: 'mine' }, alice)
    expect(acl.body.meta.status).toBe('ok')
    const photo = (await call('POST', 'photos/create', { photo: new Blob([PNG]), acl_name: 'mine' }, alice)).body.response.photos[0]
    const car = (await call('POST', 'objects/cars/create', { fields: '{"n":1}', photo_id: photo.id }, alice)).body.response.cars[0]
    const seen = (await call('GET', 'objects/cars/show', { id: car.id }, bob)).body.response.cars[0]
    expect(seen.photo_id).toBe(photo.id)
    expect(seen).not.toHaveProperty('photo')
  })
})

describe('users: a failed sign-up stores no photo', () => {
  it('a taken username with a photo leaves no photo behind', async () => {
    const reply = await call('POST', 'users/create', { username: 'alice', password: 'p', password_confirmation: 'p', photo: new Blob([PNG]) })
    expect(reply.body.meta.status).toBe('fail')
    expect((await call('GET', 'photos/count')).body.meta.count).toBe(0)
  })
})
