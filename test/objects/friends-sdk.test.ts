import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { ok, sdk, signedInSdk } from '../support/arrowdb-calls.js'

/**
 * Friends end to end over real HTTP, as the clients' own suites drive them: the `arrowdb` SDK
 * (1.0.12: add, requests, approve, query, remove and its alias delete) and the Node `Cloud`
 * (ti.cloud's anvil suite: add, requests read by `friend_requests[0].user.username`, approve).
 */

const server = serverForFile()

const signedIn = (login: string): Promise<ArrowDB> => signedInSdk(server().url, login)

describe('Friends over real HTTP', () => {
  it('the arrowdb SDK: add → requests → approve → query on both sides → remove leaves no users key', async () => {
    const [alice, bob] = [await signedIn('alice'), await signedIn('bob')]
    expect((await ok(alice, 'friendsAdd', { user_ids: ids.bob })).body.meta.method_name).toBe('addFriends')
    const requests = (await ok(bob, 'friendsRequests')).body.response.friend_requests
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ user_id: ids.alice, user: { id: ids.alice, username: 'alice' } })
    expect((await ok(bob, 'friendsApprove', { user_ids: ids.alice })).body.meta.method_name).toBe('approveFriends')
    const friends = (await ok(alice, 'friendsQuery', { limit: 100 })).body
    expect(friends.meta.method_name).toBe('queryFriends')
    expect(friends.response.users.map((user: { id: string; username: string }) => [user.id, user.username])).toEqual([[ids.bob, 'bob']])
    expect((await ok(bob, 'friendsQuery', { limit: 100 })).body.response.users[0].id).toBe(ids.alice)
    expect((await ok(alice, 'friendsRemove', { user_ids: ids.bob })).body.meta.method_name).toBe('removeFriends')
    const after = (await ok(alice, 'friendsQuery', { limit: 100 })).body.response
    expect(after).toEqual({})
    expect(after.users).toBeUndefined()
  })

  it('the arrowdb SDK: friendsDelete removes too; add of oneself and add without a session fail with 400', async () => {
    const alice = await signedIn('alice')
    await ok(alice, 'friendsAdd', { user_ids: ids.carol, approval_required: false })
    expect((await ok(alice, 'friendsQuery')).body.response.users.map((user: { username: string }) => user.username)).toEqual(['carol'])
    expect((await ok(alice, 'friendsDelete', { user_ids: ids.carol })).body.meta.method_name).toBe('removeFriends')
    expect((await ok(alice, 'friendsQuery')).body.response).toEqual({})
    const self = await sdk(alice, 'friendsAdd', { user_ids: ids.alice })
    expect(self.err?.statusCode).toBe(400)
    expect(self.err?.reason).toBe('Failed to add friends: Validation failed - You cannot add yourself as a friend.')
    const nobody = await sdk(new ArrowDB('TESTKEY', { apiEntryPoint: server().url }), 'friendsRequests')
    expect([nobody.err?.statusCode, nobody.err?.reason]).toEqual([400, 'Failed to authenticate user'])
  })

  it('Cloud.Friends as ti.cloud’s suite calls it: add, then the other user’s requests and approve', async () => {
    const alice = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => alice.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
    const found = await outcome((cb) => alice.Users.search({ q: 'bob' }, cb))
    expect((await outcome((cb) => alice.Friends.add({ user_ids: found.users[0].id }, cb))).success).toBe(true)
    const bob = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => bob.Users.login({ login: 'bob', password: 'pw-bob' }, cb))
    const requests = await outcome((cb) => bob.Friends.requests(cb))
    expect(requests.success).toBe(true)
    expect(requests.friend_requests).toHaveLength(1)
    expect(requests.friend_requests[0].user.username).toBe('alice')
    expect((await outcome((cb) => bob.Friends.approve({ user_ids: requests.friend_requests[0].user.id }, cb))).success).toBe(true)
    expect((await outcome((cb) => bob.Friends.requests(cb))).friend_requests).toEqual([])
    expect((await outcome((cb) => alice.Friends.remove({ user_ids: ids.bob }, cb))).success).toBe(true)
  })
})
