import { describe, expect, it } from 'vitest'
import { installTitaniumGlobals, outcome } from '../support/titanium.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import * as example from './events-examples.js'

/**
 * The Modules.Cloud.Events documentation's examples (their text is in ./events-examples.js) run
 * unchanged against a mock-cloud server holding fixture S, alice signed in. The globals they read
 * (`starttime`, `savedEventId`, `savedPlaceId`, ...) are the app's, set as the examples expect
 * (docs/events.md).
 */

const t = useTitaniumApp()
const STARTTIME = new Date('2030-01-31T18:00:00Z')
const UPDATED = 'updated_at: 2'

/** Signs alice in, makes a place in Oakland and a monthly event there, and installs the globals the examples read. */
async function saved(): Promise<{ eventId: string; placeId: string }> {
  await logIn(t.Cloud, 'alice')
  const place = (await outcome((cb) => t.Cloud.Places.create({ name: 'Oakland', latitude: 37.8044, longitude: -122.2708 }, cb))).places[0]
  const event = (await outcome((cb) => t.Cloud.Events.create({ name: 'Celebration', start_time: STARTTIME, duration: 3600, recurring: 'monthly', recurring_count: 5, place_id: place.id }, cb))).events[0]
  t.app.remove()
  t.app = installTitaniumGlobals(t.Cloud, {
    starttime: STARTTIME,
    startTime: new Date('2030-01-01T00:00:00Z'),
    savedEventId: event.id,
    savedPlaceId: place.id,
    lat: 37.8,
    lon: -122.27,
    place,
  })
  return { eventId: event.id, placeId: place.id }
}

describe('Create Event and Update an Event', () => {
  it('create alerts Success with the new event; update renames it and keeps five monthly occurrences', async () => {
    await logIn(t.Cloud, 'alice')
    t.app.remove()
    t.app = installTitaniumGlobals(t.Cloud, { starttime: STARTTIME })
    const created = await t.app.run(example.createEvent)
    expect(created.alerts).toEqual([expect.stringMatching(/^Success:\nid: [0-9a-f]{24}\nname: Celebration\nupdated_at: /)])
    const id = created.replies[0]?.events[0].id
    t.app.remove()
    t.app = installTitaniumGlobals(t.Cloud, { starttime: STARTTIME, savedEventId: id })
    expect((await t.app.run(example.updateAnEvent)).alerts).toEqual([expect.stringMatching(/^Success:\nid: [0-9a-f]{24}\nname: Annual Celebration\n/)])
    // Monthly from 31 January: the months without a 31st are skipped.
    const occurrences = (await t.call('GET', 'events/show/occurrences', { event_id: id })).body.response.event_occurrences
    expect(occurrences.map((o: { start_time: string }) => o.start_time.slice(0, 10))).toEqual(['2030-01-31', '2030-03-31', '2030-05-31', '2030-07-31', '2030-08-31'])
  })

  it('create alerts Failed to authenticate user without a session', async () => {
    t.app.remove()
    t.app = installTitaniumGlobals(t.Cloud, { starttime: STARTTIME })
    expect((await t.app.run(example.createEvent)).alerts).toEqual(['Error:\nFailed to authenticate user'])
  })
})

describe('Show an Event, its occurrences, and Remove an Event', () => {
  it('show alerts the event, showOccurrences the count then each occurrence’s event, remove Removed', async () => {
    const { eventId } = await saved()
    expect((await t.app.run(example.showAnEvent)).alerts).toEqual([expect.stringMatching(new RegExp(`^Success:\\nid: ${eventId}\\nname: Celebration\\n`))])
    const { alerts } = await t.app.run(example.showOccurrencesForAnEvent)
    expect(alerts[0]).toBe('Success:\nCount: 5')
    expect(alerts.slice(1)).toHaveLength(5)
    expect(alerts[1]).toMatch(new RegExp(`^id: ${eventId}\\nname: Celebration\\nstart time: 2030-01-31T18:00:00\\+0000\\n${UPDATED}`))
    expect((await t.app.run(example.removeAnEvent)).alerts).toEqual(['Removed'])
    expect((await t.app.run(example.showAnEvent)).alerts).toEqual(['Error:\nInvalid event id'])
  })
})

describe('Query Events and Query Event Occurrences', () => {
  it('alert the counts and each one', async () => {
    await saved()
    const events = await t.app.run(example.queryEvents)
    expect(events.alerts).toEqual(['Success:\nCount: 1', expect.stringMatching(/^id: [0-9a-f]{24}\nname: Celebration\n/)])
    const occurrences = await t.app.run(example.queryEventOccurrences)
    expect(occurrences.alerts[0]).toBe('Success:\nCount: 5')
  })
})

describe('Search Events, Search Event Occurrences, Search for events', () => {
  it('search by place and start time alert the event and its occurrences; by lat/lon the event (its coordinates are its place’s)', async () => {
    await saved()
    expect((await t.app.run(example.searchEvents)).alerts).toEqual(['Success:\nCount: 1', expect.stringMatching(/^id: [0-9a-f]{24}\nname: Celebration\n/)])
    expect((await t.app.run(example.searchEventOccurrences)).alerts[0]).toBe('Success:\nCount: 5')
    const near = await t.app.run(example.searchForEvents)
    expect(near.alerts).toEqual(['Success:\nCount: 1', expect.stringMatching(/^id: [0-9a-f]{24}\nname: Celebration\nlongitude: undefined\nlatitude: undefined\n/)])
  })

  it('alert the 410 of a newer app under legacySearch false', async () => {
    await saved()
    await fetch(`${t.server.url}/__mock/settings?key=TESTKEY`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"legacySearch":false}' })
    const deprecated = 'Error:\nsearch.json has been deprecated. Please use $text query'
    expect((await t.app.run(example.searchEvents)).alerts).toEqual([deprecated])
    expect((await t.app.run(example.searchEventOccurrences)).alerts).toEqual([deprecated])
  })
})
