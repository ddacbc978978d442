import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Fixture, FixtureUser } from '../src/objects/index.js'
import type { RunningMockCloud } from '../src/server.js'
import { login, startServer, usernames, type Call, type Reply } from './support/client.js'
import { fixtureS, ids } from './support/fixture-s.js'
import { rawRequest } from './support/raw-http.js'

/**
 * The reference cases over real HTTP, one `describe` per case, plus probes of the same kind of
 * fault beyond the row; the expected answers are those docs/api.md and docs/users.md describe.
 */

const NO_SESSION = 'You need to sign in or sign up before continuing.'
const BAD_LOGIN = 'Invalid email/username or password.'
const CREATE_FAILED = 'Failed to create user: Validation failed - '
const UPDATE_FAILED = 'Failed to update user: Validation failed - '
const LIMIT_RANGE = 'Invalid limit parameter; value must be in a valid range of 1~1000'
const SKIP_RANGE = 'Invalid skip parameter; value must be in a valid range of 0~4999'
const REGEX_UNSUPPORTED = 'This regex query is not supported, regex expression should start with ^letter or ^digit.'

/** The wire date format (docs/api.md "Ids and dates"). */
const WIRE_DATE = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/)
const STATS = { photos: { total_count: 0 }, storage: { used: 0 } }

type Name = 'alice' | 'bob' | 'carol' | 'dave' | 'admin'

/**
 * A fixture-S user exactly as a client sees it (docs/users.md "Replies"): `withEmail` for the user themself or an admin caller.
 */
function userOf(name: Name, withEmail: boolean): Record<string, unknown> {
  const source = fixtureS.users!.find((u) => u.username === name) as FixtureUser
  return {
    id: ids[name],
    created_at: WIRE_DATE,
    updated_at: WIRE_DATE,
    confirmed_at: WIRE_DATE,
    external_accounts: [],
    username: name,
    ...(withEmail && { email: source.email }),
    ...(source.first_name !== undefined && { first_name: source.first_name }),
    ...(source.last_name !== undefined && { last_name: source.last_name }),
    ...(source.tags !== undefined && { tags: source.tags }),
    admin: source.admin ? 'true' : 'false',
    custom_fields: source.custom_fields ?? {},
    stats: STATS,
  }
}

/** Asserts a failure envelope: HTTP status = meta.code, no `response`, exact message and method. */
function expectFailure(reply: Reply, code: number, message: string, method_name: string): void {
  expect(reply.status).toBe(code)
  expect(reply.body).toEqual({ meta: { status: 'fail', code, message, method_name } })
}

async function count(call: Call): Promise<number> {
  const reply = await call('GET', 'users/count')
  expect(reply.status).toBe(200)
  return reply.body.meta.count as number
}

async function query(call: Call, where: unknown, extra: Record<string, unknown> = {}, session?: string): Promise<Reply> {
  return call('GET', 'users/query', { where, limit: 100, ...extra }, session === undefined ? {} : { session })
}

/** Runs the queries of a case and returns the matching usernames, failing on any non-200. */
async function matching(call: Call, where: unknown): Promise<string[]> {
  const reply = await query(call, where)
  expect(reply.status, reply.text).toBe(200)
  return usernames(reply)
}

const create = (call: Call, form: Record<string, unknown>, session?: string) =>
  call('POST', 'users/create', {}, { form, ...(session !== undefined && { session }) })

const update = (call: Call, session: string, form: Record<string, unknown>) =>
  call('PUT', 'users/update', {}, { session, form })

/** A server seeded with S for each test of the enclosing describe. */
function withServer(options: Parameters<typeof startServer>[0] = {}) {
  const ctx = {} as { server: RunningMockCloud; call: Call }
  beforeEach(async () => {
    Object.assign(ctx, await startServer(options))
  })
  afterEach(async () => {
    await ctx.server.stop()
  })
  return ctx
}

describe('B01 one login parameter accepts the username or the email', () => {
  const ctx = withServer()

  it('login=alice replies 200 loginUser with a session id and alice with her private fields', async () => {
    const reply = await ctx.call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice' } })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({
      meta: { code: 200, status: 'ok', method_name: 'loginUser', session_id: expect.stringMatching(/^[A-Za-z0-9_-]{22,}$/) },
      response: { users: [userOf('alice', true)] },
    })
    expect(reply.headers.get('set-cookie')).toBe(`_session_id=${reply.body.meta.session_id}; Path=/; HttpOnly`)
  })

  it('login=alice@example.com logs in the same user <u1>', async () => {
    const reply = await ctx.call('POST', 'users/login', {}, { form: { login: 'alice@example.com', password: 'pw-alice' } })
    expect(reply.status).toBe(200)
    expect(reply.body.meta.method_name).toBe('loginUser')
    expect(reply.body.response.users[0].id).toBe(ids.alice)
  })

  it('login is case-insensitive for username and email (docs/users.md "Case")', async () => {
    for (const name of ['ALICE', 'Alice@Example.COM']) {
      const reply = await ctx.call('POST', 'users/login', {}, { form: { login: name, password: 'pw-alice' } })
      expect(reply.status, name).toBe(200)
      expect(reply.body.response.users[0].id, name).toBe(ids.alice)
    }
  })

  it('each login hands out a different session id, and both work', async () => {
    const first = await login(ctx.call, 'alice', 'pw-alice')
    const second = await login(ctx.call, 'alice@example.com', 'pw-alice')
    expect(second).not.toBe(first)
    for (const session of [first, second]) {
      const me = await ctx.call('GET', 'users/show/me', {}, { session })
      expect(me.body.response.users[0].id).toBe(ids.alice)
    }
  })

  it('the known method names come back: createUser, loginUser, showMe, updateUser, queryUsers, deleteUser', async () => {
    const made = await create(ctx.call, { username: 'erin', password: 'p', password_confirmation: 'p' })
    const session = made.body.meta.session_id as string
    const loggedIn = await ctx.call('POST', 'users/login', {}, { form: { login: 'erin', password: 'p' } })
    const me = await ctx.call('GET', 'users/show/me', {}, { session })
    const updated = await update(ctx.call, session, { first_name: 'Erin' })
    const queried = await ctx.call('GET', 'users/query')
    const deleted = await ctx.call('DELETE', 'users/delete', {}, { session })
    expect([made, loggedIn, me, updated, queried, deleted].map((r) => [r.status, r.body.meta.method_name])).toEqual([
      [200, 'createUser'],
      [200, 'loginUser'],
      [200, 'showMe'],
      [200, 'updateUser'],
      [200, 'queryUsers'],
      [200, 'deleteUser'],
    ])
  })
})

