import { Agent } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { login, startServer, type Call } from '../support/client.js'
import { ids } from '../support/fixture-s.js'
import { rawRequest } from '../support/raw-http.js'

// Requests racing on one server. The service re-checks uniqueness after the
// password hash and re-reads the user after every await, so no race loses or mixes a write.
const agent = new Agent({ keepAlive: true, maxSockets: 100 })
afterAll(() => agent.destroy())
const running: RunningMockCloud[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()))
})

async function serve(options: Parameters<typeof startServer>[0] = {}): Promise<{ url: string; call: Call }> {
  const { server, call } = await startServer(options)
  running.push(server)
  return { url: server.url, call }
}

const post = (url: string, path: string, form: Record<string, string>) =>
  rawRequest(url, 'POST', path, {
    body: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    agent,
  })

const TAKEN = 'Failed to create user: Validation failed - '

describe('1,000 concurrent creates, a tenth of them duplicates', () => {
  it('store exactly one user per username and email, refuse every other with the documented answer, and lose none', async () => {
    const { url, call } = await serve()
    const creates: { form: Record<string, string>; group: string; clash: string }[] = []
    for (let i = 0; i < 900; i++) creates.push({ form: { username: `user${i}`, email: `user${i}@example.com` }, group: `${i}`, clash: '' })
    // 50 take a username of the 900, 50 an email: in each pair exactly one may win.
    for (let i = 0; i < 50; i++) creates.push({ form: { username: `user${i}`, email: `dup${i}@example.com` }, group: `${i}`, clash: 'Username is already taken.' })
    for (let i = 50; i < 100; i++) creates.push({ form: { username: `other${i}`, email: `user${i}@example.com` }, group: `${i}`, clash: 'Email is already taken.' })
    const replies = await Promise.all(
      creates.map(({ form }) => post(url, '/v1/users/create.json?key=TESTKEY', { ...form, password: 'p', password_confirmation: 'p' })),
    )

    const byGroup = new Map<string, { status: number; message?: string }[]>()
    replies.forEach((reply, i) => {
      const group = creates[i]!.group
      byGroup.set(group, [...(byGroup.get(group) ?? []), { status: reply.status, message: reply.body.meta.message }])
    })
    for (const [group, answers] of byGroup) {
      expect(answers.filter((answer) => answer.status === 200), `group ${group}`).toHaveLength(1)
      const clash = creates.find((create) => create.group === group && create.clash !== '')?.clash
      for (const refused of answers.filter((answer) => answer.status !== 200)) {
        expect(refused).toEqual({ status: 400, message: `${TAKEN}${clash}` })
      }
    }
    const created = replies.filter((reply) => reply.status === 200)
    expect(created).toHaveLength(900)
    // None lost: every acknowledged user is stored, once.
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5 + 900)
    const stored = new Set<string>()
    for (let skip = 0; skip < 1000; skip += 1000) {
      const page = await call('GET', 'users/query', { limit: 1000, skip, sel: { all: ['username'] } })
      for (const user of page.body.response.users) stored.add(user.username)
    }
    for (const reply of created) expect(stored.has(reply.body.response.users[0].username)).toBe(true)
  }, 60_000)

  it('hold under the strict (scrypt) profile too, where the hash leaves time for the race', async () => {
    const { url, call } = await serve({ passwordHashing: 'strict' })
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(url, '/v1/users/create.json?key=TESTKEY', { username: `racer${i % 10}`, email: `racer${i}@example.com`, password: 'p', password_confirmation: 'p' }),
      ),
    )
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(10)
    for (const reply of replies.filter((r) => r.status !== 200)) expect(reply.body.meta.message).toBe(`${TAKEN}Username is already taken.`)
    expect((await call('GET', 'users/count', { where: { username: { $regex: '^racer' } } })).body.meta.count).toBe(10)
  }, 60_000)
})

describe('concurrent updates to one user', () => {
  it('end in exactly one of the written states, never a mix, password included', async () => {
    const { url, call } = await serve({ passwordHashing: 'strict' })
    const session = await login(call, 'alice', 'pw-alice')
    const writes = 30
    const replies = await Promise.all(
      Array.from({ length: writes }, (_, i) =>
        post(url, `/v1/users/update.json?key=TESTKEY&_session_id=${session}`, {
          first_name: `F${i}`,
          last_name: `L${i}`,
          custom_fields: JSON.stringify({ n: i, tag: `t${i}` }),
          password: `pw${i}`,
          password_confirmation: `pw${i}`,
        }),
      ),
    )
    expect(replies.every((reply) => reply.status === 200)).toBe(true)
    const me = (await call('GET', 'users/show', { user_id: ids.alice })).body.response.users[0]
    const i = me.custom_fields.n as number
    expect(me).toMatchObject({ first_name: `F${i}`, last_name: `L${i}`, custom_fields: { n: i, tag: `t${i}`, age: 30, color: 'red' } })
    // The password of the same write: the state is whole.
    expect((await call('POST', 'users/login', {}, { form: { login: 'alice', password: `pw${i}` } })).status).toBe(200)
  }, 60_000)
})

describe('logins during deletes', () => {
  it('never hand out a session of a deleted user', async () => {
    const { url, call } = await serve({ passwordHashing: 'strict' })
    const users = Array.from({ length: 30 }, (_, i) => `gone${i}`)
    const sessions = await Promise.all(
      users.map(async (username) => {
        const reply = await post(url, '/v1/users/create.json?key=TESTKEY', { username, password: 'p', password_confirmation: 'p' })
        return reply.body.meta.session_id as string
      }),
    )
    // Each user deletes itself while a login as that user is checking the password.
    const outcomes = await Promise.all(
      users.map(async (username, i) => {
        const loggingIn = post(url, '/v1/users/login.json?key=TESTKEY', { login: username, password: 'p' })
        const deleted = await rawRequest(url, 'DELETE', `/v1/users/delete.json?key=TESTKEY&_session_id=${sessions[i]}`, { agent })
        return { deleted: deleted.status, login: await loggingIn }
      }),
    )
    for (const { deleted, login: reply } of outcomes) {
      expect(deleted).toBe(200)
      if (reply.status === 200) {
        // A login that won the race got a session that the delete then ended.
        const me = await call('GET', 'users/show/me', {}, { session: reply.body.meta.session_id })
        expect(me.status).toBe(401)
      } else {
        expect(reply.body.meta.message).toBe('Invalid email/username or password.')
      }
    }
    expect((await call('GET', 'users/count', { where: { username: { $regex: '^gone' } } })).body.meta.count).toBe(0)
  }, 60_000)
})
