import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { inProcessCall, okBody, refusal } from '../support/in-process-call.js'
import { sessionOf } from '../support/in-process-login.js'

/** Friends through app.request(): one test per rule of docs/friends.md. */

let cloud: MockCloud
let alice: string
let bob: string
let carol: string
let admin: string

const call = (verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) => inProcessCall(cloud, verb, `friends/${method}`, params, sessionId)
const ok = okBody
const failure = refusal

/** The usernames friends/query lists for the session (with more parameters), or undefined when `response` has no `users`. */
async function friendsOf(sessionId: string, params: Record<string, string> = {}): Promise<string[] | undefined> {
  const body = await ok(call('GET', 'query', params, sessionId))
  return body.response.users?.map((user: { username: string }) => user.username)
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  ;[alice, bob, carol, admin] = (await Promise.all(['alice', 'bob', 'carol', 'admin'].map((name) => sessionOf(cloud, name)))) as [string, string, string, string]
})

describe('two-way (the default): requests, approval, friends on both sides', () => {
  it('add makes a pending request the other user sees in friend_requests; neither lists the other yet', async () => {
    expect(await ok(call('POST', 'add', { user_ids: ids.bob }, alice))).toEqual({ meta: { code: 200, status: 'ok', method_name: 'addFriends' } })
    const requests = await ok(call('GET', 'requests', {}, bob))
    expect(requests.meta.method_name).toBe('friendRequests')
    expect(requests.response.friend_requests).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        user_id: ids.alice,
        user: expect.objectContaining({ id: ids.alice, username: 'alice' }),
        created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
        updated_at: expect.any(String),
      },
    ])
    // Another user's email stays hidden in the embedded user.
    expect(requests.response.friend_requests[0].user.email).toBeUndefined()
    expect((await ok(call('GET', 'requests', {}, alice))).response).toEqual({ friend_requests: [] })
    const outgoing = await ok(call('GET', 'requests', { requests_to: 'true' }, alice))
    expect(outgoing.response.friend_requests.map((request: any) => [request.user_id, request.user.username])).toEqual([[ids.bob, 'bob']])
    expect(await friendsOf(alice)).toBeUndefined()
    expect(await friendsOf(bob)).toBeUndefined()
  })

  it('approve makes each the other’s friend; the request is gone; remove drops both sides and leaves response {}', async () => {
    await ok(call('POST', 'add', { user_ids: ids.bob }, alice))
    expect((await ok(call('PUT', 'approve', { user_ids: ids.alice }, bob))).meta.method_name).toBe('approveFriends')
    expect((await ok(call('GET', 'requests', {}, bob))).response.friend_requests).toEqual([])
    const listed = await ok(call('GET', 'query', {}, alice))
    expect(listed.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryFriends' })
    expect(listed.response.users).toEqual([expect.objectContaining({ id: ids.bob, username: 'bob' })])
    expect(await friendsOf(bob)).toEqual(['alice'])
    expect((await ok(call('DELETE', 'remove', { user_ids: ids.alice }, bob))).meta.method_name).toBe('removeFriends')
    expect((await ok(call('GET', 'query', {}, alice))).response).toEqual({})
    expect(await friendsOf(bob)).toBeUndefined()
  })

  it('approve answers POST too, takes a JSON array, and is all or nothing', async () => {
    await ok(call('POST', 'add', { user_ids: ids.bob }, alice))
    await ok(call('POST', 'add', { user_ids: ids.bob }, carol))
    expect(await failure(call('POST', 'approve', { user_ids: `${ids.alice},${ids.dave}` }, bob))).toEqual({ status: 400, message: 'Invalid friend request', method_name: 'approveFriends' })
    expect(await friendsOf(bob)).toBeUndefined()
    await ok(call('POST', 'approve', { user_ids: JSON.stringify([ids.carol, ids.alice]) }, bob))
    // Friendships listed in the order they were made: carol's approved first.
    expect(await friendsOf(bob)).toEqual(['carol', 'alice'])
  })

  it('approval_required=false makes the friendship at once; adding again changes nothing', async () => {
    await ok(call('POST', 'add', { user_ids: `${ids.bob},${ids.carol}`, approval_required: 'false' }, alice))
    expect(await friendsOf(alice)).toEqual(['bob', 'carol'])
    expect(await friendsOf(carol)).toEqual(['alice'])
    await ok(call('POST', 'add', { user_ids: ids.bob }, alice))
    await ok(call('POST', 'add', { user_ids: ids.alice }, bob))
    expect((await ok(call('GET', 'requests', {}, bob))).response.friend_requests).toEqual([])
    expect((await ok(call('GET', 'requests', {}, alice))).response.friend_requests).toEqual([])
    expect(await friendsOf(alice)).toEqual(['bob', 'carol'])
  })

  it('approval_required=false accepts the caller’s own pending request', async () => {
    await ok(call('POST', 'add', { user_ids: ids.bob }, alice))
    await ok(call('POST', 'add', { user_ids: ids.bob, approval_required: '0' }, alice))
    expect(await friendsOf(bob)).toEqual(['alice'])
    expect((await ok(call('GET', 'requests', {}, bob))).response.friend_requests).toEqual([])
  })
})