describe('B02 a wrong password and an unknown login give the same generic 401', () => {
  const ctx = withServer()

  it('login=alice with a wrong password is 401 "Invalid email/username or password."', async () => {
    const reply = await ctx.call('POST', 'users/login', {}, { form: { login: 'alice', password: 'wrong' } })
    expectFailure(reply, 401, BAD_LOGIN, 'loginUser')
    expect(reply.headers.get('set-cookie')).toBeNull()
  })

  it('an unknown login gets a reply identical to a wrong password', async () => {
    const wrongPassword = await ctx.call('POST', 'users/login', {}, { form: { login: 'alice', password: 'x' } })
    const unknownUser = await ctx.call('POST', 'users/login', {}, { form: { login: 'nobody', password: 'x' } })
    expectFailure(unknownUser, 401, BAD_LOGIN, 'loginUser')
    expect(unknownUser.text).toBe(wrongPassword.text)
  })

  it("another user's password and a wrong password given with the email give the same 401", async () => {
    for (const form of [
      { login: 'alice', password: 'pw-bob' },
      { login: 'alice@example.com', password: 'wrong' },
    ]) {
      expectFailure(await ctx.call('POST', 'users/login', {}, { form }), 401, BAD_LOGIN, 'loginUser')
    }
  })
})

describe('B03 show/me needs a session, and a logged-out session stops working', () => {
  const ctx = withServer()

  it('show/me without a session is 401 "You need to sign in or sign up before continuing."', async () => {
    expectFailure(await ctx.call('GET', 'users/show/me'), 401, NO_SESSION, 'showMe')
  })

  it('login → show/me 200 showMe → logout 200 logoutUser → the same session id is refused with 401', async () => {
    const session = await login(ctx.call, 'alice', 'pw-alice')
    const me = await ctx.call('GET', 'users/show/me', {}, { session })
    expect(me.status).toBe(200)
    expect(me.body).toEqual({
      meta: { code: 200, status: 'ok', method_name: 'showMe' },
      response: { users: [userOf('alice', true)] },
    })

    const out = await ctx.call('GET', 'users/logout', {}, { session })
    expect(out.status).toBe(200)
    expect(out.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'logoutUser' })
    expect(out.headers.get('set-cookie')).toMatch(/^_session_id=;/)
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/)

    expectFailure(await ctx.call('GET', 'users/show/me', {}, { session }), 401, NO_SESSION, 'showMe')
  })

  it('after logout the session is also refused when sent as the cookie', async () => {
    const session = await login(ctx.call, 'alice', 'pw-alice')
    const cookie = `_session_id=${session}`
    expect((await ctx.call('GET', 'users/show/me', {}, { cookie })).status).toBe(200)
    expect((await ctx.call('GET', 'users/logout', {}, { cookie })).status).toBe(200)
    expectFailure(await ctx.call('GET', 'users/show/me', {}, { cookie }), 401, NO_SESSION, 'showMe')
  })

  it('a made-up session id counts as no session', async () => {
    expectFailure(
      await ctx.call('GET', 'users/show/me', {}, { session: 'not-a-session-000000000000' }),
      401,
      NO_SESSION,
      'showMe',
    )
  })

  it('every login-required endpoint refuses a missing session with the same 401 (update, delete, logout)', async () => {
    expectFailure(await ctx.call('PUT', 'users/update', {}, { form: { first_name: 'X' } }), 401, NO_SESSION, 'updateUser')
    expectFailure(await ctx.call('DELETE', 'users/delete'), 401, NO_SESSION, 'deleteUser')
    expectFailure(await ctx.call('GET', 'users/logout'), 401, NO_SESSION, 'logoutUser')
    expect(await count(ctx.call)).toBe(5)
  })

  it('logging out one session leaves the other sessions of the same user working', async () => {
    const first = await login(ctx.call, 'alice', 'pw-alice')
    const second = await login(ctx.call, 'alice', 'pw-alice')
    expect((await ctx.call('GET', 'users/logout', {}, { session: first })).status).toBe(200)
    const me = await ctx.call('GET', 'users/show/me', {}, { session: second })
    expect(me.status).toBe(200)
    expect(me.body.response.users[0].id).toBe(ids.alice)
  })
})

describe('B04 create needs a confirmed password and a username or email + first and last name', () => {
  const ctx = withServer()

  it('(a) no password_confirmation is 400 and stores nothing', async () => {
    const reply = await create(ctx.call, { username: 'erin', password: 'p' })
    expectFailure(reply, 400, `${CREATE_FAILED}Password confirmation doesn't match Password.`, 'createUser')
    expect(await count(ctx.call)).toBe(5)
  })

  it('(b) a mismatched password_confirmation is 400 and stores nothing', async () => {
    const reply = await create(ctx.call, { username: 'erin', password: 'p', password_confirmation: 'q' })
    expectFailure(reply, 400, `${CREATE_FAILED}Password confirmation doesn't match Password.`, 'createUser')
    expect(await count(ctx.call)).toBe(5)
  })

  it('(c) an email without first and last name is 400 naming both names', async () => {
    const reply = await create(ctx.call, { email: 'erin@example.com', password: 'p', password_confirmation: 'p' })
    expectFailure(reply, 400, `${CREATE_FAILED}First name can't be blank, Last name can't be blank.`, 'createUser')
    expect(await count(ctx.call)).toBe(5)
  })

  it('(d) email + first_name + last_name creates the user: 200 createUser, count 5 → 6', async () => {
    const reply = await create(ctx.call, {
      email: 'erin@example.com',
      first_name: 'Erin',
      last_name: 'Lee',
      password: 'p',
      password_confirmation: 'p',
    })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({
      meta: { code: 200, status: 'ok', method_name: 'createUser', session_id: expect.any(String) },
      response: {
        users: [
          {
            id: expect.stringMatching(/^[0-9a-f]{24}$/),
            created_at: WIRE_DATE,
            updated_at: WIRE_DATE,
            confirmed_at: WIRE_DATE,
            external_accounts: [],
            email: 'erin@example.com',
            first_name: 'Erin',
            last_name: 'Lee',
            admin: 'false',
            custom_fields: {},
            stats: STATS,
          },
        ],
      },
    })
    expect(await count(ctx.call)).toBe(6)
  })

  it('only one of the names missing names just that one', async () => {
    const base = { email: 'erin@example.com', password: 'p', password_confirmation: 'p' }
    expectFailure(
      await create(ctx.call, { ...base, first_name: 'Erin' }),
      400,
      `${CREATE_FAILED}Last name can't be blank.`,
      'createUser',
    )
    expectFailure(
      await create(ctx.call, { ...base, last_name: 'Lee' }),
      400,
      `${CREATE_FAILED}First name can't be blank.`,
      'createUser',
    )
    expect(await count(ctx.call)).toBe(5)
  })

  it('nothing identifying, a missing password and a malformed email each get their documented message (docs/users.md "Writes")', async () => {
    expectFailure(
      await create(ctx.call, { password: 'p', password_confirmation: 'p' }),
      400,
      `${CREATE_FAILED}A username, email or external account is required.`,
      'createUser',
    )
    expectFailure(
      await create(ctx.call, { username: 'erin' }),
      400,
      `${CREATE_FAILED}Password can't be blank.`,
      'createUser',
    )
    expectFailure(
      await create(ctx.call, { username: 'erin', email: 'erin@', password: 'p', password_confirmation: 'p' }),
      400,
      'Invalid Email Address.',
      'createUser',
    )
    expect(await count(ctx.call)).toBe(5)
  })

  it('update changing the password without a matching confirmation is 400 and keeps the old password', async () => {
    const session = await login(ctx.call, 'bob', 'pw-bob')
    const reply = await update(ctx.call, session, { password: 'new', password_confirmation: 'other' })
    expectFailure(reply, 400, `${UPDATE_FAILED}Password confirmation doesn't match Password.`, 'updateUser')
    expect((await ctx.call('POST', 'users/login', {}, { form: { login: 'bob', password: 'pw-bob' } })).status).toBe(200)
  })
})

