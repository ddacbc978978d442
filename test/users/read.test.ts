import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startServer, type Call } from '../support/client.js'
import type { RunningMockCloud } from '../../src/server.js'
import { ids } from '../support/fixture-s.js'

// users/show, users/query, users/search, users/count: read-only, so one server for the file
// (docs/users.md "Endpoints", "Replies", "Search", docs/api.md "Queries", "Id lists").
let server: RunningMockCloud
let call: Call
let admin: string
let alice: string
beforeAll(async () => {
  ;({ server, call } = await startServer())
  admin = await login(call, 'admin', 'pw-admin')
  alice = await login(call, 'alice', 'pw-alice')
})
afterAll(() => server.stop())

const usernames = (reply: { body: any }) => reply.body.response.users.map((u: { username: string }) => u.username)

describe('users/show', () => {
  it('shows one user by user_id without the email to an anonymous caller', async () => {
    const reply = await call('GET', 'users/show', { user_id: ids.bob })
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'showUsers' })
    expect(reply.body.response.users).toHaveLength(1)
    expect(reply.body.response.users[0]).toMatchObject({ id: ids.bob, username: 'bob', tags: ['golf'] })
    expect(reply.body.response.users[0]).not.toHaveProperty('email')
  })

  it('shows the email to an admin and to the user themself, not to another user', async () => {
    expect((await call('GET', 'users/show', { user_id: ids.bob }, { session: admin })).body.response.users[0].email).toBe('bob@example.com')
    expect((await call('GET', 'users/show', { user_id: ids.alice }, { session: alice })).body.response.users[0].email).toBe('alice@example.com')
    expect((await call('GET', 'users/show', { user_id: ids.bob }, { session: alice })).body.response.users[0]).not.toHaveProperty('email')
  })

  it('reads user_id when user_ids is sent empty', async () => {
    const reply = await call('GET', 'users/show', { user_ids: '', user_id: ids.dave })
    expect(usernames(reply)).toEqual(['dave'])
  })

  it('shows several users from user_ids in the order asked, skipping ids that match nobody', async () => {
    const reply = await call('GET', 'users/show', { user_ids: `${ids.carol},5f00000000000000000000ff, ${ids.alice}` })
    expect(usernames(reply)).toEqual(['carol', 'alice'])
  })

  it.each([
    ['a malformed id', { user_id: 'abc' }, 400, "Invalid object id: 'abc'"],
    ['one malformed id in a list', { user_ids: `${ids.alice},zzz` }, 400, "Invalid object id: 'zzz'"],
    ['an id that matches nobody', { user_id: '5f00000000000000000000ff' }, 404, 'User not found.'],
    ['no id', {}, 400, 'Required field: user_id'],
    ['only commas', { user_ids: ',' }, 400, 'Required field: user_id'],
  ])('answers %s with the spec failure', async (_name, query, code, message) => {
    const reply = await call('GET', 'users/show', query)
    expect(reply.status).toBe(code)
    expect(reply.body).toEqual({ meta: { status: 'fail', code, message, method_name: 'showUsers' } })
  })
})

describe('users/query', () => {
  it('lists users in creation order, 10 at most by default, without emails', async () => {
    const reply = await call('GET', 'users/query')
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryUsers' })
    expect(usernames(reply)).toEqual(['alice', 'bob', 'carol', 'dave', 'admin'])
    expect(reply.body.response.users.some((u: object) => 'email' in u)).toBe(false)
  })

  it('matches built-in and custom fields by bare name', async () => {
    expect(usernames(await call('GET', 'users/query', { where: { color: 'red' } }))).toEqual(['alice'])
    expect(usernames(await call('GET', 'users/query', { where: { first_name: 'Alice', age: { $gte: 30 } } }))).toEqual(['alice'])
    expect(usernames(await call('GET', 'users/query', { where: { _id: { $in: [ids.bob, ids.dave] } } }))).toEqual(['bob', 'dave'])
    expect(usernames(await call('GET', 'users/query', { where: { username: { $regex: '^ca' } } }))).toEqual(['carol'])
  })

  it('compares created_at with a date in the custom-field date form', async () => {
    const past = await call('GET', 'users/query', { where: { created_at: { $gt: '2001-01-01 00:00:00+0000' } } })
    expect(usernames(past)).toEqual(['alice', 'bob', 'carol', 'dave', 'admin'])
    const future = await call('GET', 'users/query', { where: { created_at: { $gt: '2999-01-01 00:00:00+0000' } } })
    expect(usernames(future)).toEqual([])
  })

  it('compares created_at with a date in the wire format or ISO 8601, as replies print it', async () => {
    for (const date of ['2001-01-01T00:00:00+0000', '2001-01-01T00:00:00Z', '2001-01-01', '2001-01-01T00:00:00']) {
      expect(usernames(await call('GET', 'users/query', { where: { created_at: { $gt: date } } }))).toHaveLength(5)
      expect(usernames(await call('GET', 'users/query', { where: { created_at: { $lt: date } } }))).toEqual([])
    }
  })

  it('keeps an ISO string compared with a custom field a string', async () => {
    // Only built-in date fields read ISO text as a date; custom text stays text.
    const reply = await call('GET', 'users/query', { where: { color: { $in: ['2001-01-01T00:00:00Z', 'red'] } } })
    expect(usernames(reply)).toEqual(['alice'])
  })

  it('orders by custom and built-in fields, descending with a minus, ties in creation order', async () => {
    expect(usernames(await call('GET', 'users/query', { order: '-age' }))).toEqual(['carol', 'alice', 'bob', 'dave', 'admin'])
    expect(usernames(await call('GET', 'users/query', { order: 'color,username' }))).toEqual(['admin', 'carol', 'dave', 'bob', 'alice'])
  })

  it('pages with limit and skip, and with page/per_page as an offset', async () => {
    expect(usernames(await call('GET', 'users/query', { limit: 2, skip: 1 }))).toEqual(['bob', 'carol'])
    expect(usernames(await call('GET', 'users/query', { page: 2, per_page: 2 }))).toEqual(['carol', 'dave'])
  })

  it('puts the total in meta.count with count=true or count=1', async () => {
    for (const count of ['true', '1']) {
      const reply = await call('GET', 'users/query', { count, limit: 1, where: { tags: 'golf' } })
      expect(reply.body.meta.count).toBe(2)
      expect(reply.body.response.users).toHaveLength(1)
    }
  })

  it('returns only the selected fields with sel, and all but some with unsel, always with id', async () => {
    const sel = await call('GET', 'users/query', { where: { username: 'alice' }, sel: { all: ['first_name', 'age'] } })
    expect(sel.body.response.users[0]).toEqual({ id: ids.alice, first_name: 'Alice', custom_fields: { age: 30 } })
    const unsel = await call('GET', 'users/query', { where: { username: 'alice' }, unsel: { all: ['custom_fields', 'stats', 'id'] } })
    expect(unsel.body.response.users[0]).toHaveProperty('id', ids.alice)
    expect(unsel.body.response.users[0]).not.toHaveProperty('stats')
    expect(unsel.body.response.users[0]).not.toHaveProperty('custom_fields')
  })

  it('shows emails to admins', async () => {
    const reply = await call('GET', 'users/query', { where: { username: 'dave' } }, { session: admin })
    expect(reply.body.response.users[0].email).toBe('dave@example.com')
  })

  it.each([
    [{ where: '{"age":' }, /^Invalid where parameter: /],
    [{ where: '[1]' }, /^Invalid where parameter: /],
    [{ where: { $expr: { $gt: ['$age', 1] } } }, /^Invalid where parameter: .*\$expr/],
    [{ where: { username: { $regex: 'lic' } } }, /^This regex query is not supported, regex expression should start with \^letter or \^digit\.$/],
    [{ limit: 1001 }, /^Invalid limit parameter; value must be in a valid range of 1~1000$/],
    [{ skip: -1 }, /^Invalid skip parameter; value must be in a valid range of 0~4999$/],
    [{ sel: { all: ['a'] }, unsel: { all: ['b'] } }, /^Invalid sel parameter/],
  ])('refuses %j with a 400 that says what was wrong', async (query, message) => {
    const reply = await call('GET', 'users/query', query)
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toMatchObject({ status: 'fail', code: 400, method_name: 'queryUsers' })
    expect(reply.body.meta.message).toMatch(message)
  })
})

