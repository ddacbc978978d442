import { describe, expect, it } from 'vitest'
import { fixtureS, ids } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import { outcome } from '../support/titanium.js'
import * as example from './social-integrations-examples.js'

/**
 * The Modules.Cloud.SocialIntegrations documentation's Facebook friends example (its text is in
 * ./social-integrations-examples.js) run unchanged against a mock-cloud server holding fixture S and
 * a friend graph where alice's and bob's Facebook accounts are friends (docs/social-integrations.md).
 */

const t = useTitaniumApp({ server: { fixtures: { ...fixtureS, facebook_friends: [['fb-alice', 'fb-bob']] } } })

/** Signs `login` in on the app's Cloud and links the Facebook account `fb-<login>`. */
async function linked(login: string): Promise<void> {
  await logIn(t.Cloud, login)
  expect((await outcome((cb) => t.Cloud.SocialIntegrations.externalAccountLink({ type: 'facebook', id: `fb-${login}`, token: 't' }, cb))).success).toBe(true)
}

describe('Search for Facebook Friends', () => {
  it('alerts the count, then each friend’s id and names', async () => {
    await linked('bob')
    await linked('alice')
    const { alerts, replies } = await t.app.run(example.searchForFacebookFriends)
    expect(alerts).toEqual(['Success:\nCount: 1', `id: ${ids.bob}\nfirst name: undefined\nlast name: undefined`])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'searchFacebookFriends' } })
  })

  it('alerts Count: 0 when no friend uses the app, and the error for a user with no Facebook account', async () => {
    await linked('alice')
    expect((await t.app.run(example.searchForFacebookFriends)).alerts).toEqual(['Success:\nCount: 0'])
    await logIn(t.Cloud, 'carol')
    expect((await t.app.run(example.searchForFacebookFriends)).alerts).toEqual(['Error:\nFacebook account is not linked to the current user.'])
  })
})