describe('B05 a duplicate username or email is a 400 with a readable message and stores nothing', () => {
  const ctx = withServer()

  it('username=alice is 400 "…Username is already taken." and count stays 5', async () => {
    const reply = await create(ctx.call, { username: 'alice', password: 'x', password_confirmation: 'x' })
    expectFailure(reply, 400, `${CREATE_FAILED}Username is already taken.`, 'createUser')
    expect(reply.headers.get('set-cookie')).toBeNull()
    expect(await count(ctx.call)).toBe(5)
  })

  it('a new username with an existing email is 400 "…Email is already taken."', async () => {
    const reply = await create(ctx.call, {
      username: 'alice2',
      email: 'alice@example.com',
      password: 'x',
      password_confirmation: 'x',
    })
    expectFailure(reply, 400, `${CREATE_FAILED}Email is already taken.`, 'createUser')
    expect(await count(ctx.call)).toBe(5)
  })

  it('duplicates are found whatever the letter case (ALICE, Alice@Example.COM)', async () => {
    expectFailure(
      await create(ctx.call, { username: 'ALICE', password: 'x', password_confirmation: 'x' }),
      400,
      `${CREATE_FAILED}Username is already taken.`,
      'createUser',
    )
    expectFailure(
      await create(ctx.call, { username: 'alice3', email: 'Alice@Example.COM', password: 'x', password_confirmation: 'x' }),
      400,
      `${CREATE_FAILED}Email is already taken.`,
      'createUser',
    )
    expect(await count(ctx.call)).toBe(5)
  })

  it('a just-created user is a duplicate too', async () => {
    expect((await create(ctx.call, { username: 'erin', password: 'x', password_confirmation: 'x' })).status).toBe(200)
    expectFailure(
      await create(ctx.call, { username: 'Erin', password: 'y', password_confirmation: 'y' }),
      400,
      `${CREATE_FAILED}Username is already taken.`,
      'createUser',
    )
    expect(await count(ctx.call)).toBe(6)
  })

  it('ten concurrent creates of the same new username store exactly one user', async () => {
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        create(ctx.call, { username: 'twin', password: `p${i}`, password_confirmation: `p${i}` }),
      ),
    )
    expect(replies.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400, 400, 400])
    for (const reply of replies.filter((r) => r.status === 400)) {
      expect(reply.body.meta.message).toBe(`${CREATE_FAILED}Username is already taken.`)
    }
    expect(await count(ctx.call)).toBe(6)
    expect(await matching(ctx.call, { username: 'twin' })).toEqual(['twin'])
  })

  it('two users renaming themselves to the same name at once: one wins, the other gets the 400', async () => {
    const bob = await login(ctx.call, 'bob', 'pw-bob')
    const carol = await login(ctx.call, 'carol', 'pw-carol')
    const replies = await Promise.all(
      [bob, carol].map((session) => update(ctx.call, session, { username: 'same', password: 'n', password_confirmation: 'n' })),
    )
    expect(replies.map((r) => r.status).sort()).toEqual([200, 400])
    expect(await matching(ctx.call, { username: 'same' })).toEqual(['same'])
  })

  it('update to a taken username or email is 400 "Failed to update user: …" and changes nothing', async () => {
    const session = await login(ctx.call, 'bob', 'pw-bob')
    expectFailure(
      await update(ctx.call, session, { username: 'Alice' }),
      400,
      `${UPDATE_FAILED}Username is already taken.`,
      'updateUser',
    )
    expectFailure(
      await update(ctx.call, session, { email: 'ALICE@example.com' }),
      400,
      `${UPDATE_FAILED}Email is already taken.`,
      'updateUser',
    )
    const me = await ctx.call('GET', 'users/show/me', {}, { session })
    expect(me.body.response.users[0]).toMatchObject({ username: 'bob', email: 'bob@example.com' })
  })
})

describe('B06 the session comes back in meta.session_id and works as _session_id param or cookie', () => {
  const ctx = withServer()

  it('anonymous create of frank returns a session that shows frank via ?_session_id and via the cookie', async () => {
    const made = await create(ctx.call, { username: 'frank', password: 'p', password_confirmation: 'p' })
    expect(made.status).toBe(200)
    const s1 = made.body.meta.session_id as string
    expect(s1).toMatch(/^[A-Za-z0-9_-]{22,}$/)
    expect(made.headers.get('set-cookie')).toBe(`_session_id=${s1}; Path=/; HttpOnly`)

    const byParam = await ctx.call('GET', 'users/show/me', {}, { session: s1 })
    expect(byParam.status).toBe(200)
    expect(usernames(byParam)).toEqual(['frank'])

    const byCookie = await ctx.call('GET', 'users/show/me', {}, { cookie: `_session_id=${s1}` })
    expect(byCookie.status).toBe(200)
    expect(usernames(byCookie)).toEqual(['frank'])
  })

  it('alice creating gina is logged in as gina with the returned session', async () => {
    const alice = await login(ctx.call, 'alice', 'pw-alice')
    const made = await create(ctx.call, { username: 'gina', password: 'p', password_confirmation: 'p' }, alice)
    expect(made.status).toBe(200)
    const me = await ctx.call('GET', 'users/show/me', {}, { session: made.body.meta.session_id })
    expect(usernames(me)).toEqual(['gina'])
  })

  it('an admin creating hank gets no new session and stays admin', async () => {
    const admin = await login(ctx.call, 'admin', 'pw-admin')
    const made = await create(ctx.call, { username: 'hank', password: 'p', password_confirmation: 'p' }, admin)
    expect(made.status).toBe(200)
    expect(made.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createUser' })
    expect(made.headers.get('set-cookie')).toBeNull()
    expect(usernames(made)).toEqual(['hank'])
    const me = await ctx.call('GET', 'users/show/me', {}, { session: admin })
    expect(usernames(me)).toEqual(['admin'])
  })

  it('the session is also found as session_id param, as _session_id in a form body, and among other cookies', async () => {
    const session = await login(ctx.call, 'bob', 'pw-bob')
    const asSessionId = await ctx.call('GET', 'users/show/me', { session_id: session })
    const inBody = await ctx.call('PUT', 'users/update', {}, { form: { _session_id: session, first_name: 'Bob' } })
    const amongCookies = await ctx.call('GET', 'users/show/me', {}, { cookie: `theme=dark; _session_id=${session}; x=1` })
    for (const reply of [asSessionId, inBody, amongCookies]) {
      expect(reply.status, reply.text).toBe(200)
      expect(usernames(reply)).toEqual(['bob'])
    }
  })

  it('the _session_id param wins over a cookie of another user (docs/api.md "Sessions")', async () => {
    const bob = await login(ctx.call, 'bob', 'pw-bob')
    const carol = await login(ctx.call, 'carol', 'pw-carol')
    const reply = await ctx.call('GET', 'users/show/me', {}, { session: bob, cookie: `_session_id=${carol}` })
    expect(usernames(reply)).toEqual(['bob'])
  })
})

describe('B07 limit is 1..1000 (default 10) and skip is 0..4999', () => {
  const ctx = withServer()
  const extra = ['u05', 'u06', 'u07', 'u08', 'u09', 'u10', 'u11']

  beforeEach(async () => {
    await ctx.server.seed({ users: extra.map((username) => ({ username, password: 'pw' })) })
  })

  it('a query without limit returns the first 10 of 12 users in creation order', async () => {
    const reply = await ctx.call('GET', 'users/query')
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryUsers' })
    expect(usernames(reply)).toEqual(['alice', 'bob', 'carol', 'dave', 'admin', 'u05', 'u06', 'u07', 'u08', 'u09'])
  })

  it('limit=1001 and limit=0 are 400 "Invalid limit parameter; value must be in a valid range of 1~1000"', async () => {
    expectFailure(await ctx.call('GET', 'users/query', { limit: 1001 }), 400, LIMIT_RANGE, 'queryUsers')
    expectFailure(await ctx.call('GET', 'users/query', { limit: 0 }), 400, LIMIT_RANGE, 'queryUsers')
  })

  it('skip=5000 is 400 and skip=4999 is 200 with no users', async () => {
    expectFailure(await ctx.call('GET', 'users/query', { skip: 5000 }), 400, SKIP_RANGE, 'queryUsers')
    const reply = await ctx.call('GET', 'users/query', { skip: 4999 })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users).toEqual([])
  })

  it('negative and non-numeric limit or skip are 400 too; limit=1000 returns all 12', async () => {
    for (const limit of [-1, 'abc']) {
      expectFailure(await ctx.call('GET', 'users/query', { limit }), 400, LIMIT_RANGE, 'queryUsers')
    }
    for (const skip of [-1, 'abc']) {
      expectFailure(await ctx.call('GET', 'users/query', { skip }), 400, SKIP_RANGE, 'queryUsers')
    }
    expect(usernames(await ctx.call('GET', 'users/query', { limit: 1000 }))).toHaveLength(12)
  })

  it('limit and skip page through in creation order: skip=10 gives the last two', async () => {
    expect(usernames(await ctx.call('GET', 'users/query', { skip: 10 }))).toEqual(['u10', 'u11'])
    expect(usernames(await ctx.call('GET', 'users/query', { limit: 2, skip: 3 }))).toEqual(['dave', 'admin'])
  })
})

