import { describe, expect, it } from 'vitest'
import { installTitaniumGlobals, outcome } from '../support/titanium.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import * as example from './checkins-examples.js'

/**
 * The Modules.Cloud.Checkins documentation's examples (their text is in ./checkins-examples.js)
 * run unchanged against a mock-cloud server holding fixture S, alice signed in. The app's globals:
 * `myPlaceId` (a place alice made), `myCheckinId`, and `Titanium.Filesystem.getFile` giving a PNG
 * as a Blob (the photo a checkin's create sends, kept as its primary photo).
 */

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const Titanium = { Filesystem: { getFile: () => new Blob([PNG], { type: 'image/png' }) } }

const t = useTitaniumApp({ globals: { Titanium } })

/** alice signs in and makes a place; the app's `myPlaceId` names it. */
async function givenPlace(): Promise<string> {
  await logIn(t.Cloud, 'alice')
  const place = (await outcome((cb) => t.Cloud.Places.create({ name: 'Golden Gate', city: 'San Francisco' }, cb))).places[0]
  t.app.remove()
  t.app = installTitaniumGlobals(t.Cloud, { Titanium, myPlaceId: place.id })
  return place.id
}

describe('Create a Checkin', () => {
  it('alerts the new checkin and its place’s name; the photo sent as multipart is its primary photo', async () => {
    await givenPlace()
    expect((await t.app.run(example.createACheckin)).alerts).toEqual([expect.stringMatching(/^Success:\nid: [0-9a-f]{24}\nplace: Golden Gate$/)])
    const [checkin] = (await t.call('GET', 'checkins/query', {})).body.response.checkins
    expect(checkin).toMatchObject({ message: 'What a great view!', photo: { id: checkin.photo_id, content_type: 'image/png' } })
  })
})

describe('Query for Checkins, Show Checkin, Remove Checkin', () => {
  it('query alerts each checkin with its place and user; show alerts it; remove alerts Success, then show Invalid checkin id', async () => {
    const placeId = await givenPlace()
    const checkin = (await outcome((cb) => t.Cloud.Checkins.create({ place_id: placeId, message: 'Hi' }, cb))).checkins[0]
    t.app.remove()
    t.app = installTitaniumGlobals(t.Cloud, { Titanium, myPlaceId: placeId, myCheckinId: checkin.id })
    expect((await t.app.run(example.queryForCheckins)).alerts).toEqual([
      expect.stringMatching(new RegExp(`^Success:\\nid: ${checkin.id}\\nplace: Golden Gate\\nupdated_at: .+\\nuser: Alice Smith$`)),
    ])
    expect((await t.app.run(example.showCheckin)).alerts).toEqual([expect.stringMatching(new RegExp(`^Success:\\nid: ${checkin.id}\\nplace: Golden Gate\\n`))])
    expect((await t.app.run(example.removeCheckin)).alerts).toEqual(['Success'])
    expect((await t.app.run(example.showCheckin)).alerts).toEqual(['Error:\nInvalid checkin id'])
  })
})
