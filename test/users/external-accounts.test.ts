import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { login, startServer, type Call } from '../support/client.js'
import { ids } from '../support/fixture-s.js'

// users/external_account_login, _link, _unlink (docs/users.md "External accounts", docs/api.md "Envelope").
let server: RunningMockCloud
let call: Call
beforeEach(async () => ({ server, call } = await startServer()))
afterEach(() => server.stop())

const NO_SESSION = 'You need to sign in or sign up before continuing.'
const fb = { id: 'fb-1001', type: 'facebook', token: 'tok-a' }

describe('users/external_account_login', () => {
  it('creates the user on first use and logs in; later logins find the same user and store the new token', async () => {
    const first = await call('POST', 'users/external_account_login', {}, { form: fb })
    expect(first.status).toBe(200)
    expect(first.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'externalAccountLogin', session_id: expect.any(String) })
    expect(first.headers.get('set-cookie')).toBe(`_session_id=${first.body.meta.session_id}; Path=/; HttpOnly`)
    const user = first.body.response.users[0]
    expect(user).toMatchObject({
      external_accounts: [{ external_id: 'fb-1001', external_type: 'facebook', token: 'tok-a' }],
      admin: 'false',
      confirmed_at: user.created_at,
      custom_fields: {},
    })
    expect(user).not.toHaveProperty('username')
    expect(user).not.toHaveProperty('email')
    const me = await call('GET', 'users/show/me', {}, { session: first.body.meta.session_id })
    expect(me.body.response.users[0].id).toBe(user.id)

    const second = await call('POST', 'users/external_account_login', {}, { form: { ...fb, type: 'Facebook', token: 'tok-b' } })
    expect(second.body.response.users[0]).toMatchObject({
      id: user.id,
      external_accounts: [{ external_id: 'fb-1001', external_type: 'facebook', token: 'tok-b' }],
    })
    expect(second.body.meta.session_id).not.toBe(first.body.meta.session_id)
    expect((await call('GET', 'users/count')).body.meta.count).toBe(6)
  })

  it('takes a custom type with an empty token, as appc.arrowdb sends it', async () => {
    const reply = await call('POST', 'users/external_account_login', {}, { form: { id: 'c-1', type: 'custom', token: '' } })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users[0].external_accounts).toEqual([{ external_id: 'c-1', external_type: 'custom', token: '' }])
  })

  it.each([
    ['no id', { type: 'facebook', token: 't' }, 'Required field: id'],
    ['an empty id', { id: ' ', type: 'facebook' }, 'Required field: id'],
    ['no type', { id: 'x' }, 'Required field: type'],
  ])('answers %s with 400 and creates nobody', async (_name, form, message) => {
    const reply = await call('POST', 'users/external_account_login', {}, { form })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toEqual({ status: 'fail', code: 400, message, method_name: 'externalAccountLogin' })
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
  })

  it('a user made by it can update names and custom fields without a username or email', async () => {
    const session = (await call('POST', 'users/external_account_login', {}, { form: fb })).body.meta.session_id
    const reply = await call('PUT', 'users/update', {}, { session, form: { first_name: 'Fay', custom_fields: { a: 1 } } })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users[0]).toMatchObject({ first_name: 'Fay', custom_fields: { a: 1 } })
  })

  it('only takes POST', async () => {
    const reply = await call('GET', 'users/external_account_login', fb)
    expect(reply.status).toBe(405)
    expect(reply.headers.get('allow')).toBe('POST')
  })
})