describe('friends/query', () => {
  beforeEach(async () => {
    // carol first, then bob, then dave: the order friendships were made.
    await ok(call('POST', 'add', { user_ids: ids.carol, approval_required: 'false' }, alice))
    await ok(call('POST', 'add', { user_ids: ids.bob }, alice))
    await ok(call('POST', 'add', { user_ids: ids.dave, approval_required: 'false' }, alice))
    await ok(call('PUT', 'approve', { user_ids: ids.alice }, bob))
  })

  it('lists friends oldest friendship first, as a users query: where, order, sel, limit, skip, count', async () => {
    expect(await friendsOf(alice)).toEqual(['carol', 'dave', 'bob'])
    expect(await friendsOf(alice, { order: 'username' })).toEqual(['bob', 'carol', 'dave'])
    expect(await friendsOf(alice, { where: JSON.stringify({ color: 'blue' }) })).toEqual(['bob'])
    expect(await friendsOf(alice, { where: JSON.stringify({ username: 'alice' }) })).toEqual([])
    const page = await ok(call('GET', 'query', { limit: '1', skip: '1', count: 'true' }, alice))
    expect(page.response.users.map((user: any) => user.username)).toEqual(['dave'])
    expect(page.meta.count).toBe(3)
    const selected = await ok(call('GET', 'query', { sel: JSON.stringify({ all: ['username'] }), limit: '1' }, alice))
    expect(selected.response.users).toEqual([{ id: ids.carol, username: 'carol' }])
    expect((await failure(call('GET', 'query', { where: 'not json' }, alice))).status).toBe(400)
  })

  it('su_id: an admin reads another user’s friends; a user naming someone else is refused', async () => {
    expect(await friendsOf(admin, { su_id: ids.bob })).toEqual(['alice'])
    expect(await friendsOf(bob, { su_id: ids.bob })).toEqual(['alice'])
    expect(await failure(call('GET', 'query', { su_id: ids.alice }, bob))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'queryFriends' })
  })

  it('a deleted user’s friendships and requests are gone for everyone', async () => {
    await ok(call('POST', 'add', { user_ids: ids.bob }, carol))
    const reply = await cloud.app.request(`/v1/users/delete.json?key=K&_session_id=${carol}`, { method: 'DELETE' })
    expect(reply.status).toBe(200)
    expect(await friendsOf(alice)).toEqual(['dave', 'bob'])
    expect((await ok(call('GET', 'requests', {}, bob))).response.friend_requests).toEqual([])
  })
})

describe('friends/search (deprecated)', () => {
  it('lists the friends of user_id (the caller’s own id, as ti.cloud sends it) with the search meta; q narrows; none is users: []', async () => {
    expect((await ok(call('GET', 'search', { user_id: ids.alice }, alice))).response).toEqual({ users: [] })
    await ok(call('POST', 'add', { user_ids: `${ids.bob},${ids.carol}`, approval_required: 'false' }, alice))
    const found = await ok(call('GET', 'search', { user_id: ids.alice }, alice))
    expect(found.meta).toEqual({ code: 200, status: 'ok', method_name: 'searchFriends', page: 1, per_page: 10, total_pages: 1, total_results: 2 })
    expect(found.response.users.map((user: any) => user.username)).toEqual(['bob', 'carol'])
    const named = await ok(call('GET', 'search', { q: 'carol' }, alice))
    expect(named.response.users.map((user: any) => user.username)).toEqual(['carol'])
    const paged = await ok(call('GET', 'search', { per_page: '1', page: '2' }, alice))
    expect(paged.response.users.map((user: any) => user.username)).toEqual(['carol'])
    expect((await ok(call('GET', 'search', { user_id: ids.alice }, admin))).response.users).toHaveLength(2)
  })

  it('refuses another user’s user_id for a non-admin, and answers 410 when legacySearch is false', async () => {
    expect(await failure(call('GET', 'search', { user_id: ids.alice }, bob))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'searchFriends' })
    await cloud.setSettings('K', { legacySearch: false })
    expect(await failure(call('GET', 'search', {}, alice))).toEqual({ status: 410, message: 'search.json has been deprecated. Please use $text query', method_name: 'searchFriends' })
  })
})

