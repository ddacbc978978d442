import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'
import type { Fixture } from '../../src/objects/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'

// An ACL on a user through app.request (docs/users.md "ACLs", docs/acls.md "Access to objects"):
// attached with acl_name / acl_id, stored, shown as `acls`, never enforced.

type Body = { meta: Record<string, any>; response?: Record<string, any[]> }

const friendsId = '6f0000000000000000000001'
const bobsId = '6f0000000000000000000002'
const fixture: Fixture = {
  ...fixtureS,
  acls: [
    { id: friendsId, name: 'friends', owner: 'alice', readers: ['carol'] },
    { id: bobsId, name: 'mine', owner: 'bob' },
  ],
}

async function cloudWith(options: { data?: string } = {}) {
  const cloud = await createMockCloud({ fixtures: fixture, ...options })
  const sessions = new Map<string, string>()
  async function login(username: string): Promise<string> {
    const known = sessions.get(username)
    if (known) return known
    const reply = await raw('POST', 'users/login', { login: username, password: `pw-${username}` })
    const session = reply.body.meta.session_id as string
    sessions.set(username, session)
    return session
  }
  async function raw(verb: string, path: string, params: Record<string, string>, session?: string) {
    const query = new URLSearchParams({ key: 'K', ...(session && { _session_id: session }) })
    const form = new URLSearchParams(params)
    const inQuery = verb === 'GET' || verb === 'DELETE'
    const url = `/v1/${path}.json?${query}${inQuery && form.size ? `&${form}` : ''}`
    const reply = await cloud.app.request(url, { method: verb, ...(!inQuery && { body: form }) })
    return { status: reply.status, body: (await reply.json()) as Body }
  }
  /** One call; `as` signs in as that user first. */
  async function call(verb: string, path: string, params: Record<string, string> = {}, as?: string) {
    return raw(verb, path, params, as && (await login(as)))
  }
  /** The one user of a reply. */
  async function user(verb: string, path: string, params: Record<string, string> = {}, as?: string) {
    const reply = await call(verb, path, params, as)
    expect(reply.body.meta).toMatchObject({ code: 200 })
    return reply.body.response!.users![0]
  }
  return { cloud, call, user, login }
}

const signUp = { username: 'zed', password: 'pw-zed', password_confirmation: 'pw-zed' }

