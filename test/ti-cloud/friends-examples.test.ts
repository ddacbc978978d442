import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import * as example from './friends-examples.js'

/**
 * The Modules.Cloud.Friends documentation's examples (their text is in ./friends-examples.js) run
 * unchanged against a mock-cloud server holding fixture S. The app's global `checked` holds the
 * ids ticked in its list: bob's for alice's add and remove, alice's for bob's approval; `searchID`
 * is bob's (the signed-in user's own, as ti.cloud's suite searches). Each test
 * checks the alerts and what the server holds afterwards (docs/friends.md).
 */

const NO_SESSION = 'Error:\nFailed to authenticate user'

const checked: string[] = []
const t = useTitaniumApp({ globals: { checked, searchID: ids.bob } })

/** The usernames of `login`'s friends, asked over HTTP with a session of their own. */
async function friendsOf(login: string): Promise<string[]> {
  const session = (await t.call('POST', 'users/login', { login, password: `pw-${login}` })).body.meta.session_id as string
  const reply = await t.call('GET', 'friends/query', { _session_id: session })
  return (reply.body.response.users ?? []).map((user: { username: string }) => user.username)
}

/** Alice asks bob, then bob is the one signed in. */
async function aliceAskedBob(): Promise<void> {
  checked.splice(0, checked.length, ids.bob)
  await logIn(t.Cloud, 'alice')
  expect((await t.app.run(example.addAFriend)).alerts).toEqual(['Friend(s) added'])
  await logIn(t.Cloud, 'bob')
}

describe('Add a friend', () => {
  it('alerts Friend(s) added; the users ticked get a request', async () => {
    await aliceAskedBob()
    const requests = await t.call('GET', 'friends/requests', { _session_id: (await t.call('POST', 'users/login', { login: 'bob', password: 'pw-bob' })).body.meta.session_id })
    expect(requests.body.response.friend_requests.map((request: { user_id: string }) => request.user_id)).toEqual([ids.alice])
  })

  it('needs a session', async () => {
    checked.splice(0, checked.length, ids.bob)
    expect((await t.app.run(example.addAFriend)).alerts).toEqual([NO_SESSION])
  })
})

describe('Show friend requests', () => {
  it('alerts the count, then each requester’s id and names', async () => {
    await aliceAskedBob()
    const { alerts, replies } = await t.app.run(example.showFriendRequests)
    expect(alerts).toEqual(['Success:\nCount: 1', `id: ${ids.alice}\nfirst name: Alice\nlast name: Smith`])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'friendRequests' } })
  })

  it('alerts Count: 0 when nobody asked', async () => {
    await logIn(t.Cloud, 'bob')
    expect((await t.app.run(example.showFriendRequests)).alerts).toEqual(['Success:\nCount: 0'])
  })
})

describe('Approve friend requests', () => {
  it('alerts Friend(s) approved; both are friends', async () => {
    await aliceAskedBob()
    checked.splice(0, checked.length, ids.alice)
    expect((await t.app.run(example.approveFriendRequests)).alerts).toEqual(['Friend(s) approved'])
    expect(await friendsOf('alice')).toEqual(['bob'])
    expect(await friendsOf('bob')).toEqual(['alice'])
  })

  it('alerts the error for a user who asked nothing', async () => {
    await logIn(t.Cloud, 'bob')
    checked.splice(0, checked.length, ids.carol)
    expect((await t.app.run(example.approveFriendRequests)).alerts).toEqual(['Error:\nInvalid friend request'])
  })
})

describe('Remove friends', () => {
  it('alerts Friend(s) removed; neither lists the other any more', async () => {
    await aliceAskedBob()
    checked.splice(0, checked.length, ids.alice)
    await t.app.run(example.approveFriendRequests)
    expect((await t.app.run(example.removeFriends)).alerts).toEqual(['Friend(s) removed'])
    expect(await friendsOf('alice')).toEqual([])
    expect(await friendsOf('bob')).toEqual([])
  })
})

describe('Search for friends', () => {
  it('alerts the count, then each friend’s id and names', async () => {
    await aliceAskedBob()
    checked.splice(0, checked.length, ids.alice)
    await t.app.run(example.approveFriendRequests)
    const { alerts, replies } = await t.app.run(example.searchForFriends)
    expect(alerts).toEqual(['Success:\nCount: 1', `id: ${ids.alice}\nfirst name: Alice\nlast name: Smith`])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'searchFriends', total_results: 1 } })
  })

  it('alerts Count: 0 without friends, and the refusal for another user’s list', async () => {
    await logIn(t.Cloud, 'bob')
    expect((await t.app.run(example.searchForFriends)).alerts).toEqual(['Success:\nCount: 0'])
    await logIn(t.Cloud, 'carol')
    expect((await t.app.run(example.searchForFriends)).alerts).toEqual(['Error:\nYou are not authorized to perform this action.'])
  })
})
