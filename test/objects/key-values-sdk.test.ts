import ArrowDB from 'arrowdb'
import { beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { ok, sdk } from '../support/arrowdb-calls.js'
import { serversStoppedAfterEach } from '../support/servers.js'

/**
 * KeyValues end to end through the real `arrowdb` npm SDK (1.0.12): PUT and DELETE params as an
 * urlencoded body, GET params in the query string, the session as a `_session_id` cookie.
 */

describe('the arrowdb npm SDK drives KeyValues against mock-cloud', () => {
  const start = serversStoppedAfterEach()
  let server: RunningMockCloud
  let app: ArrowDB

  beforeEach(async () => {
    ;({ server } = await start())
    app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
    await ok(app, 'usersCreate', { username: 'kvuser', password: 'kv-pass', password_confirmation: 'kv-pass' })
    await ok(app, 'usersLogin', { login: 'kvuser', password: 'kv-pass' })
  })

  it('set → get → append → delete → get fails', async () => {
    const set = await ok(app, 'keyValuesSet', { name: 'SN', value: '098765432' })
    expect(set.body.meta.method_name).toBe('setKeyvalue')
    const got = await ok(app, 'keyValuesGet', { name: 'SN' })
    expect(got.body.response.keyvalues[0]).toMatchObject({ name: 'SN', value: '098765432' })
    const appended = await ok(app, 'keyValuesAppend', { name: 'SN', value: '1234567890' })
    expect(appended.body.response.keyvalues[0].value).toBe('0987654321234567890')
    expect((await ok(app, 'keyValuesCount')).body.meta.count).toBe(1)
    const deleted = await ok(app, 'keyValuesDelete', { name: 'SN' })
    expect(deleted.body.meta.method_name).toBe('deleteKeyvalue')
    const { err } = await sdk(app, 'keyValuesGet', { name: 'SN' })
    expect(err?.statusCode).toBe(400)
    expect(err?.body.meta.message).toBe('Invalid key-value name')
  })

  it('incrby and increment add integers sent as form strings; remove deletes', async () => {
    await ok(app, 'keyValuesSet', { name: 'counter', value: 5 })
    expect((await ok(app, 'keyValuesIncrby', { name: 'counter', value: 2 })).body.response.keyvalues[0].value).toBe(7)
    expect((await ok(app, 'keyValuesIncrement', { name: 'counter', value: -5 })).body.response.keyvalues[0].value).toBe(2)
    await ok(app, 'keyValuesRemove', { name: 'counter' })
    expect((await ok(app, 'keyValuesCount')).body.meta.count).toBe(0)
  })

  it('private values, query of the public ones, and the required-field texts', async () => {
    await ok(app, 'keyValuesSet', { name: 'mine', value: 'private', access_private: true })
    await ok(app, 'keyValuesSet', { name: 'ours', value: 'public' })
    expect((await ok(app, 'keyValuesGet', { name: 'mine', access_private: true })).body.response.keyvalues[0].value).toBe('private')
    const query = await ok(app, 'keyValuesQuery', { where: { name: { $in: ['mine', 'ours'] } } })
    expect(query.body.response.keyvalues.map((pair: { name: string }) => pair.name)).toEqual(['ours'])
    expect((await sdk(app, 'keyValuesSet', { value: 'x' })).err?.body.meta.message).toBe('Key-value name required')
    expect((await sdk(app, 'keyValuesSet', { name: 'x' })).err?.body.meta.message).toBe('Key-value value required')
  })
})
