import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { login, startServer, type Call } from '../support/client.js'
import { ids } from '../support/fixture-s.js'

// Admin powers (docs/api.md "su_id") and the answers for everyone else (docs/users.md "Writes",
// docs/api.md "Id lists"); update/delete/batch_delete details are in write.test.ts, email visibility in read.test.ts.
let server: RunningMockCloud
let call: Call
beforeEach(async () => ({ server, call } = await startServer()))
afterEach(() => server.stop())

const NOT_AUTHORIZED = 'You are not authorized to perform this action.'
const newUser = { username: 'made', password: 'p', password_confirmation: 'p' }
const unknownId = '5f00000000000000000000ff'

describe('su_id on users/create', () => {
  it('an admin may name a user; the new user is made and the admin stays logged in', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const reply = await call('POST', 'users/create', {}, { session: admin, form: { ...newUser, su_id: ids.bob } })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createUser' })
    expect(reply.body.response.users[0]).toMatchObject({ username: 'made', admin: 'false' })
    expect((await call('GET', 'users/show/me', {}, { session: admin })).body.response.users[0].username).toBe('admin')
  })

  it.each([
    ['a non-admin', 'alice', ids.bob, 403, NOT_AUTHORIZED],
    ['an admin naming nobody', 'admin', unknownId, 404, 'User not found.'],
    ['an admin with a malformed id', 'admin', 'xyz', 400, "Invalid object id: 'xyz'"],
  ])('%s gets %i and nobody is made', async (_name, who, suId, code, message) => {
    const session = await login(call, who, `pw-${who}`)
    const reply = await call('POST', 'users/create', {}, { session, form: { ...newUser, su_id: suId } })
    expect(reply.status).toBe(code)
    expect(reply.body.meta).toEqual({ status: 'fail', code, message, method_name: 'createUser' })
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
  })

  it('nobody logged in gets 403', async () => {
    const reply = await call('POST', 'users/create', {}, { form: { ...newUser, su_id: ids.bob } })
    expect(reply.status).toBe(403)
    expect(reply.body.meta.message).toBe(NOT_AUTHORIZED)
  })
})

describe('su_id naming nobody', () => {
  it.each([
    ['PUT', 'users/update', 'updateUser'],
    ['DELETE', 'users/delete', 'deleteUser'],
  ])('%s %s with an unknown su_id → 404 User not found.', async (verb, endpoint, method_name) => {
    const admin = await login(call, 'admin', 'pw-admin')
    const reply = verb === 'PUT'
      ? await call(verb, endpoint, {}, { session: admin, form: { su_id: unknownId, first_name: 'X' } })
      : await call(verb, endpoint, { su_id: unknownId }, { session: admin })
    expect(reply.status).toBe(404)
    expect(reply.body.meta).toEqual({ status: 'fail', code: 404, message: 'User not found.', method_name })
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
  })
})

describe('an admin sees emails everywhere; others see their own only', () => {
  it('search', async () => {
    const admin = await login(call, 'admin', 'pw-admin')
    const asAdmin = await call('GET', 'users/search', { q: 'bob' }, { session: admin })
    expect(asAdmin.body.response.users[0].email).toBe('bob@example.com')
    const asAlice = await call('GET', 'users/search', { q: 'bob' }, { session: await login(call, 'alice', 'pw-alice') })
    expect(asAlice.body.response.users[0]).not.toHaveProperty('email')
  })
})