describe('users/search', () => {
  it('finds users by keyword over names, email, username and tags, with paging meta', async () => {
    const reply = await call('GET', 'users/search', { q: 'GOLF' })
    expect(usernames(reply)).toEqual(['alice', 'bob'])
    expect(reply.body.meta).toEqual({
      code: 200, status: 'ok', method_name: 'searchUsers', page: 1, per_page: 10, total_pages: 1, total_results: 2,
    })
    expect(usernames(await call('GET', 'users/search', { q: 'golf smith' }))).toEqual(['alice'])
    expect(usernames(await call('GET', 'users/search', { q: 'carol@example' }))).toEqual(['carol'])
  })

  it('matches whole words only, split at every character that is not a letter or digit', async () => {
    const search = async (q: string) => usernames(await call('GET', 'users/search', { q }))
    expect(await search('ali')).toEqual([])
    expect(await search('smi')).toEqual([])
    expect(await search('snow')).toEqual([])
    expect(await search('Snowboarding')).toEqual(['alice'])
    expect(await search('EXAMPLE com')).toEqual(['alice', 'bob', 'carol', 'dave', 'admin'])
    expect(await search('exam')).toEqual([])
    expect(await search('bob golf')).toEqual(['bob'])
    expect(await search('bob snowboarding')).toEqual([])
  })

  it('applies the same whole-word rule to $text in users/query', async () => {
    const query = async (search: string) => usernames(await call('GET', 'users/query', { where: JSON.stringify({ $text: { $search: search } }) }))
    expect(await query('ali')).toEqual([])
    expect(await query('ALICE')).toEqual(['alice'])
    expect(await query('golf')).toEqual(['alice', 'bob'])
    expect(await query('golf snow')).toEqual([])
  })

  it.each([
    [{ page: 0 }, /^Invalid page parameter/],
    [{ per_page: 1001 }, /^Invalid per_page parameter/],
  ])('refuses %j with a 400', async (query, message) => {
    const reply = await call('GET', 'users/search', query)
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toMatchObject({ status: 'fail', code: 400, method_name: 'searchUsers' })
    expect(reply.body.meta.message).toMatch(message)
  })

  it('lists every user without q and pages with page and per_page', async () => {
    const reply = await call('GET', 'users/search', { page: 2, per_page: 2 })
    expect(usernames(reply)).toEqual(['carol', 'dave'])
    expect(reply.body.meta).toMatchObject({ page: 2, per_page: 2, total_pages: 3, total_results: 5 })
  })
})

describe('users/count', () => {
  it('puts the number of users in meta.count, with the live service quirky method_name', async () => {
    const reply = await call('GET', 'users/count')
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'usersCount', count: 5 } })
  })

  it('narrows the count with where', async () => {
    expect((await call('GET', 'users/count', { where: { tags: 'golf' } })).body.meta.count).toBe(2)
  })

  it('refuses a bad where with a 400', async () => {
    const reply = await call('GET', 'users/count', { where: { $where: 'true' } })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toEqual({
      status: 'fail', code: 400, message: 'Invalid where parameter: operator $where is not supported', method_name: 'usersCount',
    })
  })
})