describe('one-way (friendsMode one-way): following', () => {
  beforeEach(() => cloud.setSettings('K', { friendsMode: 'one-way' }))

  it('an approved request makes the requester follow the other user, who lists them with followers=true', async () => {
    await ok(call('POST', 'add', { user_ids: ids.bob }, alice))
    expect((await ok(call('GET', 'requests', {}, bob))).response.friend_requests.map((r: any) => r.user_id)).toEqual([ids.alice])
    await ok(call('PUT', 'approve', { user_ids: ids.alice }, bob))
    expect(await friendsOf(alice)).toEqual(['bob'])
    expect(await friendsOf(bob)).toBeUndefined()
    expect(await friendsOf(bob, { followers: 'true' })).toEqual(['alice'])
    expect(await friendsOf(alice, { followers: 'true' })).toBeUndefined()
    const followers = await ok(call('GET', 'search', { followers: 'true' }, bob))
    expect(followers.response.users.map((user: any) => user.username)).toEqual(['alice'])
  })

  it('approval_required=false follows at once; remove by either side ends the follow', async () => {
    await ok(call('POST', 'add', { user_ids: ids.bob, approval_required: 'false' }, alice))
    await ok(call('POST', 'add', { user_ids: ids.bob, approval_required: 'false' }, carol))
    expect(await friendsOf(bob, { followers: 'true' })).toEqual(['alice', 'carol'])
    await ok(call('DELETE', 'remove', { user_ids: ids.alice }, bob))
    await ok(call('DELETE', 'remove', { user_ids: ids.bob }, carol))
    expect(await friendsOf(bob, { followers: 'true' })).toBeUndefined()
    expect(await friendsOf(alice)).toBeUndefined()
  })
})

describe('refusals', () => {
  it('every endpoint needs a session: 400 Failed to authenticate user', async () => {
    for (const [verb, method] of [['POST', 'add'], ['GET', 'requests'], ['PUT', 'approve'], ['DELETE', 'remove'], ['GET', 'query'], ['GET', 'search']] as const) {
      expect((await failure(call(verb, method, { user_ids: ids.bob }))).message, method).toBe('Failed to authenticate user')
    }
  })

  it('user_ids: required, each a stored user (the whole call refused), never the caller', async () => {
    expect(await failure(call('POST', 'add', {}, alice))).toEqual({ status: 400, message: 'Required field: user_ids', method_name: 'addFriends' })
    expect(await failure(call('POST', 'add', { user_ids: `${ids.bob},not-an-id` }, alice))).toEqual({ status: 400, message: 'Invalid user id', method_name: 'addFriends' })
    expect((await failure(call('POST', 'add', { user_ids: `${ids.bob},5f00000000000000000000ff` }, alice))).message).toBe('Invalid user id')
    expect((await failure(call('DELETE', 'remove', { user_ids: 'x' }, alice))).message).toBe('Invalid user id')
    expect((await failure(call('PUT', 'approve', { user_ids: 'x' }, alice))).message).toBe('Invalid user id')
    expect(await failure(call('POST', 'add', { user_ids: `${ids.bob},${ids.alice}` }, alice))).toEqual({
      status: 400,
      message: 'Failed to add friends: Validation failed - You cannot add yourself as a friend.',
      method_name: 'addFriends',
    })
    expect((await ok(call('GET', 'requests', {}, bob))).response.friend_requests).toEqual([])
  })

  it('remove of a user who is not a friend is no error', async () => {
    await ok(call('DELETE', 'remove', { user_ids: ids.bob }, alice))
  })
})

describe('fixtures and data', () => {
  it('a fixture’s friends are friendships (or, pending, requests) from the start, and come back on reset', async () => {
    cloud = await createMockCloud({
      fixtures: { ...fixtureS, friends: [{ user: 'alice', friend: 'bob' }, { user: 'carol', friend: 'alice', pending: true }] },
    })
    ;[alice, bob] = await Promise.all([sessionOf(cloud, 'alice'), sessionOf(cloud, 'bob')])
    expect(await friendsOf(bob)).toEqual(['alice'])
    expect((await ok(call('GET', 'requests', {}, alice))).response.friend_requests.map((r: any) => r.user.username)).toEqual(['carol'])
    await ok(call('DELETE', 'remove', { user_ids: ids.bob }, alice))
    await cloud.reset('K')
    alice = await sessionOf(cloud, 'alice')
    expect(await friendsOf(alice)).toEqual(['bob'])
  })

  it('a fixture entry naming no user, the same user twice or a pair twice stops the start, naming it', async () => {
    const start = (friends: unknown) => createMockCloud({ fixtures: { ...fixtureS, friends: friends as never } })
    await expect(start([{ user: 'alice', friend: 'zed' }])).rejects.toThrow(/friends\[0\]\.friend.*zed/)
    await expect(start([{ user: 'alice', friend: 'alice' }])).rejects.toThrow(/friends\[0\]\.friend: must be another user/)
    await expect(start([{ user: 'alice', friend: 'bob' }, { user: 'bob', friend: 'alice' }])).rejects.toThrow(/friends\[1\]\.friend: "bob" and "alice" are already listed/)
    await expect(start([{ user: 'alice', friend: 'bob', best: true }])).rejects.toThrow(/friends\[0\]\.best: is not a friendship field/)
  })

  it('an import refuses a malformed friendship', async () => {
    const data = JSON.parse(JSON.stringify(cloud.exportData('K')))
    data.collections.friendships = [{ id: '5f00000000000000000000aa', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', user_id: ids.alice, friend_id: ids.bob }]
    await expect(cloud.importData(data, 'K')).rejects.toThrow(/approved/)
  })
})
