import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer, type Call } from '../support/client.js'

/**
 * Date custom fields (docs/api.md "Custom fields"): stored as instants, so `where` and `order` compare instants,
 * whether the `where` value is in the custom-field form
 * (`2011-11-02 17:07:37 -0700`) or in the wire form a reply shows
 * (`2011-11-03T00:07:37+0000`), and still after a restart from `--data`.
 */

// Text order and instant order disagree: "09:00 +0900" is the earliest instant.
const joined = {
  ann: '2020-01-01 12:00:00+0000', // 2020-01-01T12:00:00Z
  ben: '2020-01-01 09:00:00+0900', // 2020-01-01T00:00:00Z
  cat: '2020-01-01 10:00:00 -0500', // 2020-01-01T15:00:00Z
}

const servers: RunningMockCloud[] = []
let dir: string | undefined

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()))
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

async function start(options: { data?: string } = {}): Promise<Call> {
  const { server, call } = await startServer({ fixtures: { users: [] }, ...options })
  servers.push(server)
  return call
}

/** Signs the three users up through users/create, each with a `joined` date and a `label` holding wire-form text. */
async function createUsers(call: Call): Promise<void> {
  for (const [username, date] of Object.entries(joined)) {
    const custom_fields = { joined: date, label: username === 'ann' ? '2020-01-01T12:00:00Z' : 'x' }
    const reply = await call('POST', 'users/create', {}, {
      form: { username, password: 'pw', password_confirmation: 'pw', custom_fields },
    })
    expect(reply.status, reply.text).toBe(200)
  }
}

async function names(call: Call, params: Record<string, unknown>): Promise<string[]> {
  const reply = await call('GET', 'users/query', params)
  expect(reply.status, reply.text).toBe(200)
  return reply.body.response.users.map((u: { username: string }) => u.username)
}

/** What every server holding those users must answer, first started or restarted. */
async function expectInstantSemantics(call: Call): Promise<void> {
  const shown = await call('GET', 'users/query', { where: { username: 'ben' } })
  expect(shown.body.response.users[0].custom_fields.joined).toBe('2020-01-01T00:00:00+0000')

  expect(await names(call, { order: 'joined' })).toEqual(['ben', 'ann', 'cat'])
  expect(await names(call, { order: '-joined' })).toEqual(['cat', 'ann', 'ben'])
  // The wire form, as a client echoes it back from a reply.
  expect(await names(call, { where: { joined: '2020-01-01T00:00:00+0000' } })).toEqual(['ben'])
  expect(await names(call, { where: { joined: { $gt: '2020-01-01T00:00:00+0000' } } })).toEqual(['ann', 'cat'])
  expect(await names(call, { where: { joined: { $lte: '2020-01-01T12:00:00+0000' } }, order: 'joined' })).toEqual(['ben', 'ann'])
  expect(await names(call, { where: { joined: { $in: ['2020-01-01T15:00:00+0000', '2019-01-01T00:00:00+0000'] } } })).toEqual(['cat'])
  // The custom-field form, in another zone than stored.
  expect(await names(call, { where: { joined: { $lt: '2020-01-01 07:00:01 -0500' } } })).toEqual(['ann', 'ben'])
  expect(await names(call, { where: { joined: '2020-01-01 21:00:00+0900' } })).toEqual(['ann'])
}

describe('date custom fields', () => {
  it('compare and sort by instant, with where values in the wire form or the custom-field form', async () => {
    const call = await start()
    await createUsers(call)
    await expectInstantSemantics(call)
  })

  it('still match a text field holding the same characters as text', async () => {
    const call = await start()
    await createUsers(call)
    expect(await names(call, { where: { label: '2020-01-01T12:00:00Z' } })).toEqual(['ann'])
    expect(await names(call, { where: { label: { $lt: '2020-01-01T12:00:01Z' } } })).toEqual(['ann'])
  })

  it('stay dates when a client sends back the wire form a reply showed it', async () => {
    const call = await start()
    await createUsers(call)
    const session = (await call('POST', 'users/login', {}, { form: { login: 'cat', password: 'pw' } })).body.meta.session_id
    const me = (await call('GET', 'users/show/me', {}, { session })).body.response.users[0]
    // Sent back unchanged, e.g. after editing another field of the profile.
    const updated = await call('PUT', 'users/update', {}, { session, form: { custom_fields: { ...me.custom_fields, label: 'y' } } })
    expect(updated.body.response.users[0].custom_fields.joined).toBe(me.custom_fields.joined)
    expect(await names(call, { order: '-joined' })).toEqual(['cat', 'ann', 'ben'])
    expect(await names(call, { where: { joined: { $gt: '2020-01-01 12:00:00+0000' } } })).toEqual(['cat'])
  })

  it('compare and sort by instant after a restart from the --data file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mock-cloud-dates-'))
    const data = join(dir, 'data.json')
    const first = await start({ data })
    await createUsers(first)
    await servers.pop()!.stop()

    const restarted = await start({ data })
    await expectInstantSemantics(restarted)
  })
})
