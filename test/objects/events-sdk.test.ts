import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { ok, refused, sdk } from '../support/arrowdb-calls.js'

/**
 * Events end to end over real HTTP, as the clients' own suites drive them: the `arrowdb` SDK
 * (1.0.12: a `Date` start time, which it sends JSON-encoded with its quotes; update by PUT; the
 * occurrences methods; the 410 of both searches on a newer app) and the Node `Cloud` (ti.cloud's
 * anvil suite: weekly × 5 then daily × 3, occurrences by name).
 */

const server = serverForFile()

describe('Events over real HTTP', () => {
  it('the arrowdb SDK: create with a Date → show → update → occurrences → query → search → count → remove', async () => {
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
    const made = await ok(app, 'eventsCreate', { name: 'Event #1', start_time: new Date('2030-01-01T10:00:00.123Z'), duration: 3600, recurring: 'daily', recurring_count: 3 })
    const event = made.body.response.events[0]
    expect(event).toMatchObject({ name: 'Event #1', start_time: '2030-01-01T10:00:00+0000', num_occurences: 3 })
    expect((await ok(app, 'eventsShow', { event_id: event.id })).body.meta.method_name).toBe('showEvents')
    const updated = await ok(app, 'eventsUpdate', { event_id: event.id, name: 'Event #2', duration: 6 })
    expect(updated.body.response.events[0]).toMatchObject({ id: event.id, name: 'Event #2', duration: 6 })
    const shown = await ok(app, 'eventsShowOccurrences', { event_id: event.id })
    expect(shown.body.response.event_occurrences.map((o: any) => o.end_time)).toEqual(['2030-01-01T10:00:06+0000', '2030-01-02T10:00:06+0000', '2030-01-03T10:00:06+0000'])
    expect((await ok(app, 'eventsQueryOccurrences', { where: { name: 'Event #2' } })).body.response.event_occurrences).toHaveLength(3)
    expect((await ok(app, 'eventsQuery', { where: { name: 'Event #2' } })).body.response.events).toHaveLength(1)
    expect((await ok(app, 'eventsSearch', { q: 'Event' })).body.response.events).toHaveLength(1)
    expect((await ok(app, 'eventsSearchOccurrences', {})).body.response.event_occurrences).toHaveLength(3)
    expect((await ok(app, 'eventsCount')).body.meta.count).toBe(1)
    expect((await refused(app, 'eventsCreate', { name: 'x', start_time: '2011' })).statusCode).toBe(400)
    expect((await refused(app, 'eventsUpdate', {})).statusCode).toBe(400)
    expect((await ok(app, 'eventsRemove', { event_id: event.id })).body.meta.method_name).toBe('deleteEvent')
    expect((await ok(app, 'eventsCount')).body.meta.count).toBe(0)
  })

  it('the arrowdb SDK meets the 410 of both searches on an app with legacySearch false', async () => {
    await fetch(`${server().url}/__mock/settings?key=TESTKEY`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"legacySearch":false}' })
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    for (const method of ['eventsSearch', 'eventsSearchOccurrences']) {
      const { err } = await sdk(app, method, {})
      expect(err?.statusCode, method).toBe(410)
    }
  })

  it('Cloud.Events as ti.cloud’s suite calls it', async () => {
    const Cloud = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
    const made = await outcome((cb) => Cloud.Events.create({ name: 'Event #1', start_time: new Date('2030-01-01T10:00:00Z'), recurring: 'weekly', recurring_count: 5 }, cb))
    expect(made).toMatchObject({ success: true, events: [{ recurring: 'weekly', recurring_count: 5 }] })
    await outcome((cb) => Cloud.Events.create({ name: 'Event #2', start_time: new Date('2030-02-01T10:00:00Z') }, cb))
    const id = made.events[0].id
    expect((await outcome((cb) => Cloud.Events.showOccurrences({ event_id: id }, cb))).event_occurrences).toHaveLength(5)
    expect((await outcome((cb) => Cloud.Events.queryOccurrences(cb))).event_occurrences).toHaveLength(6)
    expect((await outcome((cb) => Cloud.Events.queryOccurrences({ where: { name: 'Event #1' } }, cb))).event_occurrences).toHaveLength(5)
    expect((await outcome((cb) => Cloud.Events.search({ q: '#1' }, cb))).events.map((e: { name: string }) => e.name)).toEqual(['Event #1'])
    await outcome((cb) => Cloud.Events.update({ event_id: id, name: 'Event #1 updated', recurring: 'daily', recurring_count: 3 }, cb))
    const occurrences = (await outcome((cb) => Cloud.Events.showOccurrences({ event_id: id }, cb))).event_occurrences
    expect(occurrences.map((o: any) => o.event.name)).toEqual(['Event #1 updated', 'Event #1 updated', 'Event #1 updated'])
    expect((await outcome((cb) => Cloud.Events.query({ where: { name: 'Event #2' } }, cb))).events).toHaveLength(1)
    expect((await outcome((cb) => Cloud.Events.remove({ event_id: id }, cb))).success).toBe(true)
    expect(await outcome((cb) => Cloud.Events.show({ event_id: id }, cb))).toMatchObject({ success: false, code: 400, message: 'Invalid event id' })
  })
})
