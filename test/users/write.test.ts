import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { login, startServer, usernames, type Call } from '../support/client.js'
import type { RunningMockCloud } from '../../src/server.js'
import { ids } from '../support/fixture-s.js'

// users/update, users/delete, users/batch_delete, users/request_reset_password
// (docs/users.md "Writes", "Account flows", docs/api.md "su_id").
let server: RunningMockCloud
let call: Call
beforeEach(async () => ({ server, call } = await startServer()))
afterEach(() => server.stop())

const notAuthorized = 'You are not authorized to perform this action.'

describe('users/update', () => {
  it('updates the caller: fields replaced, tags replaced, custom fields merged, null removes one', async () => {
    const session = await login(call, 'alice', 'pw-alice')
    const reply = await call('PUT', 'users/update', {}, {
      session,
      form: { first_name: 'Alicia', tags: 'chess', custom_fields: { age: 31, color: null, city: 'Oslo' }, extra: '{}' },
    })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'updateUser' })
    const user = reply.body.response.users[0]
    expect(user).toMatchObject({ id: ids.alice, first_name: 'Alicia', last_name: 'Smith', email: 'alice@example.com', tags: ['chess'] })
    expect(user.custom_fields).toEqual({ age: 31, city: 'Oslo' })
    const shown = await call('GET', 'users/show/me', {}, { session })
    expect(shown.body.response.users[0].custom_fields).toEqual({ age: 31, city: 'Oslo' })
  })

  it('refuses a field of the wrong type in a JSON body instead of clearing it', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    const object = await call('PUT', 'users/update', {}, { session: alice, json: { first_name: { x: 1 } } })
    expect(object.body.meta).toMatchObject({ code: 400, message: 'Invalid first_name parameter: expected text, got an object' })
    const list = await call('PUT', 'users/update', {}, { session: alice, json: { last_name: ['x'] } })
    expect(list.body.meta).toMatchObject({ code: 400, message: 'Invalid last_name parameter: expected text, got a list' })
    const tags = await call('PUT', 'users/update', {}, { session: alice, json: { tags: [1, { x: 2 }] } })
    expect(tags.body.meta).toMatchObject({ code: 400, message: 'Invalid tags parameter: expected a list of strings or a comma-separated string' })
    const me = (await call('GET', 'users/show/me', {}, { session: alice })).body.response.users[0]
    expect(me).toMatchObject({ first_name: 'Alice', last_name: 'Smith', tags: ['golf', 'snowboarding'] })
  })

  it('changes the password only with a matching confirmation', async () => {
    const session = await login(call, 'bob', 'pw-bob')
    const refused = await call('PUT', 'users/update', {}, { session, form: { password: 'new', password_confirmation: 'other' } })
    expect(refused.status).toBe(400)
    expect(refused.body.meta.message).toBe("Failed to update user: Validation failed - Password confirmation doesn't match Password.")
    await call('PUT', 'users/update', {}, { session, form: { password: 'new', password_confirmation: 'new' } })
    expect((await call('POST', 'users/login', {}, { form: { login: 'bob', password: 'pw-bob' } })).status).toBe(401)
    expect((await call('POST', 'users/login', {}, { form: { login: 'bob', password: 'new' } })).status).toBe(200)
  })

  it('reports every problem at once, the password one included', async () => {
    const session = await login(call, 'alice', 'pw-alice')
    const reply = await call('PUT', 'users/update', {}, { session, form: { username: 'bob', password: 'x1', password_confirmation: 'x2' } })
    expect(reply.body.meta.message).toBe(
      "Failed to update user: Validation failed - Password confirmation doesn't match Password, Username is already taken.",
    )
    const email = await call('PUT', 'users/update', {}, { session, form: { email: 'nope', password: 'x1', password_confirmation: 'x2' } })
    expect(email.body.meta.message).toBe('Invalid Email Address.')
  })

  it('refuses a username or email another user has', async () => {
    const session = await login(call, 'bob', 'pw-bob')
    const reply = await call('PUT', 'users/update', {}, { session, form: { username: 'Alice', email: 'carol@example.com' } })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toEqual({
      status: 'fail',
      code: 400,
      message: 'Failed to update user: Validation failed - Username is already taken, Email is already taken.',
      method_name: 'updateUser',
    })
  })

  it('keeps both of two concurrent updates when one changes the password', async () => {
    const session = await login(call, 'alice', 'pw-alice')
    const [withPassword, withFields] = await Promise.all([
      call('PUT', 'users/update', {}, { session, form: { password: 'new-pw', password_confirmation: 'new-pw' } }),
      call('PUT', 'users/update', {}, { session, form: { first_name: 'Alicia', custom_fields: { color: 'green' } } }),
    ])
    expect([withPassword.status, withFields.status]).toEqual([200, 200])
    const stored = (await call('GET', 'users/show/me', {}, { session })).body.response.users[0]
    expect(stored.first_name).toBe('Alicia')
    expect(stored.custom_fields).toEqual({ age: 30, color: 'green' })
    expect((await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'new-pw' } })).status).toBe(200)
  })

  it.each([
    ['a malformed email', { email: 'alice@' }, 'Invalid Email Address.'],
    ['removing both username and email', { username: '', email: '' }, 'Failed to update user: Validation failed - A username, email or external account is required, First name can\'t be blank, Last name can\'t be blank.'],
  ])('refuses %s with a 400', async (_name, form, message) => {
    const session = await login(call, 'bob', 'pw-bob')
    const reply = await call('PUT', 'users/update', {}, { session, form })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toEqual({ status: 'fail', code: 400, message, method_name: 'updateUser' })
  })

  it('lets an admin grant admin rights to another user, not to themself, and only with a boolean word', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const vague = await call('PUT', 'users/update', {}, { session: admin, form: { su_id: ids.dave, admin: 'maybe' } })
    expect(vague.body.response.users[0].admin).toBe('false')
    const granted = await call('PUT', 'users/update', {}, { session: admin, form: { su_id: ids.dave, admin: 'true' } })
    expect(granted.body.response.users[0].admin).toBe('true')
    const self = await call('PUT', 'users/update', {}, { session: admin, form: { admin: 'false' } })
    expect(self.body.response.users[0].admin).toBe('true')
    const bob = await login(call, 'bob', 'pw-bob')
    const selfPromotion = await call('PUT', 'users/update', {}, { session: bob, form: { admin: 'true' } })
    expect(selfPromotion.body.response.users[0].admin).toBe('false')
  })

  it('reads user_id and sudo_id as su_id, so naming another user never changes the caller', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const viaUserId = await call('PUT', 'users/update', {}, { session: admin, form: { user_id: ids.carol, first_name: 'Caro' } })
    expect(viaUserId.body.response.users[0]).toMatchObject({ id: ids.carol, first_name: 'Caro' })
    const bob = await login(call, 'bob', 'pw-bob')
    const refused = await call('PUT', 'users/update', {}, { session: bob, form: { sudo_id: ids.carol, first_name: 'Bobby' } })
    expect(refused.status).toBe(403)
    expect((await call('GET', 'users/show/me', {}, { session: bob })).body.response.users[0]).not.toHaveProperty('first_name')
  })

  it('answers an empty or non-text su_id with 400 rather than acting on the caller', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const empty = await call('PUT', 'users/update', {}, { session: admin, form: { su_id: '', user_id: ids.bob, first_name: 'X' } })
    expect(empty.status).toBe(400)
    expect(empty.body.meta.message).toBe("Invalid object id: ''")
    const list = await call('PUT', 'users/update', {}, { session: admin, json: { su_id: [ids.bob], first_name: 'X' } })
    expect(list.status).toBe(400)
    expect(list.body.meta.message).toBe(`Invalid object id: '["${ids.bob}"]'`)
    expect((await call('GET', 'users/show/me', {}, { session: admin })).body.response.users[0]).not.toHaveProperty('first_name', 'X')
  })

  it("lets a user name their own id in su_id or user_id", async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    const reply = await call('PUT', 'users/update', {}, { session: alice, form: { user_id: ids.alice.toUpperCase(), role: 'self' } })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users[0]).toMatchObject({ id: ids.alice, role: 'self' })
  })

  it('keeps the admin flag when admin is sent empty, as an untouched form field is', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    await call('PUT', 'users/update', {}, { session: admin, form: { su_id: ids.bob, admin: 'true' } })
    const reply = await call('PUT', 'users/update', {}, { session: admin, form: { su_id: ids.bob, first_name: 'Bobby', admin: '' } })
    expect(reply.body.response.users[0]).toMatchObject({ first_name: 'Bobby', admin: 'true' })
  })

  it('answers a malformed su_id with 400 Invalid object id', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const reply = await call('PUT', 'users/update', {}, { session: admin, form: { su_id: 'nope', role: 'x' } })
    expect(reply.status).toBe(400)
    expect(reply.body.meta.message).toBe("Invalid object id: 'nope'")
  })

  it('without a session → 401 You need to sign in or sign up before continuing.', async () => {
    const reply = await call('PUT', 'users/update', {}, { form: { first_name: 'x' } })
    expect(reply.status).toBe(401)
    expect(reply.body.meta.message).toBe('You need to sign in or sign up before continuing.')
  })

  it('lets an admin update another user with su_id, and nobody else', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const reply = await call('PUT', 'users/update', {}, { session: admin, form: { su_id: ids.dave, role: 'captain' } })
    expect(reply.body.response.users[0]).toMatchObject({ id: ids.dave, role: 'captain' })
    const alice = await login(call, 'alice', 'pw-alice')
    const refused = await call('PUT', 'users/update', {}, { session: alice, form: { su_id: ids.dave, role: 'pirate' } })
    expect(refused.status).toBe(403)
    expect(refused.body.meta.message).toBe(notAuthorized)
    const missing = await call('PUT', 'users/update', {}, { session: admin, form: { su_id: '5f00000000000000000000ff' } })
    expect(missing.status).toBe(404)
    expect(missing.body.meta.message).toBe('User not found.')
  })
})

