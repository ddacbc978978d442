import { createCloud, type Cloud } from 'mock-cloud/ti-cloud'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer } from '../support/client.js'
import { outcome } from '../support/titanium.js'

/**
 * `Cloud.KeyValues` against a running mock-cloud (fixture S): set, get, append, increment and
 * remove as ti.cloud sends them (PUT as a form body; GET and DELETE in the query string).
 */

let server: RunningMockCloud
let Cloud: Cloud

beforeAll(async () => {
  ;({ server } = await startServer())
})
afterAll(() => server.stop())
beforeEach(async () => {
  await server.reset()
  Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
  expect((await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))).success).toBe(true)
})

describe('Cloud.KeyValues', () => {
  it('set → get → append → remove → get fails', async () => {
    const set = await outcome((cb) => Cloud.KeyValues.set({ name: 'welcome', value: 'Hello' }, cb))
    expect(set.success).toBe(true)
    const got = await outcome((cb) => Cloud.KeyValues.get({ name: 'welcome' }, cb))
    expect(got.keyvalues).toEqual([expect.objectContaining({ name: 'welcome', value: 'Hello' })])
    const appended = await outcome((cb) => Cloud.KeyValues.append({ name: 'welcome', value: ', Drillbit' }, cb))
    expect(appended.keyvalues[0].value).toBe('Hello, Drillbit')
    expect((await outcome((cb) => Cloud.KeyValues.remove({ name: 'welcome' }, cb))).success).toBe(true)
    const gone = await outcome((cb) => Cloud.KeyValues.get({ name: 'welcome' }, cb))
    expect(gone).toMatchObject({ success: false, error: true, code: 400, message: 'Invalid key-value name' })
  })

  it('increment adds to a numeric string; private values need access_private (sent as 1)', async () => {
    await outcome((cb) => Cloud.KeyValues.set({ name: 'count', value: '100' }, cb))
    expect((await outcome((cb) => Cloud.KeyValues.increment({ name: 'count', value: 10 }, cb))).keyvalues[0].value).toBe(110)
    await outcome((cb) => Cloud.KeyValues.set({ name: 'count', value: 'mine', access_private: true }, cb))
    expect((await outcome((cb) => Cloud.KeyValues.get({ name: 'count', access_private: true }, cb))).keyvalues[0].value).toBe('mine')
    expect((await outcome((cb) => Cloud.KeyValues.get({ name: 'count' }, cb))).keyvalues[0].value).toBe(110)
  })
})
