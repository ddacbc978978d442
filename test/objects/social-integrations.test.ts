import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { inProcessCall, okBody, refusal } from '../support/in-process-call.js'
import { sessionOf } from '../support/in-process-login.js'

/** SocialIntegrations' search_friends through app.request(): one test per rule of docs/social-integrations.md. */

let cloud: MockCloud
const sessions: Record<string, string> = {}

const GRAPH: [string, string][] = [['fb-alice', 'fb-bob'], ['fb-carol', 'fb-alice'], ['fb-bob', 'fb-dave']]
const PATHS = ['social/facebook/search_friends', 'users/facebook/search_friends']

/** Links a Facebook account with this id to the user, as users/external_account_link does. */
async function linkFacebook(username: string, facebookId: string): Promise<void> {
  await okBody(inProcessCall(cloud, 'POST', 'users/external_account_link', { type: 'facebook', id: facebookId, token: `token-of-${facebookId}` }, sessions[username]))
}

/** The usernames search_friends at `path` answers the user. */
async function friendsOf(username: string, path = PATHS[0]!): Promise<string[]> {
  const body = await okBody(inProcessCall(cloud, 'GET', path, {}, sessions[username]))
  expect(body.meta.method_name).toBe('searchFacebookFriends')
  return body.response.users.map((user: { username: string }) => user.username)
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: { ...fixtureS, facebook_friends: GRAPH } })
  for (const name of ['alice', 'bob', 'carol', 'dave']) sessions[name] = await sessionOf(cloud, name)
})

describe('search_friends', () => {
  it('finds the app’s users whose linked Facebook account is a friend in the graph, in creation order, on both paths', async () => {
    await linkFacebook('carol', 'fb-carol')
    await linkFacebook('alice', 'fb-alice')
    await linkFacebook('bob', 'fb-bob')
    for (const path of PATHS) expect(await friendsOf('alice', path), path).toEqual(['bob', 'carol'])
    expect(await friendsOf('bob')).toEqual(['alice'])
    const reply = await okBody(inProcessCall(cloud, 'GET', PATHS[1]!, {}, sessions.alice))
    expect(reply.response.users[0]).toMatchObject({ id: ids.bob, username: 'bob' })
    // Another user's email is not shown.
    expect(reply.response.users[0].email).toBeUndefined()
  })

  it('answers users: [] when no friend uses the app (dave’s friend bob has no linked account)', async () => {
    await linkFacebook('dave', 'fb-dave')
    expect(await friendsOf('dave')).toEqual([])
  })

  it('refuses a caller with no linked Facebook account, and a call without a session, on both paths', async () => {
    for (const path of PATHS) {
      expect(await refusal(inProcessCall(cloud, 'GET', path, {}, sessions.dave))).toEqual({ status: 400, message: 'Facebook account is not linked to the current user.', method_name: 'searchFacebookFriends' })
      expect(await refusal(inProcessCall(cloud, 'GET', path))).toEqual({ status: 400, message: 'Failed to authenticate user', method_name: 'searchFacebookFriends' })
    }
  })

  it('an empty graph (no facebook_friends in the fixture) finds nobody', async () => {
    cloud = await createMockCloud({ fixtures: fixtureS })
    sessions.alice = await sessionOf(cloud, 'alice')
    sessions.bob = await sessionOf(cloud, 'bob')
    await linkFacebook('alice', 'fb-alice')
    await linkFacebook('bob', 'fb-bob')
    expect(await friendsOf('alice')).toEqual([])
  })
})

describe('the friend graph in fixtures', () => {
  it('refuses an entry that is not a pair of two ids, or a pair given twice, naming it', async () => {
    const start = (graph: unknown) => createMockCloud({ fixtures: { ...fixtureS, facebook_friends: graph as never } })
    await expect(start([['fb-a']])).rejects.toThrow(/facebook_friends\[0\].*pair of Facebook user ids/)
    await expect(start([['fb-a', 'fb-a']])).rejects.toThrow(/facebook_friends\[0\].*two different/)
    await expect(start([['fb-a', 'fb-b'], ['fb-b', 'fb-a']])).rejects.toThrow(/facebook_friends\[1\].*already listed/)
    await expect(start({ a: 'b' })).rejects.toThrow(/facebook_friends/)
  })
})