describe('users/delete', () => {
  it('deletes the caller, replies with meta only and ends their sessions', async () => {
    const session = await login(call, 'carol', 'pw-carol')
    const reply = await call('DELETE', 'users/delete', {}, { session })
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteUser' } })
    expect((await call('GET', 'users/show/me', {}, { session })).status).toBe(401)
    expect((await call('GET', 'users/count')).body.meta.count).toBe(4)
    expect((await call('POST', 'users/login', {}, { form: { login: 'carol', password: 'pw-carol' } })).status).toBe(401)
  })

  it('lets an admin delete others by su_id or user_ids', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    expect((await call('DELETE', 'users/delete', { su_id: ids.bob }, { session: admin })).status).toBe(200)
    expect((await call('DELETE', 'users/delete', { user_ids: `${ids.carol},${ids.dave}` }, { session: admin })).status).toBe(200)
    expect(usernames(await call('GET', 'users/query'))).toEqual(['alice', 'admin'])
    expect((await call('GET', 'users/show/me', {}, { session: admin })).status).toBe(200)
  })

  it('takes user_ids as a JSON array too', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const reply = await call('DELETE', 'users/delete', {}, { session: admin, json: { user_ids: [ids.bob, ids.carol] } })
    expect(reply.status).toBe(200)
    expect(usernames(await call('GET', 'users/query'))).toEqual(['alice', 'dave', 'admin'])
  })

  it.each([
    ['an empty user_ids', { user_ids: '' }, 400, 'Required field: user_ids'],
    ['a malformed id in user_ids', { user_ids: `${ids.bob},xyz` }, 400, "Invalid object id: 'xyz'"],
    ['user_ids that match nobody', { user_ids: '5f00000000000000000000ff' }, 404, 'User not found.'],
    ['a user_id that matches nobody', { user_id: '5f00000000000000000000ff' }, 404, 'User not found.'],
    ['user_ids that are an object', { user_ids: {} }, 400, "Invalid object id: '{}'"],
  ])('answers %s with %i and deletes nobody, the admin included', async (_name, query, code, message) => {
    const admin = await login(call, 'admin', 'pw-admin')
    const reply = await call('DELETE', 'users/delete', query, { session: admin })
    expect(reply.status).toBe(code)
    expect(reply.body.meta).toEqual({ status: 'fail', code, message, method_name: 'deleteUser' })
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
    expect((await call('GET', 'users/show/me', {}, { session: admin })).status).toBe(200)
  })

  it('lets a user delete themself by naming their own id in user_id', async () => {
    const carol = await login(call, 'carol', 'pw-carol')
    expect((await call('DELETE', 'users/delete', { user_id: ids.carol }, { session: carol })).status).toBe(200)
    expect((await call('GET', 'users/count')).body.meta.count).toBe(4)
  })

  it('lets a user delete themself through user_ids', async () => {
    const dave = await login(call, 'dave', 'pw-dave')
    expect((await call('DELETE', 'users/delete', { user_ids: ids.dave }, { session: dave })).status).toBe(200)
    expect((await call('GET', 'users/show/me', {}, { session: dave })).status).toBe(401)
  })

  it("refuses a non-admin deleting someone else's account", async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    for (const query of [{ user_ids: ids.bob }, { su_id: ids.bob }]) {
      const reply = await call('DELETE', 'users/delete', query, { session: alice })
      expect(reply.status).toBe(403)
      expect(reply.body.meta).toEqual({ status: 'fail', code: 403, message: notAuthorized, method_name: 'deleteUser' })
    }
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
  })

  it('without a session → 401 You need to sign in or sign up before continuing.', async () => {
    const reply = await call('DELETE', 'users/delete')
    expect(reply.status).toBe(401)
    expect(reply.body.meta.message).toBe('You need to sign in or sign up before continuing.')
  })
})