describe('B08 count=true (or 1) puts the total in meta.count; users/count.json says usersCount', () => {
  const ctx = withServer()

  it('query?count=true&limit=1 returns one user and meta.count 5', async () => {
    const reply = await ctx.call('GET', 'users/query', { count: 'true', limit: 1 })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryUsers', count: 5 })
    expect(usernames(reply)).toEqual(['alice'])
  })

  it('ti.cloud booleans count=1, and also count=t / yes, give the same count', async () => {
    for (const flag of ['1', 't', 'yes', 'TRUE']) {
      const reply = await ctx.call('GET', 'users/query', { count: flag, limit: 1 })
      expect(reply.body.meta.count, flag).toBe(5)
      expect(reply.body.response.users, flag).toHaveLength(1)
    }
  })

  it('count=false and count=0 add no meta.count', async () => {
    for (const flag of ['false', '0']) {
      const reply = await ctx.call('GET', 'users/query', { count: flag })
      expect(reply.body.meta, flag).toEqual({ code: 200, status: 'ok', method_name: 'queryUsers' })
    }
  })

  it('meta.count counts the where matches, not the page', async () => {
    const reply = await ctx.call('GET', 'users/query', { count: 1, limit: 1, skip: 1, where: { tags: 'golf' } })
    expect(reply.body.meta.count).toBe(2)
    expect(usernames(reply)).toEqual(['bob'])
  })

  it('GET users/count.json is meta only: count 5, method_name usersCount', async () => {
    const reply = await ctx.call('GET', 'users/count')
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'usersCount', count: 5 } })
  })
})

describe('B09 custom fields are queried by bare name, with $in, and keep their types', () => {
  const ctx = withServer()

  it('where={"color":"red"} → [alice]', async () => {
    const reply = await query(ctx.call, { color: 'red' })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users).toEqual([userOf('alice', false)])
  })

  it('where={"color":{"$in":["blue","red"]}} → [alice, bob]', async () => {
    expect(await matching(ctx.call, { color: { $in: ['blue', 'red'] } })).toEqual(['alice', 'bob'])
  })

  it('where={"age":{"$gt":28}} → [alice] only: carol\'s "35" is a string', async () => {
    expect(await matching(ctx.call, { age: { $gt: 28 } })).toEqual(['alice'])
  })

  it('where={"age":"35"} → [carol], whose age comes back as the string "35"', async () => {
    const reply = await query(ctx.call, { age: '35' })
    expect(reply.body.response.users).toEqual([userOf('carol', false)])
    expect(reply.body.response.users[0].custom_fields).toEqual({ age: '35' })
  })

  it('type bracketing both ways: age 35 (number) matches nobody, a string range matches only carol', async () => {
    expect(await matching(ctx.call, { age: 35 })).toEqual([])
    expect(await matching(ctx.call, { age: { $lt: '4' } })).toEqual(['carol'])
    expect(await matching(ctx.call, { age: { $gte: 0 } })).toEqual(['alice', 'bob'])
  })

  it('$nin and $exists on a custom field follow MongoDB: missing fields match $nin', async () => {
    expect(await matching(ctx.call, { color: { $nin: ['red'] } })).toEqual(['bob', 'carol', 'dave', 'admin'])
    expect(await matching(ctx.call, { color: { $exists: true } })).toEqual(['alice', 'bob'])
    expect(await matching(ctx.call, { color: { $exists: false } })).toEqual(['carol', 'dave', 'admin'])
  })

  it('custom fields sent on create as a JSON string keep number/boolean types and are queryable', async () => {
    const made = await create(ctx.call, {
      username: 'erin',
      password: 'p',
      password_confirmation: 'p',
      custom_fields: { age: 40, vip: true, color: 'red' },
    })
    expect(made.body.response.users[0].custom_fields).toEqual({ age: 40, vip: true, color: 'red' })
    expect(await matching(ctx.call, { age: { $gt: 28 } })).toEqual(['alice', 'erin'])
    expect(await matching(ctx.call, { vip: true })).toEqual(['erin'])
    expect(await matching(ctx.call, { vip: 'true' })).toEqual([])
    expect(await matching(ctx.call, { color: 'red', age: 30 })).toEqual(['alice'])
  })
})

describe('B09 custom fields in the custom-field date form are kept as dates (docs/api.md "Custom fields")', () => {
  const ctx = withServer()

  it('a date sent on create comes back in the wire format and compares by instant in where', async () => {
    const made = await create(ctx.call, {
      username: 'erin',
      password: 'p',
      password_confirmation: 'p',
      custom_fields: { joined: '2020-01-02 03:04:05+0000', local: '2020-01-02 03:04:05 -0700' },
    })
    expect(made.status, made.text).toBe(200)
    expect(made.body.response.users[0].custom_fields).toEqual({
      joined: '2020-01-02T03:04:05+0000',
      local: '2020-01-02T10:04:05+0000',
    })
    expect(await matching(ctx.call, { joined: { $gt: '2020-01-01 00:00:00+0000' } })).toEqual(['erin'])
    expect(await matching(ctx.call, { local: { $gt: '2020-01-02 10:00:00+0000' } })).toEqual(['erin'])
  })

  it('a date set by update is kept as a date too', async () => {
    const session = await login(ctx.call, 'bob', 'pw-bob')
    const updated = await update(ctx.call, session, { custom_fields: { seen: '2021-05-06 07:08:09+0000' } })
    expect(updated.body.response.users[0].custom_fields).toEqual({ age: 25, color: 'blue', seen: '2021-05-06T07:08:09+0000' })
    expect(await matching(ctx.call, { seen: { $lt: '2022-01-01 00:00:00+0000' } })).toEqual(['bob'])
  })
})

