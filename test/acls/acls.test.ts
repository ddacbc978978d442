import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { login, startServer, type Call } from '../support/client.js'
import type { RunningMockCloud } from '../../src/server.js'
import { fixtureS, ids } from '../support/fixture-s.js'

// The ACLs object end to end, over HTTP (docs/acls.md).
let server: RunningMockCloud
let call: Call
beforeEach(async () => ({ server, call } = await startServer()))
afterEach(() => server.stop())

const notAuthorized = 'You are not authorized to perform this action.'

async function create(session: string, form: Record<string, unknown>) {
  return call('POST', 'acls/create', {}, { session, form })
}

describe('acls/create and show', () => {
  it('lists the given ids then the owner, flags as booleans, owner embedded', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    const reply = await create(alice, { name: 'friends', reader_ids: `${ids.bob},${ids.carol},${ids.bob}`, writer_ids: ids.carol })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createAcl' })
    const acl = reply.body.response.acls[0]
    expect(acl).toMatchObject({
      name: 'friends',
      public_read: false,
      public_write: false,
      readers: [ids.bob, ids.carol, ids.alice],
      writers: [ids.carol, ids.alice],
      user_id: ids.alice,
      user: { id: ids.alice, username: 'alice', email: 'alice@example.com' },
    })
    expect(acl.id).toMatch(/^[0-9a-f]{24}$/)
    expect(acl.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/)
    const byName = await call('GET', 'acls/show', { name: 'friends' }, { session: alice })
    expect(byName.body.response.acls[0]).toEqual(acl)
    const byIdNoSession = await call('GET', 'acls/show', { id: acl.id })
    expect(byIdNoSession.body.meta.method_name).toBe('showAcl')
    expect(byIdNoSession.body.response.acls[0].user.email).toBeUndefined()
  })

  it('refuses what docs/acls.md "Errors" lists, in its words', async () => {
    expect((await call('POST', 'acls/create', {}, { form: { name: 'x' } })).body.meta).toMatchObject({
      code: 400, message: 'Failed to authenticate user', method_name: 'createAcl',
    })
    const alice = await login(call, 'alice', 'pw-alice')
    expect((await create(alice, {})).body.meta.message).toBe("Failed to create ACL: Validation failed - Name can't be blank.")
    await create(alice, { name: 'friends' })
    expect((await create(alice, { name: 'friends' })).body.meta.message).toBe('Failed to create ACL: Validation failed - Name is already taken.')
    const bob = await login(call, 'bob', 'pw-bob')
    expect((await create(bob, { name: 'friends' })).status).toBe(200)
    expect((await create(alice, { name: 'x', reader_ids: '5f00000000000000000000ff' })).body.meta.message).toBe('Invalid user id')
    expect((await create(alice, { name: 'x', writer_ids: 'nope' })).body.meta.message).toBe('Invalid user id')
    const noName = await call('GET', 'acls/show', { name: 'friends' })
    expect(noName.body.meta).toMatchObject({ code: 400, message: 'Invalid ACL name', method_name: 'showAcl' })
    expect((await call('GET', 'acls/show', {})).body.meta.message).toBe('Invalid ACL name')
    expect((await call('GET', 'acls/show', { id: '5f00000000000000000000ff' })).body.meta.message).toBe('Invalid ACL id')
    expect((await call('GET', 'acls/show', { id: 'bad' })).body.meta.message).toBe("Invalid object id: 'bad'")
    expect((await call('GET', 'acls/create', {}, { session: alice })).status).toBe(405)
  })
})

