import { describe, expect, it } from 'vitest'
import { installTitaniumGlobals, outcome } from '../support/titanium.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import * as example from './places-examples.js'

/**
 * The Modules.Cloud.Places documentation's examples (their text is in ./places-examples.js) run
 * unchanged against a mock-cloud server holding fixture S, alice signed in. `savedPlaceId`, `lat`
 * and `lon` are the globals the examples expect the app to hold (docs/places.md).
 */

const t = useTitaniumApp()

/** Signs alice in, makes a place in Oakland and installs the globals the examples read. */
async function savedPlace(): Promise<string> {
  await logIn(t.Cloud, 'alice')
  const made = await outcome((cb) => t.Cloud.Places.create({ name: 'Oakland', city: 'Oakland', latitude: 37.12, longitude: -122.23 }, cb))
  const id = made.places[0].id as string
  t.app.remove()
  t.app = installTitaniumGlobals(t.Cloud, { savedPlaceId: id, lat: 37.12, lon: -122.23 })
  return id
}

describe('Create Place', () => {
  it('alerts Success with the new place (a state is location enough)', async () => {
    await logIn(t.Cloud, 'alice')
    const { alerts } = await t.app.run(example.createPlace)
    expect(alerts).toEqual([expect.stringMatching(/^Success:\nid: [0-9a-f]{24}\nname: Appcelerator HQ\nupdated_at: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/)])
  })

  it('alerts Failed to authenticate user without a session', async () => {
    expect((await t.app.run(example.createPlace)).alerts).toEqual(['Error:\nFailed to authenticate user'])
  })
})

describe('Show, Update and Remove a Place', () => {
  it('show alerts the saved place; update sets its city; remove deletes it, and a second show alerts Invalid place id', async () => {
    const id = await savedPlace()
    expect((await t.app.run(example.showAPlace)).alerts).toEqual([expect.stringMatching(new RegExp(`^Success:\\nid: ${id}\\nname: Oakland\\n`))])
    expect((await t.app.run(example.updateAPlace)).alerts).toEqual([expect.stringMatching(/^Success:/)])
    expect((await t.call('GET', 'places/show', { place_id: id })).body.response.places[0].city).toBe('Mountain View')
    expect((await t.app.run(example.removeAPlace)).alerts).toEqual(['Success'])
    expect((await t.app.run(example.showAPlace)).alerts).toEqual(['Error:\nInvalid place id'])
  })
})

describe('Search for Places and Query for Places', () => {
  it('search alerts the count, then each place near lat/lon with its coordinates', async () => {
    const id = await savedPlace()
    const { alerts } = await t.app.run(example.searchForPlaces)
    expect(alerts[0]).toBe('Success:\nCount: 1')
    expect(alerts[1]).toMatch(new RegExp(`^id: ${id}\\nname: Oakland\\nlongitude: -122.23\\nlatitude: 37.12\\n`))
  })

  it('query with $nearSphere on lnglat alerts the places within 0.00126 radians (8 km) of [-122.23, 37.12]', async () => {
    await savedPlace()
    await outcome((cb) => t.Cloud.Places.create({ name: 'Far', city: 'Far', latitude: 40, longitude: -100 }, cb))
    const { alerts } = await t.app.run(example.queryForPlaces)
    expect(alerts).toEqual(['Success:\nCount: 1', expect.stringMatching(/^id: [0-9a-f]{24}\nname: Oakland\n/)])
  })

  it('search alerts the 410 of a newer app under legacySearch false', async () => {
    await savedPlace()
    await fetch(`${t.server.url}/__mock/settings?key=TESTKEY`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"legacySearch":false}' })
    expect((await t.app.run(example.searchForPlaces)).alerts).toEqual(['Error:\nsearch.json has been deprecated. Please use $text query'])
  })
})
