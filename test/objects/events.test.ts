import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'
import { failure, inProcessCall } from '../support/in-process-call.js'

/** Events and their occurrences through app.request(): one test per rule of docs/events.md. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string

const call = (verb: string, method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
  inProcessCall(cloud, verb, `events/${method}`, params, sessionId)

async function create(params: Record<string, unknown>, sessionId = alice) {
  const reply = await call('POST', 'create', params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok', method_name: 'createEvent' })
  return reply.body.response.events[0]
}

const starts = (reply: { body: any }) => reply.body.response.event_occurrences.map((o: { start_time: string }) => o.start_time)
const names = (reply: { body: any }) => reply.body.response.events.map((event: { name: string }) => event.name)

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  ;[alice, bob, admin] = [await sessionOf(cloud, 'alice'), await sessionOf(cloud, 'bob'), await sessionOf(cloud, 'admin')]
})

describe('events/create', () => {
  it('answers the event: start_time in UTC, duration, recurrence, ical, num_occurences, the owner as user', async () => {
    const event = await create({ name: 'Event #1', start_time: '2014-11-05T22:59:50+02:00', duration: '3600', recurring: 'weekly', recurring_count: '5', details: 'd', tags: 'a, b' })
    expect(event).toMatchObject({
      name: 'Event #1',
      start_time: '2014-11-05T20:59:50+0000',
      duration: 3600,
      recurring: 'weekly',
      recurring_count: 5,
      num_occurences: 5,
      details: 'd',
      tags: ['a', 'b'],
      ical: 'DTSTART:20141105T205950Z\nRRULE:FREQ=WEEKLY;COUNT=5\nDURATION:PT3600S',
      user: { id: ids.alice },
    })
    expect(event).not.toHaveProperty('end_time')
    expect(event).not.toHaveProperty('user_id')
  })

  it.each([
    ['"2014-11-05T20:59:50.123Z"', '2014-11-05T20:59:50+0000'],
    ['2014-011-05T20:59:50+0000', '2014-11-05T20:59:50+0000'],
    ['2014-11-05 20:59:50 -0100', '2014-11-05T21:59:50+0000'],
    ['Wed, 05 Nov 2014 20:59:50 +0000', '2014-11-05T20:59:50+0000'],
    ['2014-11-05T20:59', '2014-11-05T20:59:00+0000'],
  ])('reads the start_time %s as the clients send it', async (sent, shown) => {
    expect((await create({ name: 'e', start_time: sent })).start_time).toBe(shown)
  })

  it.each([
    [{ start_time: '2030-01-01T00:00:00Z' }, "Failed to create event: Validation failed - Name can't be blank."],
    [{ name: 'e' }, "Failed to create event: Validation failed - Start time can't be blank."],
    [{}, "Failed to create event: Validation failed - Name can't be blank, Start time can't be blank."],
    [{ name: 'e', start_time: '2011' }, 'Invalid calender schedule  invalid date'],
    [{ name: 'e', start_time: '2011-05-01' }, 'Invalid calender schedule  invalid date'],
    [{ name: 'e', start_time: '2030-01-01T00:00:00Z', recurring: 'hourly', recurring_count: '2' }, 'Invalid calender schedule  invalid recurring value'],
    [{ name: 'e', start_time: '2030-01-01T00:00:00Z', recurring: 'daily' }, 'Invalid calender schedule  recurring_count or recurring_until is required'],
    [{ name: 'e', start_time: '2030-01-01T00:00:00Z', place_id: '5f00000000000000000000ff' }, 'Invalid place id'],
  ])('refuses %j with 400 %s, and stores nothing', async (params, message) => {
    expect(failure(await call('POST', 'create', params, alice))).toEqual({ status: 400, message, method_name: 'createEvent' })
    expect((await call('GET', 'count')).body.meta).toMatchObject({ method_name: 'eventsCount', count: 0 })
  })

  it('needs a session', async () => {
    expect(failure(await call('POST', 'create', { name: 'e', start_time: '2030-01-01T00:00:00Z' }))).toEqual({
      status: 400,
      message: 'Failed to authenticate user',
      method_name: 'createEvent',
    })
  })
})

describe('occurrences', () => {
  it('show/occurrences lists each instance with start_time, end_time (start + duration) and its event, paged', async () => {
    const event = await create({ name: 'Weekly', start_time: '2030-01-01T10:00:00Z', duration: '3600', recurring: 'weekly', recurring_count: '5' })
    const reply = await call('GET', 'show/occurrences', { event_id: event.id })
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'showEventOccurrences', page: 1, per_page: 10, total_pages: 1, total_results: 5 })
    expect(starts(reply)).toEqual(['2030-01-01T10:00:00+0000', '2030-01-08T10:00:00+0000', '2030-01-15T10:00:00+0000', '2030-01-22T10:00:00+0000', '2030-01-29T10:00:00+0000'])
    const [first] = reply.body.response.event_occurrences
    expect(first).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{24}$/), end_time: '2030-01-01T11:00:00+0000', event: { id: event.id, name: 'Weekly' } })
    expect((await call('GET', 'show/occurrences', { event_id: event.id })).body.response.event_occurrences[0].id).toBe(first.id)
    expect(starts(await call('GET', 'show/occurrences', { event_id: event.id, page: '2', per_page: '2' }))).toEqual(['2030-01-15T10:00:00+0000', '2030-01-22T10:00:00+0000'])
    expect(failure(await call('GET', 'show/occurrences', { event_id: 'x' })).message).toBe('Invalid event id')
  })

  it('a non-recurring event has one occurrence ending at its start without a duration', async () => {
    const event = await create({ name: 'Once', start_time: '2030-01-01T10:00:00Z' })
    expect(event.num_occurences).toBe(1)
    const [only] = (await call('GET', 'show/occurrences', { event_id: event.id })).body.response.event_occurrences
    expect(only).toMatchObject({ start_time: '2030-01-01T10:00:00+0000', end_time: '2030-01-01T10:00:00+0000' })
  })

  it('monthly on the 31st skips the months without one; recurring_until stops them; count and until, whichever first', async () => {
    const monthly = await create({ name: 'M', start_time: '2030-01-31T09:00:00Z', recurring: 'monthly', recurring_count: '3' })
    expect(starts(await call('GET', 'show/occurrences', { event_id: monthly.id }))).toEqual(['2030-01-31T09:00:00+0000', '2030-03-31T09:00:00+0000', '2030-05-31T09:00:00+0000'])
    const until = await create({ name: 'U', start_time: '2030-01-01T09:00:00Z', recurring: 'daily', recurring_until: '2030-01-03T09:00:00Z' })
    expect(until).toMatchObject({ num_occurences: 3, ical: 'DTSTART:20300101T090000Z\nRRULE:FREQ=DAILY;UNTIL=20300103T090000Z' })
    const both = await create({ name: 'B', start_time: '2030-01-01T09:00:00Z', recurring: 'yearly', recurring_count: '10', recurring_until: '2032-06-01T00:00:00Z' })
    expect(both.num_occurences).toBe(3)
    expect((await create({ name: 'Many', start_time: '2030-01-01T09:00:00Z', recurring: 'daily', recurring_count: '5000' })).num_occurences).toBe(1000)
  })

  it('follow the event: an update of the recurrence or the start recomputes them, each showing the new name', async () => {
    const event = await create({ name: 'Event #1', start_time: '2030-01-01T10:00:00Z', recurring: 'weekly', recurring_count: '5' })
    const updated = await call('PUT', 'update', { event_id: event.id, name: 'Renamed', recurring: 'daily', recurring_count: '3', start_time: '2030-02-01T08:00:00Z' }, alice)
    expect(updated.body.response.events[0]).toMatchObject({ id: event.id, name: 'Renamed', recurring: 'daily', num_occurences: 3 })
    const reply = await call('GET', 'show/occurrences', { event_id: event.id })
    expect(starts(reply)).toEqual(['2030-02-01T08:00:00+0000', '2030-02-02T08:00:00+0000', '2030-02-03T08:00:00+0000'])
    expect(reply.body.response.event_occurrences.map((o: any) => o.event.name)).toEqual(['Renamed', 'Renamed', 'Renamed'])
  })

  it('query/occurrences: every occurrence by start, where on the event’s name and the occurrence’s times, order', async () => {
    await create({ name: 'Event #1', start_time: '2030-01-01T10:00:00Z', recurring: 'weekly', recurring_count: '5' })
    await create({ name: 'Event #2', start_time: '2030-01-02T10:00:00Z' })
    const all = await call('GET', 'query/occurrences')
    expect(all.body.meta.method_name).toBe('queryEventOccurrences')
    expect(all.body.response.event_occurrences.map((o: any) => o.event.name)).toEqual(['Event #1', 'Event #2', 'Event #1', 'Event #1', 'Event #1', 'Event #1'])
    expect(starts(await call('GET', 'query/occurrences', { where: { name: 'Event #1' } }))).toHaveLength(5)
    expect(starts(await call('GET', 'query/occurrences', { where: { start_time: { $gte: '2030-01-20T00:00:00Z' } }, order: '-start_time' }))).toEqual([
      '2030-01-29T10:00:00+0000',
      '2030-01-22T10:00:00+0000',
    ])
    expect((await call('GET', 'query/occurrences', { count: 'true', limit: '1' })).body.meta.count).toBe(6)
  })

  it('run on the server clock: after the admin API moves the clock 15 days, the occurrences from now on are the two left', async () => {
    await cloud.app.request('/__mock/clock?action=set&iso=2030-01-01T09:00:00Z', { method: 'POST' })
    await cloud.app.request('/__mock/clock?action=freeze', { method: 'POST' })
    const now = async () => ((await (await cloud.app.request('/__mock/clock')).json()) as any).response.clock.now as string
    await create({ name: 'Standup', start_time: await now(), duration: '900', recurring: 'weekly', recurring_count: '5' })
    const upcoming = async () => starts(await call('GET', 'query/occurrences', { where: { start_time: { $gte: await now() } } }))
    expect(await upcoming()).toHaveLength(5)
    await cloud.app.request('/__mock/clock?action=advance&by=15d', { method: 'POST' })
    expect(await upcoming()).toEqual(['2030-01-22T09:00:00+0000', '2030-01-29T09:00:00+0000'])
    const [event] = (await call('GET', 'query')).body.response.events
    const changed = await call('PUT', 'update', { event_id: event.id, recurring_count: '7' }, alice)
    expect(changed.body.response.events[0].updated_at).toBe('2030-01-16T09:00:00+0000')
    expect(await upcoming()).toHaveLength(4)
  })
})

describe('events/show, update, delete, query', () => {
  it('show takes event_id or event_ids (the ones found), and answers 400 Invalid event id when none is', async () => {
    const [a, b] = [await create({ name: 'A', start_time: '2030-01-01T00:00:00Z' }), await create({ name: 'B', start_time: '2030-01-01T00:00:00Z' })]
    expect(names(await call('GET', 'show', { event_id: a.id }))).toEqual(['A'])
    expect(names(await call('GET', 'show', { event_ids: `${a.id},5f00000000000000000000ff,${b.id}` }))).toEqual(['A', 'B'])
    expect(names(await call('GET', 'show', { event_ids: [b.id] }))).toEqual(['B'])
    expect(failure(await call('GET', 'show', { event_ids: '5f00000000000000000000ff' }))).toEqual({ status: 400, message: 'Invalid event id', method_name: 'showEvents' })
  })

  it('update: PUT and POST, what is sent changes; others 403; a bad start 400', async () => {
    const event = await create({ name: 'A', start_time: '2030-01-01T00:00:00Z', duration: '60' })
    expect((await call('POST', 'update', { event_id: event.id, duration: '6' }, alice)).body.response.events[0]).toMatchObject({ name: 'A', duration: 6 })
    expect(failure(await call('PUT', 'update', { event_id: event.id, name: 'B' }, bob)).status).toBe(403)
    expect(failure(await call('PUT', 'update', { name: 'B' }, alice))).toEqual({ status: 400, message: 'Invalid event id', method_name: 'updateEvent' })
    expect(failure(await call('PUT', 'update', { event_id: event.id, start_time: '2011' }, alice)).message).toBe('Invalid calender schedule  invalid date')
    expect(failure(await call('PUT', 'update', { event_id: event.id, recurring: 'daily' }, alice)).message).toBe(
      'Invalid calender schedule  recurring_count or recurring_until is required',
    )
  })

  it('delete answers meta only and takes the occurrences; batch_delete is for admins', async () => {
    const event = await create({ name: 'A', start_time: '2030-01-01T00:00:00Z', recurring: 'daily', recurring_count: '2' })
    await create({ name: 'B', start_time: '2030-01-01T00:00:00Z' })
    expect(failure(await call('DELETE', 'delete', { event_id: event.id }, bob)).status).toBe(403)
    expect((await call('DELETE', 'delete', { event_id: event.id }, alice)).body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteEvent' } })
    expect(starts(await call('GET', 'query/occurrences'))).toHaveLength(1)
    expect(failure(await call('DELETE', 'batch_delete', {}, alice))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'batchDelete' })
    await call('DELETE', 'batch_delete', {}, admin)
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
  })

  it('an event at a place embeds it, and is found by the place’s lnglat; a deleted place is left out, place_id kept', async () => {
    const place = (await inProcessCall(cloud, 'POST', 'places/create', { name: 'Oakland', latitude: '37.8044', longitude: '-122.2708' }, alice)).body.response.places[0]
    const event = await create({ name: 'There', start_time: '2030-01-01T00:00:00Z', place_id: place.id })
    await create({ name: 'Nowhere', start_time: '2030-01-01T00:00:00Z' })
    expect(event).toMatchObject({ place_id: place.id, place: { id: place.id, name: 'Oakland' } })
    const near = { lnglat: { $nearSphere: [-122.27, 37.8], $maxDistance: 0.001 } }
    expect(names(await call('GET', 'query', { where: near }))).toEqual(['There'])
    expect(starts(await call('GET', 'query/occurrences', { where: near }))).toHaveLength(1)
    expect(names(await call('GET', 'query', { where: { place_id: place.id } }))).toEqual(['There'])
    await inProcessCall(cloud, 'DELETE', 'places/delete', { place_id: place.id }, alice)
    const shown = (await call('GET', 'show', { event_id: event.id })).body.response.events[0]
    expect(shown.place_id).toBe(place.id)
    expect(shown).not.toHaveProperty('place')
  })
})

describe('events/search and search/occurrences (deprecated)', () => {
  beforeEach(async () => {
    const place = (await inProcessCall(cloud, 'POST', 'places/create', { name: 'Oakland', latitude: '37.8044', longitude: '-122.2708' }, alice)).body.response.places[0]
    await create({ name: 'Event #1', start_time: '2030-01-01T10:00:00Z', duration: '3600', recurring: 'weekly', recurring_count: '5', place_id: place.id })
    await create({ name: 'Event #2', start_time: '2030-03-01T10:00:00Z', tags: 'party' }, bob)
  })

  it('without parameters list everything, with the search paging meta', async () => {
    const events = await call('GET', 'search')
    expect(names(events)).toEqual(['Event #1', 'Event #2'])
    expect(events.body.meta).toMatchObject({ method_name: 'searchEvents', total_results: 2 })
    const occurrences = await call('GET', 'search/occurrences')
    expect(occurrences.body.meta).toMatchObject({ method_name: 'searchEventOccurrences', total_results: 6 })
  })

  it('narrow by q, user_id, a point with distance, start_time and end_time', async () => {
    expect(names(await call('GET', 'search', { q: '#1' }))).toEqual(['Event #1'])
    expect(names(await call('GET', 'search', { q: 'party' }))).toEqual(['Event #2'])
    expect(names(await call('GET', 'search', { user_id: ids.bob }))).toEqual(['Event #2'])
    expect(names(await call('GET', 'search', { latitude: '37.8', longitude: '-122.27', distance: '5' }))).toEqual(['Event #1'])
    expect(names(await call('GET', 'search', { start_time: '2030-02-01T00:00:00Z' }))).toEqual(['Event #2'])
    expect(starts(await call('GET', 'search/occurrences', { start_time: '2030-01-10T00:00:00Z', end_time: '2030-01-29T11:00:00Z' }))).toEqual([
      '2030-01-15T10:00:00+0000',
      '2030-01-22T10:00:00+0000',
      '2030-01-29T10:00:00+0000',
    ])
  })

  it('answer 410 under legacySearch false, both', async () => {
    await cloud.setSettings('K', { legacySearch: false })
    const message = 'search.json has been deprecated. Please use $text query'
    expect(failure(await call('GET', 'search'))).toEqual({ status: 410, message, method_name: 'searchEvents' })
    expect(failure(await call('GET', 'search/occurrences'))).toEqual({ status: 410, message, method_name: 'searchEventOccurrences' })
  })
})