describe('acls/update, add, remove, delete', () => {
  it('hides the lists while public and shows them again', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    const id = (await create(alice, { name: 'a', reader_ids: ids.bob })).body.response.acls[0].id
    const open = await call('PUT', 'acls/update', {}, { session: alice, form: { id, public_read: 'true', public_write: '1' } })
    expect(open.body.meta.method_name).toBe('updateAcl')
    const shown = open.body.response.acls[0]
    expect(shown).toMatchObject({ public_read: true, public_write: true })
    expect(shown.readers).toBeUndefined()
    expect(shown.writers).toBeUndefined()
    const closed = await call('PUT', 'acls/update', {}, { session: alice, form: { id, public_read: 'false', public_write: '0' } })
    expect(closed.body.response.acls[0]).toMatchObject({ readers: [ids.bob, ids.alice], writers: [ids.alice] })
    const emptied = await call('PUT', 'acls/update', {}, { session: alice, form: { id, reader_ids: '', name: 'b' } })
    expect(emptied.body.response.acls[0]).toMatchObject({ name: 'b', readers: [ids.alice] })
  })

  it('adds at the end, removes, keeps the owner; meta only', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    await create(alice, { name: 'a', reader_ids: ids.bob })
    const added = await call('POST', 'acls/add', {}, { session: alice, form: { name: 'a', reader_ids: `${ids.carol},${ids.bob}`, writer_ids: '' } })
    expect(added.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'addAcl' } })
    let acl = (await call('GET', 'acls/show', { name: 'a' }, { session: alice })).body.response.acls[0]
    expect(acl.readers).toEqual([ids.bob, ids.carol, ids.alice])
    const removed = await call('DELETE', 'acls/remove', { name: 'a', reader_ids: `${ids.bob},${ids.alice}` }, { session: alice })
    expect(removed.body.meta.method_name).toBe('removeAcl')
    acl = (await call('GET', 'acls/show', { name: 'a' }, { session: alice })).body.response.acls[0]
    expect(acl.readers).toEqual([ids.carol, ids.alice])
  })

  it('lets only the owner or an admin manage; su_id acts for the owner', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    const id = (await create(alice, { name: 'a' })).body.response.acls[0].id
    const bob = await login(call, 'bob', 'pw-bob')
    for (const [verb, path] of [['PUT', 'acls/update'], ['DELETE', 'acls/delete'], ['POST', 'acls/add'], ['DELETE', 'acls/remove']] as const) {
      const refused = await call(verb, path, { id }, { session: bob })
      expect(refused.body.meta).toMatchObject({ code: 403, message: notAuthorized })
    }
    expect((await call('PUT', 'acls/update', { id })).body.meta.message).toBe('Failed to authenticate user')
    const admin = await login(call, 'admin', 'pw-admin')
    const byName = await call('PUT', 'acls/update', {}, { session: admin, form: { name: 'a', su_id: ids.alice, public_read: 'true' } })
    expect(byName.body.response.acls[0]).toMatchObject({ id, public_read: true })
    const otherOwner = await call('DELETE', 'acls/delete', { id, su_id: ids.bob }, { session: admin })
    expect(otherOwner.body.meta).toMatchObject({ code: 403, message: notAuthorized })
    expect((await call('DELETE', 'acls/delete', { id, su_id: ids.bob }, { session: bob })).body.meta.code).toBe(403)
    const deleted = await call('DELETE', 'acls/delete', { id }, { session: admin })
    expect(deleted.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteAcl' } })
    expect((await call('GET', 'acls/show', { id })).body.meta.message).toBe('Invalid ACL id')
  })

  it('refuses renaming onto a taken name', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    await create(alice, { name: 'a' })
    const id = (await create(alice, { name: 'b' })).body.response.acls[0].id
    const reply = await call('PUT', 'acls/update', {}, { session: alice, form: { id, name: 'a' } })
    expect(reply.body.meta.message).toBe('Failed to update ACL: Validation failed - Name is already taken.')
  })
})

describe('acls/check, query, count', () => {
  it('answers permission by the ACL own rule: write does not imply read', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    const id = (await create(alice, { name: 'a', reader_ids: ids.bob, writer_ids: ids.carol })).body.response.acls[0].id
    const bob = await login(call, 'bob', 'pw-bob')
    const check = async (user_id: string) => (await call('GET', 'acls/check', { id, user_id }, { session: bob })).body
    expect(await check(ids.carol)).toEqual({
      meta: { code: 200, status: 'ok', method_name: 'checkAcl' },
      response: { permission: { read_permission: false, write_permission: true } },
    })
    expect((await check(ids.bob)).response.permission).toEqual({ read_permission: true, write_permission: false })
    expect((await check(ids.alice)).response.permission).toEqual({ read_permission: true, write_permission: true })
    expect((await check(ids.admin)).response.permission).toEqual({ read_permission: false, write_permission: false })
    expect((await check('some_user_id')).meta.message).toBe('Invalid user id')
    expect((await call('GET', 'acls/check', { id }, { session: bob })).body.meta.message).toBe('Invalid user id')
    expect((await call('GET', 'acls/check', { id, user_id: ids.bob })).body.meta.message).toBe('Failed to authenticate user')
  })

  it('queries the caller own ACLs (an admin: user_id), with where; counts all', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    const bob = await login(call, 'bob', 'pw-bob')
    await create(alice, { name: 'a1' })
    await create(alice, { name: 'a2', public_read: 'true' })
    await create(bob, { name: 'b1' })
    const names = (reply: { body: any }) => reply.body.response.acls.map((acl: { name: string }) => acl.name)
    const mine = await call('GET', 'acls/query', {}, { session: alice })
    expect(mine.body.meta.method_name).toBe('queryACL')
    expect(names(mine)).toEqual(['a1', 'a2'])
    expect(names(await call('GET', 'acls/query', { where: { name: 'a2' } }, { session: alice }))).toEqual(['a2'])
    expect(names(await call('GET', 'acls/query', { where: { public_read: true }, count: 'true' }, { session: alice }))).toEqual(['a2'])
    expect((await call('GET', 'acls/query', { user_id: ids.bob }, { session: alice })).body.meta).toMatchObject({ code: 403, message: notAuthorized })
    const admin = await login(call, 'admin', 'pw-admin')
    expect(names(await call('GET', 'acls/query', { user_id: ids.bob }, { session: admin }))).toEqual(['b1'])
    expect((await call('GET', 'acls/query', {})).body.meta.message).toBe('Failed to authenticate user')
    expect((await call('GET', 'acls/count', {})).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'aclsCount', count: 3 })
  })
})

