import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import * as example from './likes-examples.js'

/**
 * The Modules.Cloud.Likes documentation's examples (their text is in ./likes-examples.js) run
 * unchanged against a mock-cloud server holding fixture S, alice signed in; the app's
 * `someUserId` is bob.
 */

const t = useTitaniumApp({ globals: { someUserId: ids.bob } })

const bobsLikes = async (): Promise<unknown> => (await t.call('GET', 'users/show', { user_id: ids.bob })).body.response.users[0].likes_count

describe('Create a Like', () => {
  it('alerts Created! and bob has a like; a second run meets the one-like rule', async () => {
    await logIn(t.Cloud, 'alice')
    const { alerts, replies } = await t.app.run(example.createALike)
    expect(alerts).toEqual(['Created!'])
    expect(replies[0]?.likes[0]).toMatchObject({ likeable_type: 'User', likeable_id: ids.bob, user: { id: ids.alice } })
    expect(await bobsLikes()).toBe(1)
    expect((await t.app.run(example.createALike)).alerts).toEqual(['Error:\nFailed to create like: Validation failed - User has already liked this object.'])
  })

  it('without a session alerts the refusal', async () => {
    expect((await t.app.run(example.createALike)).alerts).toEqual(['Error:\nFailed to authenticate user'])
  })
})

describe('Remove a Like', () => {
  it('alerts Removed and bob’s likes_count is gone; a second run alerts that alice has not liked him', async () => {
    await logIn(t.Cloud, 'alice')
    await t.app.run(example.createALike)
    expect((await t.app.run(example.removeALike)).alerts).toEqual(['Removed'])
    expect(await bobsLikes()).toBeUndefined()
    expect((await t.app.run(example.removeALike)).alerts).toEqual(["Error:\nInvalid User id or current user hasn't liked it"])
  })
})
