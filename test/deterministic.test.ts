import { describe, expect, it } from 'vitest'
import type { MockCloudOptions } from '../src/options.js'
import { fixtureS } from './support/fixture-s.js'
import type { Call } from './support/client.js'
import { serversStoppedAfterEach } from './support/servers.js'

// Deterministic mode (docs/toolkit.md): with a seed, the same calls give the same bytes.

const start = serversStoppedAfterEach()
const fixtures = { users: [...fixtureS.users!, { username: 'noid', password: 'pw-noid' }] }

/** Runs the same calls on a fresh server and returns what a client saw of each: status, Set-Cookie and body bytes. */
async function script(options: MockCloudOptions): Promise<string[]> {
  const { server, call } = await start({ fixtures, ...options })
  const seen: string[] = []
  const record = async (reply: ReturnType<Call>) => {
    const { status, headers, text } = await reply
    seen.push(`${status} ${headers.get('set-cookie') ?? ''} ${text}`)
    return JSON.parse(text)
  }
  const signUp = { password: 'p', password_confirmation: 'p' }
  const created = await record(call('POST', 'users/create', {}, { form: { username: 'frank', ...signUp } }))
  const session = created.meta.session_id as string
  await record(call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice' } }))
  await record(call('PUT', 'users/update', {}, { session, form: { first_name: 'Frank' } }))
  await record(call('GET', 'users/query', { order: '-created_at', limit: 3 }))
  await record(call('POST', 'users/create', {}, { key: 'OTHER', form: { username: 'gina', ...signUp } }))
  await record(call('GET', 'users/query', { where: { username: 'noid' } }, { key: 'OTHER' }))
  await record(call('GET', 'users/logout', {}, { session }))
  await record(call('GET', 'users/request_reset_password', { email: 'alice@example.com' }))
  const outbox = await fetch(`${server.url}/__mock/outbox?key=TESTKEY`)
  seen.push(await outbox.text())
  return seen
}

describe('deterministic mode', () => {
  it('two fresh servers given the same seed and calls answer byte for byte the same, tokens included', async () => {
    const first = await script({ seed: 42 })
    const second = await script({ seed: 42 })
    expect(second).toEqual(first)
    // The clock starts frozen at 2020-01-01T00:00:00Z: the ids' time part is 0x5e0be100.
    expect(first[0]).toContain('"created_at":"2020-01-01T00:00:00+0000"')
    expect(JSON.parse(first.at(-1)!).response.mails[0].token).toMatch(/^[\w-]{20,}$/)
    expect(JSON.parse(first[0]!.slice(first[0]!.indexOf('{'))).response.users[0].id).toMatch(/^5e0be100/)
  })

  it('another seed, or no seed, gives other ids and session ids', async () => {
    const seeded = await script({ seed: 42 })
    expect(await script({ seed: 43 })).not.toEqual(seeded)
    expect(await script({})).not.toEqual(await script({}))
  })

  it('each app key has its own generator: its answers do not depend on calls made with other keys', async () => {
    const { call: callOne } = await start({ seed: 7 })
    const { call: callTwo } = await start({ seed: 7 })
    const signUp = { password: 'p', password_confirmation: 'p' }
    await callTwo('POST', 'users/create', {}, { key: 'NOISE', form: { username: 'zed', ...signUp } })
    const a = await callOne('POST', 'users/create', {}, { key: 'A', form: { username: 'frank', ...signUp } })
    const b = await callTwo('POST', 'users/create', {}, { key: 'A', form: { username: 'frank', ...signUp } })
    expect(b.text).toBe(a.text)
  })

  it('a reset of a key starts its generator again, so a test after a reset sees the same ids', async () => {
    const { server, call } = await start({ seed: 'reset' })
    const signUp = { password: 'p', password_confirmation: 'p' }
    const first = await call('POST', 'users/create', {}, { form: { username: 'frank', ...signUp } })
    await server.reset('TESTKEY')
    const again = await call('POST', 'users/create', {}, { form: { username: 'frank', ...signUp } })
    expect(again.text).toBe(first.text)
  })
})