describe('B13 query leaves out email unless the caller is an admin; show/me shows it', () => {
  const ctx = withServer()

  it('anonymous query for alice returns her without an email key', async () => {
    const reply = await query(ctx.call, { username: 'alice' })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users).toEqual([userOf('alice', false)])
    expect(reply.body.response.users[0]).not.toHaveProperty('email')
  })

  it('the same query with an admin session includes email alice@example.com', async () => {
    const admin = await login(ctx.call, 'admin', 'pw-admin')
    const reply = await query(ctx.call, { username: 'alice' }, {}, admin)
    expect(reply.body.response.users).toEqual([userOf('alice', true)])
  })

  it("alice's own show/me includes her email", async () => {
    const session = await login(ctx.call, 'alice', 'pw-alice')
    const reply = await ctx.call('GET', 'users/show/me', {}, { session })
    expect(reply.body.response.users[0].email).toBe('alice@example.com')
  })

  it('a non-admin session sees no emails of other users in query, show or search', async () => {
    const bob = await login(ctx.call, 'bob', 'pw-bob')
    const queried = await query(ctx.call, { username: 'alice' }, {}, bob)
    const shown = await ctx.call('GET', 'users/show', { user_id: ids.alice }, { session: bob })
    const searched = await ctx.call('GET', 'users/search', { q: 'alice' }, { session: bob })
    for (const reply of [queried, shown, searched]) {
      expect(reply.status, reply.text).toBe(200)
      expect(reply.body.response.users, reply.text).toEqual([userOf('alice', false)])
    }
  })

  it('filtering on email anonymously still does not reveal it', async () => {
    const reply = await query(ctx.call, { email: 'alice@example.com' })
    expect(reply.body.response.users).toEqual([userOf('alice', false)])
  })

  it('an admin sees every email in a query', async () => {
    const admin = await login(ctx.call, 'admin', 'pw-admin')
    const reply = await ctx.call('GET', 'users/query', {}, { session: admin })
    expect((reply.body.response.users as { email?: string }[]).map((u) => u.email)).toEqual([
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
      'dave@example.com',
      'admin@example.com',
    ])
  })
})

describe('B17 suppress_response_codes=true answers HTTP 200 and keeps the real code in meta.code', () => {
  const ctx = withServer()
  const refused = { meta: { status: 'fail', code: 401, message: NO_SESSION, method_name: 'showMe' } }

  it('show/me?suppress_response_codes=true without a session is HTTP 200 with meta.code 401', async () => {
    const reply = await ctx.call('GET', 'users/show/me', { suppress_response_codes: 'true' })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual(refused)
  })

  it('the same request without the flag is HTTP 401 with the same body', async () => {
    const reply = await ctx.call('GET', 'users/show/me')
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual(refused)
  })

  it('ti.cloud sends suppress_response_codes=1: also HTTP 200 with meta.code 401', async () => {
    const reply = await ctx.call('GET', 'users/show/me', { suppress_response_codes: 1 })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual(refused)
  })

  it('suppress_response_codes=false or 0 keeps the HTTP status', async () => {
    for (const flag of ['false', '0']) {
      expect((await ctx.call('GET', 'users/show/me', { suppress_response_codes: flag })).status, flag).toBe(401)
    }
  })

  it('the flag works for 400s and in a POST body too (ti.cloud login with a wrong password)', async () => {
    const badLimit = await ctx.call('GET', 'users/query', { limit: 0, suppress_response_codes: 1 })
    expect(badLimit.status).toBe(200)
    expect(badLimit.body).toEqual({ meta: { status: 'fail', code: 400, message: LIMIT_RANGE, method_name: 'queryUsers' } })

    const badLogin = await ctx.call(
      'POST',
      'users/login',
      { suppress_response_codes: 'true' },
      { form: { login: 'alice', password: 'wrong' } },
    )
    expect(badLogin.status).toBe(200)
    expect(badLogin.body).toEqual({ meta: { status: 'fail', code: 401, message: BAD_LOGIN, method_name: 'loginUser' } })

    const inBody = await ctx.call('POST', 'users/login', {}, {
      form: { login: 'alice', password: 'wrong', suppress_response_codes: '1' },
    })
    expect(inBody.status).toBe(200)
    expect(inBody.body.meta.code).toBe(401)
  })

  it('a ti.cloud-style success (flag=1, _session_id in the URL) is a plain 200 ok', async () => {
    const session = await login(ctx.call, 'alice', 'pw-alice')
    const reply = await ctx.call('GET', 'users/show/me', { suppress_response_codes: 1 }, { session })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'showMe' })
  })
})

/** Fixture S with a custom field `hobby` for `$in` and `$all` over arrays. */
function hobbyFixture(): Fixture {
  const hobby: Partial<Record<Name, unknown>> = {
    alice: ['golf', 'snowboarding'],
    bob: 'golf',
    carol: ['snowboarding', 'golf'],
    dave: 'ski',
  }
  return {
    users: fixtureS.users!.map((u) => {
      const value = hobby[u.username as Name]
      return value === undefined ? u : { ...u, custom_fields: { ...u.custom_fields, hobby: value } }
    }),
  }
}

describe('B19 $in with an array value matches a field equal to that array (MongoDB, not mingo)', () => {
  const ctx = withServer({ fixtures: hobbyFixture() })

  it('where={"hobby":{"$in":[["golf","snowboarding"]]}} → [alice]', async () => {
    expect(await matching(ctx.call, { hobby: { $in: [['golf', 'snowboarding']] } })).toEqual(['alice'])
  })

  it('where={"hobby":["golf","snowboarding"]} → [alice] (order matters: not carol)', async () => {
    expect(await matching(ctx.call, { hobby: ['golf', 'snowboarding'] })).toEqual(['alice'])
  })

  it('$in mixing an array and a scalar matches both kinds; $in with a scalar matches array elements', async () => {
    expect(await matching(ctx.call, { hobby: { $in: [['golf', 'snowboarding'], 'ski'] } })).toEqual(['alice', 'dave'])
    expect(await matching(ctx.call, { hobby: { $in: ['golf'] } })).toEqual(['alice', 'bob', 'carol'])
  })

  it('$nin and $ne with an array value exclude exactly the equal array', async () => {
    expect(await matching(ctx.call, { hobby: { $nin: [['golf', 'snowboarding']] } })).toEqual(['bob', 'carol', 'dave', 'admin'])
    expect(await matching(ctx.call, { hobby: { $ne: ['golf', 'snowboarding'] } })).toEqual(['bob', 'carol', 'dave', 'admin'])
  })

  it('the same holds for the predefined tags field', async () => {
    expect(await matching(ctx.call, { tags: { $in: [['golf', 'snowboarding']] } })).toEqual(['alice'])
    expect(await matching(ctx.call, { tags: { $nin: [['golf']] } })).toEqual(['alice', 'carol', 'dave', 'admin'])
  })
})