describe('users/batch_delete', () => {
  it('deletes the users matching where, for an admin', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const reply = await call('DELETE', 'users/batch_delete', { where: { tags: 'golf' } }, { session: admin })
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'batchDelete' } })
    expect(usernames(await call('GET', 'users/query'))).toEqual(['carol', 'dave', 'admin'])
  })

  it('deletes every user without where', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    expect((await call('DELETE', 'users/batch_delete', {}, { session: admin })).status).toBe(200)
    expect((await call('GET', 'users/count')).body.meta.count).toBe(0)
  })

  it('without a session → 401, and a bad where → 400, deleting nothing', async () => {
    expect((await call('DELETE', 'users/batch_delete')).status).toBe(401)
    const admin = await login(call, 'admin', 'pw-admin')
    const reply = await call('DELETE', 'users/batch_delete', { where: '{"tags":' }, { session: admin })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toMatchObject({ status: 'fail', code: 400, method_name: 'batchDelete' })
    expect(reply.body.meta.message).toMatch(/^Invalid where parameter: not valid JSON/)
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
  })

  it('refuses non-admins with a 403 and deletes nothing', async () => {
    const bob = await login(call, 'bob', 'pw-bob')
    const reply = await call('DELETE', 'users/batch_delete', {}, { session: bob })
    expect(reply.status).toBe(403)
    expect(reply.body.meta.message).toBe(notAuthorized)
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
  })
})

describe('users/request_reset_password', () => {
  it('answers 200 with meta only for a known email', async () => {
    const reply = await call('GET', 'users/request_reset_password', { email: 'Dave@example.com' })
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'requestResetPassword' } })
  })

  it.each([
    [{}, 400, 'Email is required.'],
    [{ email: 'who@example.com' }, 404, 'No user found with this email address.'],
  ])('answers %j with %i', async (query, code, message) => {
    const reply = await call('GET', 'users/request_reset_password', query)
    expect(reply.status).toBe(code)
    expect(reply.body.meta).toEqual({ status: 'fail', code, message, method_name: 'requestResetPassword' })
  })
})