describe('fixture acls', () => {
  it('seeds ACLs with users named by username', async () => {
    await server.stop()
    const fixtures = { ...fixtureS, acls: [{ name: 'friends', owner: 'alice', readers: ['bob'], writers: [], public_read: false, public_write: false }] }
    ;({ server, call } = await startServer({ fixtures }))
    const alice = await login(call, 'alice', 'pw-alice')
    const acl = (await call('GET', 'acls/show', { name: 'friends' }, { session: alice })).body.response.acls[0]
    expect(acl).toMatchObject({ user_id: ids.alice, readers: [ids.bob, ids.alice], writers: [ids.alice] })
  })

  it('names the entry of a fixture problem', async () => {
    await server.stop()
    const fixtures = { ...fixtureS, acls: [{ name: 'friends', owner: 'zed' }] }
    await expect(startServer({ fixtures })).rejects.toThrow('acls[0].owner')
    ;({ server, call } = await startServer())
  })
})

describe('ACLs on custom objects', () => {
  it('attaches by acl_name, detaches with "", and a deleted ACL falls back to the no-ACL rules', async () => {
    const alice = await login(call, 'alice', 'pw-alice')
    const bob = await login(call, 'bob', 'pw-bob')
    const acl = (await create(alice, { name: 'private' })).body.response.acls[0]
    const made = await call('POST', 'objects/cars/create', {}, { session: alice, form: { fields: { make: 'mini' }, acl_name: 'private' } })
    const car = made.body.response.cars[0]
    expect(car.acls).toEqual([acl])
    const hidden = await call('GET', 'objects/cars/show', { id: car.id }, { session: bob })
    expect(hidden.body.meta).toMatchObject({ code: 401, message: notAuthorized, method_name: 'showObjects' })
    expect((await call('GET', 'objects/cars/query', { count: 'true' }, { session: bob })).body.meta.count).toBe(0)
    expect((await call('GET', 'objects/cars/count', {})).body.meta.count).toBe(1)
    const both = await call('PUT', 'objects/cars/update', {}, { session: alice, form: { id: car.id, acl_name: 'private', acl_id: acl.id } })
    expect(both.body.meta.message).toBe('Specify acl_name or acl_id, not both')
    expect((await call('POST', 'objects/cars/create', {}, { session: bob, form: { fields: {}, acl_name: 'private' } })).body.meta.message).toBe('Invalid ACL name')
    const detached = await call('PUT', 'objects/cars/update', {}, { session: alice, form: { id: car.id, acl_id: '' } })
    expect(detached.body.response.cars[0].acls).toBeUndefined()
    await call('PUT', 'objects/cars/update', {}, { session: alice, form: { id: car.id, acl_id: acl.id } })
    expect((await call('GET', 'objects/cars/show', { id: car.id }, { session: bob })).status).toBe(401)
    await call('DELETE', 'acls/delete', { id: acl.id }, { session: alice })
    const open = await call('GET', 'objects/cars/show', { id: car.id }, { session: bob })
    expect(open.status).toBe(200)
    expect(open.body.response.cars[0].acls).toBeUndefined()
  })
})