describe('B19 with hobby set through the API: update of own custom_fields and admin su_id update', () => {
  const ctx = withServer()

  it('after alice and (via su_id) bob store hobbies, $in with an array value finds alice only', async () => {
    const alice = await login(ctx.call, 'alice', 'pw-alice')
    const own = await update(ctx.call, alice, { custom_fields: { hobby: ['golf', 'snowboarding'] } })
    expect(own.status, own.text).toBe(200)
    expect(own.body.response.users[0].custom_fields).toEqual({ age: 30, color: 'red', hobby: ['golf', 'snowboarding'] })

    const admin = await login(ctx.call, 'admin', 'pw-admin')
    const su = await update(ctx.call, admin, { su_id: ids.bob, custom_fields: { hobby: 'golf' } })
    expect(su.status, su.text).toBe(200)
    expect(su.body.response.users[0]).toMatchObject({ id: ids.bob, custom_fields: { age: 25, color: 'blue', hobby: 'golf' } })

    expect(await matching(ctx.call, { hobby: { $in: [['golf', 'snowboarding']] } })).toEqual(['alice'])
    expect(await matching(ctx.call, { hobby: { $in: ['golf'] } })).toEqual(['alice', 'bob'])
  })
})

describe('B20 $all with one value also matches a field holding that value as a scalar (MongoDB, not mingo)', () => {
  const ctx = withServer({ fixtures: hobbyFixture() })

  it('where={"hobby":{"$all":["golf"]}} → alice, bob, carol', async () => {
    expect(await matching(ctx.call, { hobby: { $all: ['golf'] } })).toEqual(['alice', 'bob', 'carol'])
  })

  it('$all ["ski"] → dave (scalar only); $all of two values → the arrays holding both', async () => {
    expect(await matching(ctx.call, { hobby: { $all: ['ski'] } })).toEqual(['dave'])
    expect(await matching(ctx.call, { hobby: { $all: ['golf', 'snowboarding'] } })).toEqual(['alice', 'carol'])
    expect(await matching(ctx.call, { hobby: { $all: ['golf', 'ski'] } })).toEqual([])
  })

  it('$all on predefined fields: a scalar username and the tags array', async () => {
    expect(await matching(ctx.call, { username: { $all: ['bob'] } })).toEqual(['bob'])
    expect(await matching(ctx.call, { tags: { $all: ['golf'] } })).toEqual(['alice', 'bob'])
  })
})

describe('B22 a bad where is a 400 fail envelope, never a 500, and $where never runs', () => {
  const ctx = withServer()

  /** A 400 from queryUsers with a readable message (not the generic 500 text) and nothing else. */
  async function expectRejected(where: string): Promise<string> {
    const reply = await ctx.call('GET', 'users/query', { where })
    expect(reply.status, `${where} → ${reply.text}`).toBe(400)
    expect(reply.body, where).toEqual({
      meta: { status: 'fail', code: 400, message: expect.stringMatching(/\S/), method_name: 'queryUsers' },
    })
    expect(reply.body.meta.message).not.toBe('Internal server error.')
    return reply.body.meta.message as string
  }

  it('where=not-json is 400 "Invalid where parameter: …"', async () => {
    expect(await expectRejected('not-json')).toMatch(/^Invalid where parameter: /)
  })

  it('JSON that is not an object ([], "x", 5, null) is 400 "Invalid where parameter: …"', async () => {
    for (const where of ['[]', '"x"', '5', 'null']) {
      expect(await expectRejected(where), where).toMatch(/^Invalid where parameter: /)
    }
  })

  it('an unknown operator {"age":{"$foo":1}} is 400', async () => {
    await expectRejected('{"age":{"$foo":1}}')
  })

  it('{"username":{"$regex":"("}} is 400 with the prefix-only regex message', async () => {
    expect(await expectRejected('{"username":{"$regex":"("}}')).toBe(REGEX_UNSUPPORTED)
  })

  it('regexes not starting with ^letter/^digit, bad $options and 257-char patterns are 400', async () => {
    expect(await expectRejected('{"username":{"$regex":"^.*a"}}')).toBe(REGEX_UNSUPPORTED)
    expect(await expectRejected('{"username":{"$regex":"a"}}')).toBe(REGEX_UNSUPPORTED)
    await expectRejected('{"username":{"$regex":"^a","$options":"x"}}')
    await expectRejected(JSON.stringify({ username: { $regex: `^${'a'.repeat(256)}` } }))
  })

  it('a valid prefix regex works: ^a → alice, admin; ^A with $options i → the same', async () => {
    expect(await matching(ctx.call, { username: { $regex: '^a' } })).toEqual(['alice', 'admin'])
    expect(await matching(ctx.call, { username: { $regex: '^A', $options: 'i' } })).toEqual(['alice', 'admin'])
  })

  it('{"$where":"this.age>28"} is 400, also nested in $or, and so are $expr and $function', async () => {
    await expectRejected('{"$where":"this.age>28"}')
    await expectRejected('{"$or":[{"$where":"this.age>28"},{"username":"bob"}]}')
    await expectRejected('{"$expr":{"$gt":["$age",28]}}')
    await expectRejected('{"age":{"$function":{"body":"function(){return true}","args":[],"lang":"js"}}}')
  })

  it('$where code is never executed: a function that would throw still gives a clean 400', async () => {
    await expectRejected('{"$where":"function(){ throw new Error(\'ran\') }"}')
    await expectRejected('{"$where":"process.exit(1)"}')
    expect(await count(ctx.call)).toBe(5)
  })

  it('empty $or, $and and $nor are 400 (not [] and not everyone)', async () => {
    await expectRejected('{"$or":[]}')
    await expectRejected('{"$and":[]}')
    await expectRejected('{"$nor":[]}')
  })

  it('$text {"$search":"golf"} finds the users whose search fields contain golf (alice, bob by tags)', async () => {
    // Relevance order is unspecified, so the names are compared sorted.
    expect((await matching(ctx.call, { $text: { $search: 'golf' } })).sort()).toEqual(['alice', 'bob'])
  })

  it('$text also searches names and username, case-insensitively', async () => {
    expect(await matching(ctx.call, { $text: { $search: 'SMITH' } })).toEqual(['alice'])
    expect(await matching(ctx.call, { $text: { $search: 'carol' } })).toEqual(['carol'])
  })
})