describe('users/external_account_link and _unlink', () => {
  it('link adds the account to the caller; login with it then logs in as the caller', async () => {
    const session = await login(call, 'alice', 'pw-alice')
    const linked = await call('POST', 'users/external_account_link', {}, { session, form: { id: 'tw-7', type: 'twitter', token: 't1' } })
    expect(linked.status).toBe(200)
    expect(linked.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'externalAccountLink' })
    expect(linked.body.response.users[0]).toMatchObject({
      id: ids.alice,
      email: 'alice@example.com',
      external_accounts: [{ external_id: 'tw-7', external_type: 'twitter', token: 't1' }],
    })
    const viaTwitter = await call('POST', 'users/external_account_login', {}, { form: { id: 'tw-7', type: 'twitter' } })
    expect(viaTwitter.body.response.users[0].id).toBe(ids.alice)
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
  })

  it('linking the same account again updates its token and adds nothing', async () => {
    const session = await login(call, 'bob', 'pw-bob')
    await call('POST', 'users/external_account_link', {}, { session, form: { ...fb, token: 'old' } })
    const again = await call('POST', 'users/external_account_link', {}, { session, form: { ...fb, token: 'new' } })
    expect(again.body.response.users[0].external_accounts).toEqual([{ external_id: 'fb-1001', external_type: 'facebook', token: 'new' }])
  })

  it("refuses to link an account another user has linked, with 400", async () => {
    await call('POST', 'users/external_account_link', {}, { session: await login(call, 'alice', 'pw-alice'), form: fb })
    const bob = await login(call, 'bob', 'pw-bob')
    const reply = await call('POST', 'users/external_account_link', {}, { session: bob, form: fb })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toEqual({
      status: 'fail',
      code: 400,
      message: 'Failed to link external account: it is already linked to another user.',
      method_name: 'externalAccountLink',
    })
  })

  it.each(['POST', 'DELETE'])('unlink by %s removes the account', async (verb) => {
    const session = await login(call, 'carol', 'pw-carol')
    await call('POST', 'users/external_account_link', {}, { session, form: fb })
    const reply = verb === 'POST'
      ? await call('POST', 'users/external_account_unlink', {}, { session, form: { id: fb.id, type: fb.type } })
      : await call('DELETE', 'users/external_account_unlink', { id: fb.id, type: fb.type }, { session })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'externalAccountUnlink' })
    expect(reply.body.response.users[0]).toMatchObject({ id: ids.carol, external_accounts: [] })
    // The account is free again: logging in with it makes a new user.
    const fresh = await call('POST', 'users/external_account_login', {}, { form: fb })
    expect(fresh.body.response.users[0].id).not.toBe(ids.carol)
  })

  it('unlinking an account the caller has not linked answers 404', async () => {
    const session = await login(call, 'dave', 'pw-dave')
    const reply = await call('DELETE', 'users/external_account_unlink', { id: 'nope', type: 'facebook' }, { session })
    expect(reply.status).toBe(404)
    expect(reply.body.meta).toEqual({
      status: 'fail',
      code: 404,
      message: 'External account not found: the user has no linked account with this id and type.',
      method_name: 'externalAccountUnlink',
    })
  })

  it('refuses to unlink the only way to identify a user made by external_account_login', async () => {
    const session = (await call('POST', 'users/external_account_login', {}, { form: fb })).body.meta.session_id
    const reply = await call('DELETE', 'users/external_account_unlink', { id: fb.id, type: fb.type }, { session })
    expect(reply.status).toBe(400)
    expect(reply.body.meta.message).toBe('Failed to update user: Validation failed - A username, email or external account is required.')
    expect((await call('GET', 'users/show/me', {}, { session })).body.response.users[0].external_accounts).toHaveLength(1)
  })

  it.each([
    ['users/external_account_link', 'POST', 'externalAccountLink'],
    ['users/external_account_unlink', 'DELETE', 'externalAccountUnlink'],
  ])('%s without a session → 401', async (endpoint, verb, method_name) => {
    const reply = await call(verb, endpoint, fb)
    expect(reply.status).toBe(401)
    expect(reply.body.meta).toEqual({ status: 'fail', code: 401, message: NO_SESSION, method_name })
  })

  it('link with a session but without type → 400 Required field: type', async () => {
    const session = await login(call, 'alice', 'pw-alice')
    const reply = await call('POST', 'users/external_account_link', {}, { session, form: { id: 'x' } })
    expect(reply.body.meta).toEqual({ status: 'fail', code: 400, message: 'Required field: type', method_name: 'externalAccountLink' })
  })
})
