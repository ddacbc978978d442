import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { sdk } from '../support/arrowdb-calls.js'

/**
 * GeoFences end to end over real HTTP, as the clients' own suites drive them: the `arrowdb` SDK
 * (1.0.12, geo_fence as an object, which it JSON-encodes) and the Node `Cloud` (ti.cloud's anvil
 * suite: a hand-written JSON string with `coordinate`).
 */

const server = serverForFile()

describe('GeoFences over real HTTP', () => {
  it('the arrowdb SDK: admin create → update → query → count → remove; missing id is a 400', async () => {
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    expect((await sdk(app, 'usersLogin', { login: 'admin', password: 'pw-admin' })).err).toBeNull()
    const made = await sdk(app, 'geoFencesCreate', {
      geo_fence: { loc: { coordinates: [-122.4167, 37.7833], radius: '10/3959' }, payload: { city: 'SF' }, start_time: '2014-12-25T00:00', end_time: '2034-12-26T00:00' },
    })
    expect(made.result.body.meta.method_name).toBe('createGeoFence')
    const id = made.result.body.response.geo_fences[0].id as string
    const updated = await sdk(app, 'geoFencesUpdate', { id, geo_fence: { loc: { coordinates: [-122.4167, 37.7833], radius: '2/6371' } } })
    expect(updated.result.body.response.geo_fences[0].loc.radius).toBe('2/6371')
    const found = await sdk(app, 'geoFencesQuery', { where: { loc: { $nearSphere: { $geometry: { type: 'Point', coordinates: [-122.4167, 37.7833] }, $maxDistance: 100 } } } })
    expect(found.result.body.response.geo_fences.map((fence: { id: string }) => fence.id)).toEqual([id])
    expect((await sdk(app, 'geoFencesCount')).result.body.meta.count).toBe(1)
    expect((await sdk(app, 'geoFencesUpdate', {})).err?.statusCode).toBe(400)
    expect((await sdk(app, 'geoFencesRemove', { id })).result.body.meta.method_name).toBe('destroyGeoFence')
    expect((await sdk(app, 'geoFencesCount')).result.body.meta.count).toBe(0)
  })

  it('Cloud.GeoFences as ti.cloud’s suite calls it, and a non-admin’s create refused', async () => {
    const Cloud = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => Cloud.Users.login({ login: 'admin', password: 'pw-admin' }, cb))
    const made = await outcome((cb) => Cloud.GeoFences.create({ geo_fence: '{"loc":{"coordinate":[0,0],"radius":"1000/200000"},"payload":"created"}' }, cb))
    expect(made).toMatchObject({ success: true, geo_fences: [{ payload: 'created', loc: { coordinate: [0, 0] } }] })
    const id = made.geo_fences[0].id
    const updated = await outcome((cb) => Cloud.GeoFences.update({ id, geo_fence: { loc: { coordinate: [0, 0], radius: '1000/200000' }, payload: 'updated' } }, cb))
    expect(updated.geo_fences[0].payload).toBe('updated')
    expect((await outcome((cb) => Cloud.GeoFences.query({}, cb))).geo_fences.map((fence: { id: string }) => fence.id)).toEqual([id])
    expect((await outcome((cb) => Cloud.GeoFences.remove({ id }, cb))).success).toBe(true)
    const user = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => user.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
    const refused = await outcome((cb) => user.GeoFences.create({ geo_fence: { loc: { radius: 1 }, payload: 'x' } }, cb))
    expect(refused).toMatchObject({ success: false, code: 403, message: 'You are not authorized to perform this action.' })
  })
})