describe('B23 reset returns exactly to the fixture, however often it is used', () => {
  const ctx = withServer()

  /** Writes of every kind: create frank, update alice's custom field, log alice in. */
  async function write(): Promise<string> {
    expect((await create(ctx.call, { username: 'frank', password: 'p', password_confirmation: 'p' })).status).toBe(200)
    const alice = await login(ctx.call, 'alice', 'pw-alice')
    const updated = await update(ctx.call, alice, { custom_fields: { color: 'green' } })
    expect(updated.body.response.users[0].custom_fields).toEqual({ age: 30, color: 'green' })
    expect(await count(ctx.call)).toBe(6)
    return alice
  }

  async function expectFixture(aliceSession: string): Promise<void> {
    expect(await count(ctx.call)).toBe(5)
    expect(await matching(ctx.call, { username: 'frank' })).toEqual([])
    expectFailure(
      await ctx.call('POST', 'users/login', {}, { form: { login: 'frank', password: 'p' } }),
      401,
      BAD_LOGIN,
      'loginUser',
    )
    const alice = await query(ctx.call, { username: 'alice' })
    expect(alice.body.response.users).toEqual([userOf('alice', false)])
    expectFailure(await ctx.call('GET', 'users/show/me', {}, { session: aliceSession }), 401, NO_SESSION, 'showMe')
    expect((await ctx.call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice' } })).status).toBe(200)
  }

  it('server.reset() after writes: count 5, frank gone, alice red again, sessions ended', async () => {
    const alice = await write()
    await ctx.server.reset()
    await expectFixture(alice)
  })

  it('POST /__mock/reset after writes does the same and answers 200 ok', async () => {
    const alice = await write()
    const reply = await rawRequest(ctx.server.url, 'POST', '/__mock/reset')
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toMatchObject({ code: 200, status: 'ok' })
    await expectFixture(alice)
  })

  it('writes after a reset do not leak into the next reset (write, reset, write, reset)', async () => {
    await write()
    await ctx.server.reset()
    const alice = await write()
    await ctx.server.reset()
    await expectFixture(alice)
  })

  it('a reset with a data file reaches the file: restart after reset → the fixture', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-cloud-b23-'))
    try {
      const data = join(dir, 'db.json')
      const first = await startServer({ data })
      expect((await create(first.call, { username: 'frank', password: 'p', password_confirmation: 'p' })).status).toBe(200)
      await first.server.reset()
      await first.server.stop()
      const second = await startServer({ data })
      try {
        expect(await count(second.call)).toBe(5)
        expect(await matching(second.call, { username: 'frank' })).toEqual([])
      } finally {
        await second.server.stop()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('users added with server.seed() are gone after a reset', async () => {
    await ctx.server.seed({ users: [{ username: 'seeded', password: 'pw' }] })
    expect(await count(ctx.call)).toBe(6)
    await ctx.server.reset()
    expect(await count(ctx.call)).toBe(5)
  })

  it('writes never reach the fixture object the server was started from', async () => {
    const before = JSON.stringify(fixtureS)
    await write()
    expect(JSON.stringify(fixtureS)).toBe(before)
    const second = await startServer()
    try {
      expect(await count(second.call)).toBe(5)
      expect(await matching(second.call, { color: 'red' })).toEqual(['alice'])
    } finally {
      await second.server.stop()
    }
  })
})

describe('B24 concurrent creates are all kept, in memory and in a data file', () => {
  const names = Array.from({ length: 20 }, (_, i) => `user${i}`)
  const createAll = (call: Call) =>
    Promise.all(names.map((username) => create(call, { username, password: 'p', password_confirmation: 'p' })))

  it('20 concurrent creates on an empty store → all 200 and count 20', async () => {
    const { server, call } = await startServer({ fixtures: { users: [] } })
    try {
      const replies = await createAll(call)
      expect(replies.map((r) => r.status)).toEqual(names.map(() => 200))
      expect(await count(call)).toBe(20)
      expect(usernames(await call('GET', 'users/query', { limit: 100 })).sort()).toEqual([...names].sort())
    } finally {
      await server.stop()
    }
  })

  it('20 concurrent custom_fields updates of one user are all merged', async () => {
    const { server, call } = await startServer()
    try {
      const alice = await login(call, 'alice', 'pw-alice')
      await Promise.all(
        names.map((_, i) => call('PUT', 'users/update', {}, { session: alice, form: { custom_fields: { [`k${i}`]: i } } })),
      )
      const me = await call('GET', 'users/show/me', {}, { session: alice })
      const expected: Record<string, unknown> = { age: 30, color: 'red' }
      names.forEach((_, i) => (expected[`k${i}`] = i))
      expect(me.body.response.users[0].custom_fields).toEqual(expected)
    } finally {
      await server.stop()
    }
  })

  describe('with data: <tmp file>', () => {
    let dir: string
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'mock-cloud-b24-'))
    })
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true })
    })

    it('20 concurrent creates, stop, restart on the same file → 20 users that can log in; the file is JSON', async () => {
      const data = join(dir, 'db.json')
      const first = await startServer({ fixtures: { users: [] }, data })
      try {
        const replies = await createAll(first.call)
        expect(replies.map((r) => r.status)).toEqual(names.map(() => 200))
      } finally {
        await first.server.stop()
      }

      const text = readFileSync(data, 'utf8')
      expect(() => JSON.parse(text)).not.toThrow()
      for (const name of names) expect(text).toContain(`"${name}"`)

      const second = await startServer({ fixtures: { users: [] }, data })
      try {
        expect(await count(second.call)).toBe(20)
        expect(usernames(await second.call('GET', 'users/query', { limit: 100 })).sort()).toEqual([...names].sort())
        expect((await second.call('POST', 'users/login', {}, { form: { login: 'user7', password: 'p' } })).status).toBe(200)
      } finally {
        await second.server.stop()
      }
    })
  })
})

describe('B26 a raw + in a query string or form body is a space; %2B is a plus', () => {
  const ctx = withServer()
  const where = '{"email":"ann+test@example.com"}'

  beforeEach(async () => {
    await ctx.server.seed({ users: [{ username: 'ann', email: 'ann+test@example.com', password: 'pw-ann' }] })
  })

  it('where with a raw + in the URL matches nobody (it reads "ann test@…")', async () => {
    const reply = await rawRequest(ctx.server.url, 'GET', `/v1/users/query.json?key=TESTKEY&where=${where}`)
    expect(reply.status).toBe(200)
    expect(reply.body.response.users).toEqual([])
  })

  it('the same where with %2B finds ann', async () => {
    const encoded = where.replace('+', '%2B')
    const reply = await rawRequest(ctx.server.url, 'GET', `/v1/users/query.json?key=TESTKEY&where=${encoded}`)
    expect(reply.status).toBe(200)
    expect(usernames(reply)).toEqual(['ann'])
  })

  it('login with a raw + in the form body is 401; with %2B it is 200 and logs in ann', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const raw = await rawRequest(ctx.server.url, 'POST', '/v1/users/login.json?key=TESTKEY', {
      headers: form,
      body: 'login=ann+test@example.com&password=pw-ann',
    })
    expect(raw.status).toBe(401)
    expect(raw.body.meta.message).toBe(BAD_LOGIN)

    const encoded = await rawRequest(ctx.server.url, 'POST', '/v1/users/login.json?key=TESTKEY', {
      headers: form,
      body: 'login=ann%2Btest@example.com&password=pw-ann',
    })
    expect(encoded.status).toBe(200)
    expect(encoded.body.response.users[0]).toMatchObject({ username: 'ann', email: 'ann+test@example.com' })
  })

  it('login params in the URL of a POST follow the same rule (raw + → 401, %2B → 200)', async () => {
    const raw = await rawRequest(
      ctx.server.url,
      'POST',
      '/v1/users/login.json?key=TESTKEY&login=ann+test@example.com&password=pw-ann',
    )
    expect(raw.status).toBe(401)
    const encoded = await rawRequest(
      ctx.server.url,
      'POST',
      '/v1/users/login.json?key=TESTKEY&login=ann%2Btest@example.com&password=pw-ann',
    )
    expect(encoded.status).toBe(200)
  })

  it('a client that encodes properly (URLSearchParams) creates and finds a + address', async () => {
    const made = await create(ctx.call, {
      email: 'bo+x@example.com',
      first_name: 'Bo',
      last_name: 'X',
      password: 'p',
      password_confirmation: 'p',
    })
    expect(made.status, made.text).toBe(200)
    expect(made.body.response.users[0].email).toBe('bo+x@example.com')
    const admin = await login(ctx.call, 'admin', 'pw-admin')
    const found = await query(ctx.call, { email: 'bo+x@example.com' }, {}, admin)
    expect(found.body.response.users.map((u: { email: string }) => u.email)).toEqual(['bo+x@example.com'])
  })
})