describe('acl_name / acl_id on users', () => {
  it('users/create attaches an ACL by id (any) or by the caller’s name; the reply shows it as acls/show does', async () => {
    const { call, user } = await cloudWith()
    const acl = (await call('GET', 'acls/show', { id: friendsId })).body.response!.acls![0]
    const byId = await user('POST', 'users/create', { ...signUp, acl_id: friendsId.toUpperCase() })
    expect(byId.acls).toEqual([acl])
    expect(Object.keys(byId).at(-1)).toBe('acls')
    const byName = await user('POST', 'users/create', { ...signUp, username: 'yan', acl_name: 'friends' }, 'alice')
    expect(byName.acls.map((shown: { id: string }) => shown.id)).toEqual([friendsId])
    const plain = await user('POST', 'users/create', { ...signUp, username: 'xia', acl_name: '' })
    expect(plain).not.toHaveProperty('acls')
    const bySu = await user('POST', 'users/create', { ...signUp, username: 'wim', su_id: ids.bob, acl_name: 'mine' }, 'admin')
    expect(bySu.acls[0]).toMatchObject({ id: bobsId, name: 'mine', user_id: ids.bob })
  })

  it('refuses a bad ACL with the objects’ answers and stores nothing', async () => {
    const { call } = await cloudWith()
    const refusals = [
      [{ acl_name: 'friends' }, undefined, 'Invalid ACL name'],
      [{ acl_name: 'mine' }, 'alice', 'Invalid ACL name'],
      [{ acl_id: '6f00000000000000000000ff' }, undefined, 'Invalid ACL id'],
      [{ acl_id: 'friends' }, undefined, "Invalid object id: 'friends'"],
      [{ acl_name: 'friends', acl_id: friendsId }, 'alice', 'Specify acl_name or acl_id, not both'],
    ] as const
    for (const [params, as, message] of refusals) {
      const reply = await call('POST', 'users/create', { ...signUp, ...params }, as)
      expect(reply.status).toBe(400)
      expect(reply.body.meta).toMatchObject({ status: 'fail', code: 400, message, method_name: 'createUser' })
    }
    expect((await call('GET', 'users/count')).body.meta.count).toBe(fixtureS.users!.length)
    for (const [params, , message] of refusals.slice(1)) {
      const reply = await call('PUT', 'users/update', params, 'alice')
      expect(reply.body.meta).toMatchObject({ code: 400, message, method_name: 'updateUser' })
    }
    expect((await call('GET', 'users/show/me', {}, 'alice')).body.response!.users![0]).not.toHaveProperty('acls')
  })

  it('every reply that shows the user carries acls; embedded owners do not', async () => {
    const { call, user } = await cloudWith()
    const updated = await user('PUT', 'users/update', { acl_name: 'friends', first_name: 'Ali' }, 'alice')
    expect(updated).toMatchObject({ first_name: 'Ali', acls: [{ id: friendsId, name: 'friends', user: { id: ids.alice } }] })
    const acls = updated.acls
    expect(acls[0].user).not.toHaveProperty('acls')
    const replies = {
      showMe: await user('GET', 'users/show/me', {}, 'alice'),
      login: (await call('POST', 'users/login', { login: 'alice', password: 'pw-alice' })).body.response!.users![0],
      show: await user('GET', 'users/show', { user_id: ids.alice }, 'bob'),
      query: await user('GET', 'users/query', { where: JSON.stringify({ username: 'alice' }) }),
      search: await user('GET', 'users/search', { q: 'alice' }),
    }
    expect(replies.showMe.acls).toEqual(acls)
    expect(replies.login.acls).toEqual(acls)
    // The ACL's owner as the viewer may see them: no email to bob or without a session.
    const { email, ...owner } = acls[0].user
    expect(email).toBe('alice@example.com')
    const seenByOthers = [{ ...acls[0], user: owner }]
    expect(replies.show.acls).toEqual(seenByOthers)
    expect(replies.query.acls).toEqual(seenByOthers)
    expect(replies.search.acls).toEqual(seenByOthers)
    const selected = await user('GET', 'users/query', { where: JSON.stringify({ username: 'alice' }), sel: JSON.stringify({ all: ['acls'] }) })
    expect(selected).toEqual({ id: ids.alice, acls: seenByOthers })
    const bob = await user('GET', 'users/show', { user_id: ids.bob })
    expect(bob).not.toHaveProperty('acls')

    const car = await call('POST', 'objects/cars/create', { fields: '{"make":"mini"}' }, 'alice')
    expect(car.body.response!.cars![0].user).toMatchObject({ id: ids.alice })
    expect(car.body.response!.cars![0].user).not.toHaveProperty('acls')
  })

  it('users/update: absent keeps, acl_id replaces, "" detaches; an admin’s su_id names among the target’s ACLs', async () => {
    const { user } = await cloudWith()
    expect((await user('PUT', 'users/update', { acl_name: 'friends' }, 'alice')).acls[0].id).toBe(friendsId)
    expect((await user('PUT', 'users/update', { last_name: 'Jones' }, 'alice')).acls[0].id).toBe(friendsId)
    expect((await user('PUT', 'users/update', { acl_id: bobsId }, 'alice')).acls[0].id).toBe(bobsId)
    expect(await user('PUT', 'users/update', { acl_id: '' }, 'alice')).not.toHaveProperty('acls')
    expect(await user('GET', 'users/show/me', {}, 'alice')).not.toHaveProperty('acls')
    const onBob = await user('PUT', 'users/update', { su_id: ids.bob, acl_name: 'mine' }, 'admin')
    expect(onBob).toMatchObject({ id: ids.bob, acls: [{ id: bobsId, user: { email: 'bob@example.com' } }] })
  })

  it('is not enforced: a private ACL hides nothing and lets nobody else write', async () => {
    const { call, user } = await cloudWith()
    await call('PUT', 'acls/update', { id: friendsId, reader_ids: '', writer_ids: ids.bob }, 'alice')
    await user('PUT', 'users/update', { acl_id: friendsId }, 'alice')
    expect((await user('GET', 'users/show', { user_id: ids.alice })).id).toBe(ids.alice)
    expect((await user('GET', 'users/show', { user_id: ids.alice }, 'dave')).acls[0].readers).toEqual([ids.alice])
    expect((await call('GET', 'users/query', {}, 'dave')).body.response!.users).toHaveLength(fixtureS.users!.length)
    const write = await call('PUT', 'users/update', { su_id: ids.alice, first_name: 'X' }, 'bob')
    expect(write.body.meta).toMatchObject({ code: 403, message: 'You are not authorized to perform this action.' })
  })

  it('a deleted ACL disappears from the user’s replies', async () => {
    const { call, user } = await cloudWith()
    expect((await user('PUT', 'users/update', { acl_name: 'friends' }, 'alice')).acls[0].id).toBe(friendsId)
    expect((await call('DELETE', 'acls/delete', { id: friendsId }, 'alice')).status).toBe(200)
    expect(await user('GET', 'users/show/me', {}, 'alice')).not.toHaveProperty('acls')
    expect(await user('GET', 'users/show', { user_id: ids.alice })).not.toHaveProperty('acls')
  })

  it('users/external_account_login: a new user takes acl_id (no acl_name of theirs yet); a returning one its own name or ""', async () => {
    const { call, user } = await cloudWith()
    const account = { id: 'fb-1', type: 'facebook', token: 't' }
    const named = await call('POST', 'users/external_account_login', { ...account, acl_name: 'friends' })
    expect(named.body.meta).toMatchObject({ code: 400, message: 'Invalid ACL name', method_name: 'externalAccountLogin' })
    expect((await call('GET', 'users/count')).body.meta.count).toBe(fixtureS.users!.length)
    const made = await user('POST', 'users/external_account_login', { ...account, acl_id: bobsId })
    expect(made.acls[0].id).toBe(bobsId)
    expect((await user('POST', 'users/external_account_login', account)).acls[0].id).toBe(bobsId)
    const cleared = await call('POST', 'users/external_account_login', { ...account, acl_id: '' })
    expect(cleared.body.response!.users![0]).not.toHaveProperty('acls')

    await user('POST', 'users/external_account_link', { id: 'tw-1', type: 'twitter' }, 'alice')
    await user('PUT', 'users/update', { acl_name: 'friends' }, 'alice')
    const back = await user('POST', 'users/external_account_login', { id: 'tw-1', type: 'twitter', acl_name: 'friends' })
    expect(back).toMatchObject({ id: ids.alice, acls: [{ id: friendsId }] })
    const unlinked = await user('DELETE', 'users/external_account_unlink', { id: 'tw-1', type: 'twitter' }, 'alice')
    expect(unlinked.acls[0].id).toBe(friendsId)
  })

  it('acl_id is kept in the data file and read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-cloud-user-acl-'))
    try {
      const file = join(dir, 'db.json')
      const first = await cloudWith({ data: file })
      await first.user('PUT', 'users/update', { acl_name: 'friends' }, 'alice')
      await first.cloud.close()
      const stored = JSON.parse(readFileSync(file, 'utf8'))
      expect(stored.apps.K.collections.users.find((record: { id: string }) => record.id === ids.alice).acl_id).toBe(friendsId)
      const second = await cloudWith({ data: file })
      expect((await second.user('GET', 'users/show', { user_id: ids.alice })).acls[0].id).toBe(friendsId)
      await second.cloud.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
