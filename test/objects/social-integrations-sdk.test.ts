import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { fixtureS, ids } from '../support/fixture-s.js'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { ok, refused, signedInSdk } from '../support/arrowdb-calls.js'

/**
 * Facebook friends end to end over real HTTP: the `arrowdb` SDK (1.0.12 sends search_friends to
 * `users/facebook/search_friends`) and the Node `Cloud` (ti.cloud sends it to
 * `social/facebook/search_friends`), each after linking Facebook accounts, friends from the
 * fixture's graph.
 */

const server = serverForFile({ fixtures: { ...fixtureS, facebook_friends: [['fb-alice', 'fb-bob']] } })

describe('SocialIntegrations over real HTTP', () => {
  it('the arrowdb SDK: link, then searchFacebookFriends finds the friend; unlinked, it is refused', async () => {
    const [alice, bob] = [await signedInSdk(server().url, 'alice'), await signedInSdk(server().url, 'bob')]
    expect((await refused(alice, 'socialIntegrationsSearchFacebookFriends')).reason).toBe('Facebook account is not linked to the current user.')
    await ok(alice, 'socialIntegrationsExternalAccountLink', { type: 'facebook', id: 'fb-alice', token: 't1' })
    await ok(bob, 'socialIntegrationsExternalAccountLink', { type: 'facebook', id: 'fb-bob', token: 't2' })
    const found = (await ok(alice, 'socialIntegrationsSearchFacebookFriends')).body
    expect(found.meta.method_name).toBe('searchFacebookFriends')
    expect(found.response.users.map((user: { id: string }) => user.id)).toEqual([ids.bob])
  })

  it('Cloud.SocialIntegrations: link, then searchFacebookFriends (no data) finds the friend', async () => {
    const clouds = { alice: createCloud({ url: server().url, key: 'TESTKEY' }), bob: createCloud({ url: server().url, key: 'TESTKEY' }) }
    for (const [name, cloud] of Object.entries(clouds)) {
      await outcome((cb) => cloud.Users.login({ login: name, password: `pw-${name}` }, cb))
      expect((await outcome((cb) => cloud.SocialIntegrations.externalAccountLink({ type: 'facebook', id: `fb-${name}`, token: 't' }, cb))).success).toBe(true)
    }
    const found = await outcome((cb) => clouds.bob.SocialIntegrations.searchFacebookFriends(cb))
    expect(found).toMatchObject({ success: true, users: [{ id: ids.alice, username: 'alice' }] })
  })
})
