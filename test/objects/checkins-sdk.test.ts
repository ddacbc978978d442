import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { ok, refused } from '../support/arrowdb-calls.js'

/**
 * Checkins end to end over real HTTP, as the clients' own suites drive them: the `arrowdb` SDK
 * (1.0.12: update by POST, `checkinsRemove`, the 400s of a missing place or event) and the Node
 * `Cloud` (ti.cloud's anvil suite: check in to a place with tags and custom fields, query, show,
 * remove; no session to delete is a 403).
 */

const server = serverForFile()

describe('Checkins over real HTTP', () => {
  it('the arrowdb SDK: create at a place and at an event → show → update by POST → query → count → remove', async () => {
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
    const place = (await ok(app, 'placesCreate', { name: 'HQ', city: 'Mountain View' })).body.response.places[0]
    const event = (await ok(app, 'eventsCreate', { name: 'Launch', start_time: new Date('2030-01-01T10:00:00Z') })).body.response.events[0]
    const made = await ok(app, 'checkinsCreate', { place_id: place.id, message: 'here', response_json_depth: 3 })
    expect(made.body.response.checkins[0]).toMatchObject({ message: 'here', place: { id: place.id } })
    const id = made.body.response.checkins[0].id as string
    expect((await ok(app, 'checkinsCreate', { event_id: event.id })).body.response.checkins[0].event.id).toBe(event.id)
    expect((await ok(app, 'checkinsShow', { checkin_id: id })).body.meta.method_name).toBe('showCheckins')
    expect((await ok(app, 'checkinsUpdate', { checkin_id: id, message: 'moved' })).body.response.checkins[0].message).toBe('moved')
    expect((await ok(app, 'checkinsQuery', { where: { message: 'moved' } })).body.response.checkins).toHaveLength(1)
    expect((await ok(app, 'checkinsCount')).body.meta.count).toBe(2)
    expect((await refused(app, 'checkinsCreate', { message: 'nowhere' })).statusCode).toBe(400)
    expect((await refused(app, 'checkinsCreate', { event_id: '5f00000000000000000000ff' })).statusCode).toBe(400)
    expect((await refused(app, 'checkinsShow', {})).statusCode).toBe(400)
    expect((await ok(app, 'checkinsRemove', { checkin_id: id })).body.meta.method_name).toBe('deleteCheckin')
    expect((await ok(app, 'checkinsCount')).body.meta.count).toBe(1)
  })

  it('Cloud.Checkins as ti.cloud’s suite calls it; a delete without a session is a 403', async () => {
    const Cloud = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
    const place = (await outcome((cb) => Cloud.Places.create({ name: 'Appcelerator HQ', city: 'Mountain View' }, cb))).places[0]
    const made = await outcome((cb) => Cloud.Checkins.create({ place_id: place.id, message: 'Checking in', tags: 'HQ, work', custom_fields: { project: 'ACS' } }, cb))
    expect(made).toMatchObject({ success: true, checkins: [{ tags: ['HQ', 'work'], custom_fields: { project: 'ACS' }, place: { name: 'Appcelerator HQ' } }] })
    const id = made.checkins[0].id
    expect((await outcome((cb) => Cloud.Checkins.query(cb))).checkins.map((c: { id: string }) => c.id)).toEqual([id])
    expect((await outcome((cb) => Cloud.Checkins.show({ checkin_id: id }, cb))).checkins[0].user.username).toBe('alice')
    const anonymous = createCloud({ url: server().url, key: 'TESTKEY' })
    expect(await outcome((cb) => anonymous.Checkins.remove({ checkin_id: id }, cb))).toMatchObject({ success: false, code: 403, message: 'Current user cannot delete this checkin' })
    expect((await outcome((cb) => Cloud.Checkins.remove({ checkin_id: id }, cb))).success).toBe(true)
  })
})
