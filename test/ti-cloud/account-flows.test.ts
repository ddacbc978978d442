import { createCloud, type Cloud } from 'mock-cloud/ti-cloud'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer } from '../support/client.js'
import { ids } from '../support/fixture-s.js'
import { outcome } from '../support/titanium.js'

/**
 * The Cloud calls for account flows and external accounts (docs/users.md "Account flows") against a
 * running mock-cloud with fixture S: Users.resendConfirmation, the reset-password flow finished
 * with sendRequest, SocialIntegrations.externalAccountLogin/Link/Unlink, and a photo upload.
 */

const NO_SESSION = 'You need to sign in or sign up before continuing.'

let server: RunningMockCloud
let Cloud: Cloud

beforeAll(async () => {
  ;({ server } = await startServer())
})
afterAll(() => server.stop())
beforeEach(async () => {
  await server.reset()
  Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
})

describe('emails', () => {
  it('resendConfirmation puts a confirmation mail for that address in the outbox', async () => {
    const e = await outcome((cb) => Cloud.Users.resendConfirmation({ email: 'bob@example.com' }, cb))
    expect(e).toEqual({ success: true, error: false, meta: { code: 200, status: 'ok', method_name: 'resendConfirmation' } })
    expect(server.outbox('TESTKEY')).toEqual([expect.objectContaining({ kind: 'confirmation', to: 'bob@example.com', user_id: ids.bob })])
  })

  it('resendConfirmation for an unknown address: 404', async () => {
    const e = await outcome((cb) => Cloud.Users.resendConfirmation({ email: 'nobody@example.com' }, cb))
    expect(e).toEqual({ success: false, error: true, code: 404, message: 'No user found with this email address.' })
  })

  it('requestResetPassword, then reset_password with the mailed token: the new password logs in', async () => {
    expect((await outcome((cb) => Cloud.Users.requestResetPassword({ email: 'alice@example.com' }, cb))).success).toBe(true)
    const [mail] = server.outbox('TESTKEY')
    expect(mail).toMatchObject({ kind: 'reset_password', to: 'alice@example.com' })
    const reset = await outcome((cb) =>
      Cloud.sendRequest(
        {
          url: 'users/reset_password.json',
          method: 'GET',
          data: { reset_password_token: mail?.token, password: 'new-pass', password_confirmation: 'new-pass' },
        },
        cb,
      ),
    )
    expect(reset.success).toBe(true)
    const login = await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'new-pass' }, cb))
    expect(login.users[0].id).toBe(ids.alice)
  })
})

describe('SocialIntegrations', () => {
  const fb = { id: 'fb-1001', type: 'facebook', token: 'tok-a' }

  it('externalAccountLogin makes a user on first use and logs in; the next login finds the same user', async () => {
    const first = await outcome((cb) => Cloud.SocialIntegrations.externalAccountLogin({ ...fb }, cb))
    expect(first.meta).toMatchObject({ method_name: 'externalAccountLogin', session_id: Cloud.sessionId })
    expect(first.users[0].external_accounts).toEqual([{ external_id: 'fb-1001', external_type: 'facebook', token: 'tok-a' }])
    const me = await outcome((cb) => Cloud.Users.showMe(cb))
    expect(me.users[0].id).toBe(first.users[0].id)
    const again = await outcome((cb) => Cloud.SocialIntegrations.externalAccountLogin({ ...fb, token: 'tok-b' }, cb))
    expect(again.users[0].id).toBe(first.users[0].id)
  })

  it('externalAccountLink adds an account to the logged-in user; externalAccountUnlink (DELETE) removes it', async () => {
    expect((await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))).success).toBe(true)
    const linked = await outcome((cb) => Cloud.SocialIntegrations.externalAccountLink({ id: 'tw-7', type: 'twitter', token: 't1' }, cb))
    expect(linked.users[0]).toMatchObject({ id: ids.alice, external_accounts: [{ external_id: 'tw-7', external_type: 'twitter', token: 't1' }] })

    const other = createCloud({ url: server.url, key: 'TESTKEY' })
    const viaTwitter = await outcome((cb) => other.SocialIntegrations.externalAccountLogin({ id: 'tw-7', type: 'twitter', token: 't2' }, cb))
    expect(viaTwitter.users[0].id).toBe(ids.alice)

    const unlinked = await outcome((cb) => Cloud.SocialIntegrations.externalAccountUnlink({ id: 'tw-7', type: 'twitter' }, cb))
    expect(unlinked.success).toBe(true)
    const me = await outcome((cb) => Cloud.Users.showMe(cb))
    expect(me.users[0].external_accounts).toEqual([])
  })

  it('externalAccountLink when not logged in: 401', async () => {
    const e = await outcome((cb) => Cloud.SocialIntegrations.externalAccountLink({ ...fb }, cb))
    expect(e).toEqual({ success: false, error: true, code: 401, message: NO_SESSION })
  })
})

describe('photos', () => {
  it('a photo File on Users.update is uploaded as multipart and becomes the user photo', async () => {
    expect((await outcome((cb) => Cloud.Users.login({ login: 'bob', password: 'pw-bob' }, cb))).success).toBe(true)
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
    const e = await outcome((cb) => Cloud.Users.update({ photo: new File([png], 'me.png', { type: 'image/png' }) }, cb))
    expect(e.users[0].photo).toMatchObject({ filename: 'me.png', content_type: 'image/png', size: png.length })
    const removed = await outcome((cb) => Cloud.Users.update({ photo: '' }, cb))
    expect(removed.users[0]).not.toHaveProperty('photo')
  })
})
