import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { ok, refused, sdk } from '../support/arrowdb-calls.js'

/**
 * Places end to end over real HTTP, as the clients' own suites drive them: the `arrowdb` SDK
 * (1.0.12: create with `response_json_depth`, update by PUT, `placesRemove`, the 410 of search on
 * a newer app) and the Node `Cloud` (ti.cloud's anvil suite: create two places, search, query by
 * `$in`, update keeps what is not sent).
 */

const server = serverForFile()

describe('Places over real HTTP', () => {
  it('the arrowdb SDK: create → show → update → query near → search → count → remove, and its errors', async () => {
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
    const made = await ok(app, 'placesCreate', { name: 'Oakland', city: 'Oakland', latitude: 37.8044, longitude: -122.2708, custom_fields: { a: 1 }, response_json_depth: 3 })
    expect(made.body.meta.method_name).toBe('createPlace')
    const id = made.body.response.places[0].id as string
    expect((await ok(app, 'placesShow', { place_id: id })).body.response.places[0]).toMatchObject({ id, name: 'Oakland', custom_fields: { a: 1 } })
    expect((await ok(app, 'placesUpdate', { place_id: id, name: 'Oakland CA' })).body.response.places[0]).toMatchObject({ name: 'Oakland CA', city: 'Oakland' })
    const near = await ok(app, 'placesQuery', { where: { lnglat: { $nearSphere: [-122.27, 37.8], $maxDistance: 0.00126 } } })
    expect(near.body.response.places.map((place: { id: string }) => place.id)).toEqual([id])
    const found = await ok(app, 'placesSearch', { latitude: 37.8, longitude: -122.27 })
    expect(found.body.response.places[0]).toMatchObject({ id, distance: expect.any(Number) })
    expect((await ok(app, 'placesCount')).body.meta.count).toBe(1)
    expect((await refused(app, 'placesShow', { place_id: 'invalid' })).statusCode).toBe(400)
    expect((await ok(app, 'placesRemove', { place_id: id })).body.meta.method_name).toBe('deletePlace')
    expect((await ok(app, 'placesCount')).body.meta.count).toBe(0)
  })

  it('the arrowdb SDK meets the 410 of search on an app with legacySearch false', async () => {
    await fetch(`${server().url}/__mock/settings?key=TESTKEY`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ legacySearch: false }) })
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    const { err } = await sdk(app, 'placesSearch', {})
    expect(err?.statusCode).toBe(410)
    expect(err?.message).toContain('search.json has been deprecated. Please use $text query')
  })

  it('Cloud.Places as ti.cloud’s suite calls it', async () => {
    const Cloud = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
    const hq = await outcome((cb) => Cloud.Places.create({ name: 'Appcelerator HQ', city: 'Mountain View', tags: 'appcelerator, hq' }, cb))
    expect(hq).toMatchObject({ success: true, places: [{ name: 'Appcelerator HQ', tags: ['appcelerator', 'hq'] }] })
    await outcome((cb) => Cloud.Places.create({ name: 'Apple', city: 'Cupertino' }, cb))
    expect((await outcome((cb) => Cloud.Places.search({}, cb))).places).toHaveLength(2)
    expect((await outcome((cb) => Cloud.Places.search({ q: 'Appcelerator' }, cb))).places.map((place: { name: string }) => place.name)).toEqual(['Appcelerator HQ'])
    expect((await outcome((cb) => Cloud.Places.query({ where: { city: { $in: ['Mountain View', 'Cupertino'] } } }, cb))).places).toHaveLength(2)
    const id = hq.places[0].id
    const updated = await outcome((cb) => Cloud.Places.update({ place_id: id, name: 'HQ', twitter: 'appcelerator' }, cb))
    expect(updated.places[0]).toMatchObject({ name: 'HQ', twitter: 'appcelerator', city: 'Mountain View' })
    expect((await outcome((cb) => Cloud.Places.show({ place_id: id }, cb))).places[0].name).toBe('HQ')
    expect((await outcome((cb) => Cloud.Places.remove({ place_id: id }, cb))).success).toBe(true)
    expect(await outcome((cb) => Cloud.Places.show({ place_id: id }, cb))).toMatchObject({ success: false, code: 400, message: 'Invalid place id' })
  })
})