describe('B27 query string and body are merged for every verb and every body type', () => {
  const ctx = withServer()
  const whereBob = '%7B%22username%22%3A%22bob%22%7D'

  /** A user without the fields that differ between two creates: id, username and dates. */
  function withoutIdentity(user: Record<string, unknown>): Record<string, unknown> {
    const { id: _id, username: _name, created_at: _c, updated_at: _u, confirmed_at: _k, ...rest } = user
    return rest
  }

  async function expectBobGone(reply: { status: number; body: any }): Promise<void> {
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'batchDelete' } })
    expect(await count(ctx.call)).toBe(4)
    expect(await matching(ctx.call, { username: 'bob' })).toEqual([])
  }

  it('admin DELETE batch_delete.json?where={"username":"bob"} with no body deletes bob (ti.cloud)', async () => {
    const admin = await login(ctx.call, 'admin', 'pw-admin')
    await expectBobGone(await ctx.call('DELETE', 'users/batch_delete', { where: { username: 'bob' } }, { session: admin }))
  })

  it('admin DELETE batch_delete.json with an urlencoded body where=… deletes bob (Node SDK)', async () => {
    const admin = await login(ctx.call, 'admin', 'pw-admin')
    const reply = await rawRequest(ctx.server.url, 'DELETE', '/v1/users/batch_delete.json?key=TESTKEY', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `_session_id=${admin}` },
      body: `where=${whereBob}`,
    })
    await expectBobGone(reply)
  })

  it('a non-admin batch_delete is 403 and deletes nothing', async () => {
    const alice = await login(ctx.call, 'alice', 'pw-alice')
    expectFailure(
      await ctx.call('DELETE', 'users/batch_delete', { where: { username: 'bob' } }, { session: alice }),
      403,
      'You are not authorized to perform this action.',
      'batchDelete',
    )
    expect(await count(ctx.call)).toBe(5)
  })

  it('create as multipart/form-data gives the same user as urlencoded', async () => {
    const fields = {
      password: 'p',
      password_confirmation: 'p',
      first_name: 'Erin',
      tags: 'hiking, swimming',
      custom_fields: '{"age":41}',
    }
    const byForm = await create(ctx.call, { username: 'erin', ...fields })
    const byMultipart = await ctx.call('POST', 'users/create', {}, { multipart: { username: 'finn', ...fields } })
    expect(byMultipart.status, byMultipart.text).toBe(200)
    const formUser = withoutIdentity(byForm.body.response.users[0])
    const multipartUser = withoutIdentity(byMultipart.body.response.users[0])
    expect(byMultipart.body.response.users[0].username).toBe('finn')
    expect(multipartUser).toEqual(formUser)
    expect(formUser).toMatchObject({ first_name: 'Erin', tags: ['hiking', 'swimming'], custom_fields: { age: 41 } })
  })

  it('create with a JSON body is accepted (docs/api.md "Parameters"), custom_fields as a plain object', async () => {
    const reply = await ctx.call('POST', 'users/create', {}, {
      json: { username: 'erin', password: 'p', password_confirmation: 'p', custom_fields: { age: 41, vip: true } },
    })
    expect(reply.status, reply.text).toBe(200)
    expect(reply.body.response.users[0]).toMatchObject({ username: 'erin', custom_fields: { age: 41, vip: true } })
    expect(await count(ctx.call)).toBe(6)
  })

  it('a malformed JSON body is a 400 fail envelope, not a 500', async () => {
    const reply = await rawRequest(ctx.server.url, 'POST', '/v1/users/create.json?key=TESTKEY', {
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toMatchObject({ status: 'fail', code: 400, method_name: 'createUser' })
  })

  it('PUT update merges URL params and body params; the body wins a clash', async () => {
    const session = await login(ctx.call, 'dave', 'pw-dave')
    const reply = await ctx.call(
      'PUT',
      'users/update',
      { first_name: 'FromQuery', last_name: 'QueryLast' },
      { session, form: { first_name: 'FromBody', custom_fields: { team: 'x' } } },
    )
    expect(reply.status, reply.text).toBe(200)
    expect(reply.body.response.users[0]).toMatchObject({
      first_name: 'FromBody',
      last_name: 'QueryLast',
      custom_fields: { team: 'x' },
    })
  })

  it('PUT update with a repeated body key keeps the last value', async () => {
    const session = await login(ctx.call, 'dave', 'pw-dave')
    const reply = await rawRequest(ctx.server.url, 'PUT', `/v1/users/update.json?key=TESTKEY&_session_id=${session}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'first_name=A&first_name=B',
    })
    expect(reply.status, reply.text).toBe(200)
    expect(reply.body.response.users[0].first_name).toBe('B')
  })

  it('GET query with an urlencoded body (the guides\' curl -d … -X GET) applies the body where', async () => {
    const reply = await rawRequest(ctx.server.url, 'GET', '/v1/users/query.json?key=TESTKEY', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `where=${whereBob}`,
    })
    expect(reply.status, reply.text).toBe(200)
    expect(usernames(reply)).toEqual(['bob'])
  })

  it('DELETE delete.json as admin with su_id in the body (Node SDK) deletes that user', async () => {
    const admin = await login(ctx.call, 'admin', 'pw-admin')
    const reply = await rawRequest(ctx.server.url, 'DELETE', '/v1/users/delete.json?key=TESTKEY', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `_session_id=${admin}` },
      body: `su_id=${ids.carol}`,
    })
    expect(reply.status, reply.text).toBe(200)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteUser' } })
    expect(await matching(ctx.call, { username: 'carol' })).toEqual([])
    expect(await matching(ctx.call, { username: 'admin' })).toEqual(['admin'])
  })

  it('DELETE delete.json with _session_id in the query string (ti.cloud) deletes the caller and ends the session', async () => {
    const session = await login(ctx.call, 'dave', 'pw-dave')
    const reply = await ctx.call('DELETE', 'users/delete', {}, { session })
    expect(reply.status).toBe(200)
    expect(await matching(ctx.call, { username: 'dave' })).toEqual([])
    expectFailure(await ctx.call('GET', 'users/show/me', {}, { session }), 401, NO_SESSION, 'showMe')
  })
})
