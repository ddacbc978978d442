import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { login, startServer, type Call } from '../support/client.js'
import type { RunningMockCloud } from '../../src/server.js'

// users/create (docs/users.md "Writes", "Replies", docs/api.md "Ids and dates").
let server: RunningMockCloud
let call: Call
beforeEach(async () => ({ server, call } = await startServer()))
afterEach(() => server.stop())

const prefix = 'Failed to create user: Validation failed - '

describe('users/create', () => {
  it('creates a user shaped as the live service shaped them and logs the caller in', async () => {
    const reply = await call('POST', 'users/create', {}, {
      form: {
        username: 'Erin',
        email: 'Erin@Example.com',
        password: 'secret',
        password_confirmation: 'secret',
        first_name: 'Erin',
        last_name: 'Lee',
        role: 'teacher',
        tags: 'hiking, swimming',
        custom_fields: { age: 23, favorite_color: 'blue', nothing: null },
      },
    })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toMatchObject({ code: 200, status: 'ok', method_name: 'createUser' })
    const sessionId = reply.body.meta.session_id
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{22,}$/)
    expect(reply.headers.get('set-cookie')).toBe(`_session_id=${sessionId}; Path=/; HttpOnly`)
    const user = reply.body.response.users[0]
    expect(Object.keys(user)).toEqual([
      'id', 'first_name', 'last_name', 'created_at', 'updated_at', 'external_accounts', 'confirmed_at',
      'username', 'email', 'role', 'admin', 'tags', 'custom_fields', 'stats',
    ])
    expect(user).toMatchObject({
      first_name: 'Erin',
      last_name: 'Lee',
      username: 'erin',
      email: 'erin@example.com',
      role: 'teacher',
      admin: 'false',
      tags: ['hiking', 'swimming'],
      external_accounts: [],
      custom_fields: { age: 23, favorite_color: 'blue' },
      stats: { photos: { total_count: 0 }, storage: { used: 0 } },
    })
    expect(user.id).toMatch(/^[0-9a-f]{24}$/)
    expect(user.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/)
    expect(user.updated_at).toBe(user.created_at)
    expect(user.confirmed_at).toBe(user.created_at)
    expect(JSON.stringify(reply.body)).not.toMatch(/secret|password/)
  })

  it('omits names, username, role and tags that were never set', async () => {
    const reply = await call('POST', 'users/create', {}, {
      form: { email: 'x@example.com', first_name: 'X', last_name: 'Y', password: 'p', password_confirmation: 'p' },
    })
    const user = reply.body.response.users[0]
    expect(user).not.toHaveProperty('username')
    expect(user).not.toHaveProperty('role')
    expect(user).not.toHaveProperty('tags')
    expect(user.custom_fields).toEqual({})
  })

  it('gives later users larger ids, so ids sort by creation', async () => {
    const make = async (name: string) =>
      (await call('POST', 'users/create', {}, { form: { username: name, password: 'p', password_confirmation: 'p' } }))
        .body.response.users[0].id as string
    const first = await make('first')
    const second = await make('second')
    expect(second > first).toBe(true)
  })

  it.each([
    ['nothing identifying', { password: 'p', password_confirmation: 'p' }, `${prefix}A username, email or external account is required.`],
    ['no password', { username: 'erin' }, `${prefix}Password can't be blank.`],
    ['no confirmation', { username: 'erin', password: 'p' }, `${prefix}Password confirmation doesn't match Password.`],
    ['a mismatched confirmation', { username: 'erin', password: 'p', password_confirmation: 'q' }, `${prefix}Password confirmation doesn't match Password.`],
    ['an email without names', { email: 'erin@example.com', password: 'p', password_confirmation: 'p' }, `${prefix}First name can't be blank, Last name can't be blank.`],
    ['an email without a last name', { email: 'erin@example.com', first_name: 'E', password: 'p', password_confirmation: 'p' }, `${prefix}Last name can't be blank.`],
    ['a malformed email', { email: 'erin@', first_name: 'E', last_name: 'L', password: 'p', password_confirmation: 'p' }, 'Invalid Email Address.'],
    ['a taken username', { username: 'ALICE', password: 'p', password_confirmation: 'p' }, `${prefix}Username is already taken.`],
    ['a taken email', { username: 'erin', email: 'Bob@Example.com', password: 'p', password_confirmation: 'p' }, `${prefix}Email is already taken.`],
  ])('refuses %s with a 400 and stores nothing', async (_name, form, message) => {
    const reply = await call('POST', 'users/create', {}, { form })
    expect(reply.status).toBe(400)
    expect(reply.body).toEqual({ meta: { status: 'fail', code: 400, message, method_name: 'createUser' } })
    expect(reply.headers.get('set-cookie')).toBeNull()
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
  })

  it('hands a signed-in caller\'s session to the new user: same id in meta and cookie, old user gone from it', async () => {
    for (const how of ['session', 'cookie'] as const) {
      const session = await login(call, 'alice', 'pw-alice')
      const sent = how === 'session' ? { session } : { cookie: `_session_id=${session}` }
      const username = `new-${how}`
      const reply = await call('POST', 'users/create', {}, { ...sent, form: { username, password: 'p', password_confirmation: 'p' } })
      expect(reply.status).toBe(200)
      expect(reply.body.meta.session_id).toBe(session)
      expect(reply.headers.get('set-cookie')).toBe(`_session_id=${session}; Path=/; HttpOnly`)
      const me = await call('GET', 'users/show/me', {}, sent)
      expect(me.body.response.users[0].username).toBe(username)
    }
    // alice herself still logs in and gets a session of her own.
    expect(await login(call, 'alice', 'pw-alice')).toEqual(expect.any(String))
  })

  it('gives a caller whose session is unknown or ended a new session', async () => {
    const ended = await login(call, 'bob', 'pw-bob')
    await call('GET', 'users/logout', {}, { session: ended })
    for (const [username, session] of [['ivy', ended], ['jay', 'no-such-session']] as const) {
      const reply = await call('POST', 'users/create', {}, { session, form: { username, password: 'p', password_confirmation: 'p' } })
      expect(reply.body.meta.session_id).toEqual(expect.any(String))
      expect(reply.body.meta.session_id).not.toBe(session)
      expect((await call('GET', 'users/show/me', {}, { session })).status).toBe(401)
    }
  })

  it('keeps an admin caller logged in as the admin, with no new session', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const reply = await call('POST', 'users/create', {}, {
      session: admin,
      form: { username: 'hank', password: 'p', password_confirmation: 'p', admin: 'true' },
    })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).not.toHaveProperty('session_id')
    expect(reply.body.response.users[0].admin).toBe('false')
    expect((await call('GET', 'users/show/me', {}, { session: admin })).body.response.users[0].username).toBe('admin')
  })

  it('ignores an admin parameter from a non-admin', async () => {
    const reply = await call('POST', 'users/create', {}, {
      form: { username: 'mallory', password: 'p', password_confirmation: 'p', admin: 'true' },
    })
    expect(reply.body.response.users[0].admin).toBe('false')
  })

  it.each([
    ['text that is not JSON', '[1,2', /^Invalid custom_fields parameter: not valid JSON/],
    ['a JSON array', '[1,2]', /^Invalid custom_fields parameter: must be a JSON object$/],
  ])('answers custom_fields holding %s with a 400', async (_name, custom_fields, message) => {
    const reply = await call('POST', 'users/create', {}, {
      form: { username: 'erin', password: 'p', password_confirmation: 'p', custom_fields },
    })
    expect(reply.status).toBe(400)
    expect(reply.body.meta.message).toMatch(message)
  })

  it('answers tags that are neither text nor a list with a 400', async () => {
    const reply = await call('POST', 'users/create', {}, {
      json: { username: 'erin', password: 'p', password_confirmation: 'p', tags: { a: 1 } },
    })
    expect(reply.status).toBe(400)
    expect(reply.body.meta.message).toBe('Invalid tags parameter: expected a comma-separated string')
  })
})
