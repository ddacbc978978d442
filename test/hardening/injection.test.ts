import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'
import type { RunningMockCloud } from '../../src/server.js'
import { login, startServer, type Call } from '../support/client.js'
import { EVIL_PATTERNS } from '../support/fuzz-requests.js'
import { rawRequest } from '../support/raw-http.js'

// No code runs from input. Prototype-polluting keys in every JSON input reach
// no prototype, code-running operators are refused, and catastrophic regular expressions answer.
const POLLUTERS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":{"__proto__":{"polluted":"yes"}}}',
  '{"__proto__.polluted":"yes"}',
  '{"constructor.prototype.polluted":"yes"}',
]

const notPolluted = (): void => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.prototype).not.toHaveProperty('polluted')
}

let server: RunningMockCloud
let call: Call
beforeAll(async () => {
  ;({ server, call } = await startServer())
})
afterAll(() => server.stop())
afterEach(notPolluted)

describe('prototype-polluting keys', () => {
  it('in every JSON parameter (where, sel, unsel, custom_fields, order), as text and in JSON bodies, pollute nothing', async () => {
    const session = await login(call, 'alice', 'pw-alice')
    for (const json of POLLUTERS) {
      const value = JSON.parse(json) as unknown
      for (const name of ['where', 'sel', 'unsel', 'order', 'custom_fields', 'tags', 'user_ids']) {
        const asText = await call('GET', 'users/query', { [name]: json })
        expect(asText.status, `${name}=${json}`).toBeLessThan(500)
        const asJson = await call('PUT', 'users/update', {}, { session, json: { [name]: value } })
        expect(asJson.status, `${name}: ${json}`).toBeLessThan(500)
      }
      await call('PUT', 'users/update', {}, { session, form: { custom_fields: json } })
      await call('POST', 'users/create', {}, { form: { username: 'p', password: 'p', password_confirmation: 'p', custom_fields: json } })
      const body = `{"where":${json}}`
      await rawRequest(server.url, 'GET', '/v1/users/count.json?key=TESTKEY', { body, headers: { 'content-type': 'application/json' } })
    }
    // Whole bodies and parameter names.
    for (const body of ['{"__proto__":{"polluted":"yes"},"login":"alice"}', '{"constructor":{"prototype":{"polluted":"yes"}}}']) {
      await rawRequest(server.url, 'POST', '/v1/users/login.json?key=TESTKEY', { body, headers: { 'content-type': 'application/json' } })
    }
    await rawRequest(server.url, 'GET', '/v1/users/count.json?key=TESTKEY&__proto__[polluted]=yes&constructor[prototype][polluted]=yes')
    await rawRequest(server.url, 'POST', '/v1/users/login.json?key=__proto__', { body: '__proto__=x&constructor=y' })
    // Such custom field names are dropped (docs/api.md "Custom fields"); deeper down they are plain data.
    const me = await call('GET', 'users/show/me', {}, { session })
    const names = Object.keys(me.body.response.users[0].custom_fields)
    for (const name of ['__proto__', 'constructor', 'prototype', '__proto__.polluted']) expect(names).not.toContain(name)
  })

  it('in a fixture and in a data file pollute nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-cloud-injection-'))
    try {
      for (const json of POLLUTERS) {
        const fixture = join(dir, 'fixture.json')
        await writeFile(fixture, `{"users":[{"username":"x","password":"p","custom_fields":${json}}],"__proto__":{"polluted":"yes"}}`)
        await createMockCloud({ fixtures: fixture }).then((cloud) => cloud.close(), () => undefined)
        const data = join(dir, 'data.json')
        await writeFile(data, `{"apps":{"__proto__":{"users":[],"sessions":{}},"K":{"users":[],"sessions":${json}}},"__proto__":{"polluted":"yes"}}`)
        await createMockCloud({ data }).then((cloud) => cloud.close(), () => undefined)
        notPolluted()
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('a custom field named __proto__ in a data file', () => {
  it('stops the start naming the field, instead of becoming the prototype of the user\'s query document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mock-cloud-injection-'))
    try {
      const data = join(dir, 'data.json')
      const user = { id: '5f0000000000000000000001', username: 'x', created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z', admin: false, password_hash: 'h', external_accounts: [] }
      await writeFile(data, `{"apps":{"K":{"users":[${JSON.stringify(user).slice(0, -1)},"custom_fields":{"__proto__":{"admin":true}}}],"sessions":{}}}}`)
      await expect(createMockCloud({ data })).rejects.toThrow('apps["K"].collections["users"][0].custom_fields is missing or malformed')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('code in input', () => {
  it('operators that would run code are refused with a 400 and never run', async () => {
    for (const operator of ['$where', '$function', '$accumulator', '$expr', '$jsonSchema']) {
      const reply = await call('GET', 'users/query', { where: { [operator]: 'globalThis.ran = true' } })
      expect(reply.status).toBe(400)
      expect(reply.body.meta.message).toMatch(/^Invalid where parameter: /)
    }
    expect((globalThis as { ran?: unknown }).ran).toBeUndefined()
  })

  it('catastrophic regular expressions answer (prefix-only patterns in a linear-time engine, length cap)', async () => {
    await call('POST', 'users/create', {}, { form: { username: `${'a'.repeat(40)}!`, password: 'p', password_confirmation: 'p' } })
    for (const pattern of EVIL_PATTERNS) {
      const reply = await call('GET', 'users/query', { where: { username: { $regex: pattern } } })
      expect(reply.status, pattern).toBeLessThan(500)
      expect(reply.body.meta, pattern).toBeTypeOf('object')
    }
  })
})
