import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { serverForFile } from '../support/servers.js'
import { fixtureS } from '../support/fixture-s.js'
import { outcome } from '../support/titanium.js'

/**
 * Clients end to end over real HTTP: the `arrowdb` SDK (1.0.12) and the Node `Cloud` locate an
 * address from the fixture's IP table, and the caller by its socket address (loopback here).
 */

const LOOPBACK = { country_code: 'ZZ', city: 'Loopback' }

const server = serverForFile(
  { fixtures: { ...fixtureS, ip_locations: [{ ip_address: '127.0.0.1', location: LOOPBACK }, { ip_address: '::1', location: LOOPBACK }] } },
  { resetEachTest: false },
)

describe('Clients over real HTTP', () => {
  it('the arrowdb SDK’s clientsGeolocate locates ip_address, and the caller without it', async () => {
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    const call = (params: Record<string, unknown>) =>
      new Promise<ArrowDB.Result>((resolve, reject) =>
        (app.clientsGeolocate as ArrowDB.Method).call(app, params, (err, result) => (err ? reject(err) : resolve(result))),
      )
    const given = await call({ ip_address: '184.72.37.109' })
    expect(given.body.meta.method_name).toBe('geolocateClient')
    expect(given.body.response).toMatchObject({ ip_address: '184.72.37.109', location: { city: 'San Jose', country_code: 'US' } })
    expect((await call({})).body.response.location).toEqual(LOOPBACK)
  })

  it('Cloud.Clients.geolocate with data or only a callback, as ti.cloud’s suite calls it', async () => {
    const Cloud = createCloud({ url: server().url, key: 'TESTKEY' })
    const given = await outcome((cb) => Cloud.Clients.geolocate({ ip_address: '184.72.37.109' }, cb))
    expect(given).toMatchObject({ success: true, ip_address: '184.72.37.109', location: { city: 'San Jose' } })
    const own = await outcome((cb) => Cloud.Clients.geolocate(cb))
    expect(own).toMatchObject({ success: true, location: LOOPBACK })
    const bad = await outcome((cb) => Cloud.Clients.geolocate({ ip_address: 'nowhere' }, cb))
    expect(bad).toMatchObject({ success: false, code: 400, message: 'Invalid ip_address: nowhere' })
  })
})
