import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { TOKEN_LIFETIME_MS } from '../../src/objects/users/tokens.js'
import { login, startServer, type Call } from '../support/client.js'
import { ids } from '../support/fixture-s.js'

// users/request_reset_password, reset_password, resend_confirmation, confirm_user, the outbox and
// the email-verification option (docs/users.md "Account flows", docs/app-settings.md).
const INVALID_TOKEN = 'Invalid or expired token.'
const UNCONFIRMED = 'You have to confirm your account before continuing.'
const BAD_LOGIN = 'Invalid email/username or password.'

let server: RunningMockCloud
let call: Call
afterEach(() => server.stop())

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<void> {
  ;({ server, call } = await startServer(options))
}

/** The token of the newest mail of this kind to this address in TESTKEY's outbox. */
function lastToken(kind: string, to: string): string {
  const mails = server.outbox('TESTKEY').filter((mail) => mail.kind === kind && mail.to === to)
  const token = mails.at(-1)?.token
  if (token === undefined) throw new Error(`no ${kind} mail to ${to}`)
  return token
}

describe('password reset', () => {
  it('request → mail with token and link → reset_password → the new password logs in, the old one not', async () => {
    await start()
    const requested = await call('GET', 'users/request_reset_password', { email: 'Alice@example.com' })
    expect(requested.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'requestResetPassword' } })
    const [mail] = server.outbox('TESTKEY')
    expect(mail).toEqual({
      key: 'TESTKEY',
      kind: 'reset_password',
      to: 'alice@example.com',
      user_id: ids.alice,
      subject: 'Password reset request for TESTKEY',
      token: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      link: `https://cloud.appcelerator.com/users/reset_password?key=TESTKEY&reset_password_token=${mail!.token}`,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    })

    const reset = await call('GET', 'users/reset_password', {
      reset_password_token: mail!.token,
      password: 'fresh-pass',
      password_confirmation: 'fresh-pass',
    })
    expect(reset.status).toBe(200)
    expect(reset.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'resetPassword' })
    expect(reset.body.response.users[0]).toMatchObject({ id: ids.alice, username: 'alice', email: 'alice@example.com' })
    expect(reset.body.meta).not.toHaveProperty('session_id')

    expect((await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice' } })).status).toBe(401)
    expect((await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'fresh-pass' } })).status).toBe(200)
  })

  it('a token works once: the second use answers 400 Invalid or expired token.', async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com' })
    const token = lastToken('reset_password', 'bob@example.com')
    const form = { reset_password_token: token, password: 'one', password_confirmation: 'one' }
    expect((await call('GET', 'users/reset_password', form)).status).toBe(200)
    const again = await call('GET', 'users/reset_password', { ...form, password: 'two', password_confirmation: 'two' })
    expect(again.status).toBe(400)
    expect(again.body.meta).toEqual({ status: 'fail', code: 400, message: INVALID_TOKEN, method_name: 'resetPassword' })
    expect((await call('POST', 'users/login', {}, { form: { login: 'bob', password: 'one' } })).status).toBe(200)
  })

  it.each([
    ['PUT', 'PUT'],
    ['POST', 'POST'],
  ])('takes the token and passwords in a %s body', async (verb) => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'carol@example.com' })
    const token = lastToken('reset_password', 'carol@example.com')
    const reply = await call(verb, 'users/reset_password', {}, {
      form: { reset_password_token: token, password: 'body-pass', password_confirmation: 'body-pass' },
    })
    expect(reply.status).toBe(200)
    expect((await call('POST', 'users/login', {}, { form: { login: 'carol', password: 'body-pass' } })).status).toBe(200)
  })

  it('a refused password keeps the token, so the same link works with a matching confirmation', async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'dave@example.com' })
    const token = lastToken('reset_password', 'dave@example.com')
    const mismatch = await call('GET', 'users/reset_password', { reset_password_token: token, password: 'a', password_confirmation: 'b' })
    expect(mismatch.status).toBe(400)
    expect(mismatch.body.meta.message).toBe("Failed to update user: Validation failed - Password confirmation doesn't match Password.")
    const blank = await call('GET', 'users/reset_password', { reset_password_token: token })
    expect(blank.body.meta.message).toBe("Failed to update user: Validation failed - Password can't be blank.")
    const ok = await call('GET', 'users/reset_password', { reset_password_token: token, password: 'a', password_confirmation: 'a' })
    expect(ok.status).toBe(200)
  })

  it.each([
    ['no token', {}],
    ['an unknown token', { reset_password_token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
  ])('answers %s with 400 Invalid or expired token.', async (_name, query) => {
    await start()
    const reply = await call('GET', 'users/reset_password', { ...query, password: 'x', password_confirmation: 'x' })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toEqual({ status: 'fail', code: 400, message: INVALID_TOKEN, method_name: 'resetPassword' })
  })

  it('a token expires 24 hours after its mail, by the server clock', async () => {
    await start()
    server.clock.freeze()
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' })
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com' })
    const alice = lastToken('reset_password', 'alice@example.com')
    const bob = lastToken('reset_password', 'bob@example.com')
    server.clock.advance(TOKEN_LIFETIME_MS - 1)
    const inTime = await call('GET', 'users/reset_password', { reset_password_token: alice, password: 'p', password_confirmation: 'p' })
    expect(inTime.status).toBe(200)
    server.clock.advance(1)
    const late = await call('GET', 'users/reset_password', { reset_password_token: bob, password: 'p', password_confirmation: 'p' })
    expect(late.body.meta).toEqual({ status: 'fail', code: 400, message: INVALID_TOKEN, method_name: 'resetPassword' })
  })

  it('a confirmation token expires too (advance 25h)', async () => {
    await start({ emailVerification: true })
    await call('POST', 'users/create', {}, { form: { username: 'zed', email: 'zed@example.com', password: 'p', password_confirmation: 'p' } })
    server.clock.advance('25h')
    const token = lastToken('confirmation', 'zed@example.com')
    expect((await call('GET', 'users/confirm_user', { confirmation_token: token })).body.meta.message).toBe(INVALID_TOKEN)
  })

  it('only the newest mail works: a second request makes the first token invalid', async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com' })
    const first = lastToken('reset_password', 'bob@example.com')
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com' })
    const second = lastToken('reset_password', 'bob@example.com')
    expect(second).not.toBe(first)
    const old = await call('GET', 'users/reset_password', { reset_password_token: first, password: 'p', password_confirmation: 'p' })
    expect(old.body.meta.message).toBe(INVALID_TOKEN)
    const fresh = await call('GET', 'users/reset_password', { reset_password_token: second, password: 'p', password_confirmation: 'p' })
    expect(fresh.status).toBe(200)
  })

  it('a confirmation token does not reset a password, nor a reset token confirm', async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com' })
    await call('GET', 'users/resend_confirmation', { email: 'bob@example.com' })
    const reset = lastToken('reset_password', 'bob@example.com')
    const confirmation = lastToken('confirmation', 'bob@example.com')
    const wrongReset = await call('GET', 'users/reset_password', { reset_password_token: confirmation, password: 'p', password_confirmation: 'p' })
    expect(wrongReset.body.meta.message).toBe(INVALID_TOKEN)
    const wrongConfirm = await call('GET', 'users/confirm_user', { confirmation_token: reset })
    expect(wrongConfirm.body.meta).toEqual({ status: 'fail', code: 400, message: INVALID_TOKEN, method_name: 'confirmUser' })
  })

  it('puts subject and template of the request into the mail', async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com', subject: 'Forgot it?', template: 'reset_tpl' })
    expect(server.outbox('TESTKEY')[0]).toMatchObject({ subject: 'Forgot it?', template: 'reset_tpl' })
  })

  it("a deleted user's token answers 400", async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'dave@example.com' })
    const token = lastToken('reset_password', 'dave@example.com')
    const admin = await login(call, 'admin', 'pw-admin')
    await call('DELETE', 'users/delete', { su_id: ids.dave }, { session: admin })
    const reply = await call('GET', 'users/reset_password', { reset_password_token: token, password: 'p', password_confirmation: 'p' })
    expect(reply.body.meta.message).toBe(INVALID_TOKEN)
  })
})

describe('credential changes end other sessions and void emailed tokens', () => {
  const notSignedIn = 'You need to sign in or sign up before continuing.'
  const me = async (session: string) => (await call('GET', 'users/show/me', {}, { session })).status
  const newPassword = { password: 'new-pass', password_confirmation: 'new-pass' }

  it('a password update by the user ends their other sessions; the session that made it stays', async () => {
    await start()
    const [s1, s2, other] = [await login(call, 'alice', 'pw-alice'), await login(call, 'alice', 'pw-alice'), await login(call, 'bob', 'pw-bob')]
    const updated = await call('PUT', 'users/update', {}, { session: s1, form: newPassword })
    expect(updated.status).toBe(200)
    const refused = await call('GET', 'users/show/me', {}, { session: s2 })
    expect(refused.body.meta).toEqual({ status: 'fail', code: 401, message: notSignedIn, method_name: 'showMe' })
    expect([await me(s1), await me(other)]).toEqual([200, 200])
  })

  it('a password set by an admin with su_id ends every session of that user, not the admin\'s', async () => {
    await start()
    const [admin, bob] = [await login(call, 'admin', 'pw-admin'), await login(call, 'bob', 'pw-bob')]
    expect((await call('PUT', 'users/update', {}, { session: admin, form: { su_id: ids.bob, ...newPassword } })).status).toBe(200)
    expect([await me(bob), await me(admin)]).toEqual([401, 200])
  })

  it('reset_password ends every session of the user', async () => {
    await start()
    const [s1, s2] = [await login(call, 'carol', 'pw-carol'), await login(call, 'carol', 'pw-carol')]
    await call('GET', 'users/request_reset_password', { email: 'carol@example.com' })
    const reset = await call('GET', 'users/reset_password', { reset_password_token: lastToken('reset_password', 'carol@example.com'), ...newPassword })
    expect(reset.status).toBe(200)
    expect([await me(s1), await me(s2)]).toEqual([401, 401])
  })

  it('other changes end no session', async () => {
    await start()
    const [s1, s2] = [await login(call, 'alice', 'pw-alice'), await login(call, 'alice', 'pw-alice')]
    await call('PUT', 'users/update', {}, { session: s1, form: { first_name: 'Al', email: 'al@example.com', username: 'al' } })
    expect([await me(s1), await me(s2)]).toEqual([200, 200])
  })

  it.each([
    ['the email, by the user', 'alice', { email: 'alice2@example.com' }],
    ['the password, by the user', 'alice', newPassword],
    ['the email, by an admin with su_id', 'admin', { su_id: ids.alice, email: 'alice2@example.com' }],
    ['the password, by an admin with su_id', 'admin', { su_id: ids.alice, ...newPassword }],
  ])('changing %s voids the reset-password and confirmation tokens sent before', async (_name, who, form) => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' })
    await call('GET', 'users/resend_confirmation', { email: 'alice@example.com' })
    const [reset, confirm] = [lastToken('reset_password', 'alice@example.com'), lastToken('confirmation', 'alice@example.com')]
    const session = await login(call, who, `pw-${who}`)
    expect((await call('PUT', 'users/update', {}, { session, form })).status).toBe(200)
    const used = await call('GET', 'users/reset_password', { reset_password_token: reset, password: 'taken-over', password_confirmation: 'taken-over' })
    expect(used.body.meta).toEqual({ status: 'fail', code: 400, message: INVALID_TOKEN, method_name: 'resetPassword' })
    expect((await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'taken-over' } })).status).toBe(401)
    const confirmed = await call('GET', 'users/confirm_user', { confirmation_token: confirm })
    expect(confirmed.body.meta).toEqual({ status: 'fail', code: 400, message: INVALID_TOKEN, method_name: 'confirmUser' })
  })

  it('other field changes leave the tokens working', async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' })
    const token = lastToken('reset_password', 'alice@example.com')
    const session = await login(call, 'alice', 'pw-alice')
    await call('PUT', 'users/update', {}, { session, form: { first_name: 'Al', username: 'al', tags: 'x', custom_fields: { a: 1 } } })
    const reset = await call('GET', 'users/reset_password', { reset_password_token: token, ...newPassword })
    expect(reset.status).toBe(200)
    expect((await call('POST', 'users/login', {}, { form: { login: 'al', password: 'new-pass' } })).status).toBe(200)
  })

  it('reset_password voids the user\'s confirmation token too, and no other user\'s', async () => {
    await start()
    await call('GET', 'users/resend_confirmation', { email: 'alice@example.com' })
    await call('GET', 'users/resend_confirmation', { email: 'bob@example.com' })
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' })
    await call('GET', 'users/reset_password', { reset_password_token: lastToken('reset_password', 'alice@example.com'), ...newPassword })
    expect((await call('GET', 'users/confirm_user', { confirmation_token: lastToken('confirmation', 'alice@example.com') })).status).toBe(400)
    expect((await call('GET', 'users/confirm_user', { confirmation_token: lastToken('confirmation', 'bob@example.com') })).status).toBe(200)
  })
})

describe('the outbox', () => {
  it('GET /__mock/outbox?key=K lists that key’s mails; without key every key’s, each with its key', async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' })
    await call('GET', 'users/request_reset_password', { email: 'bob@example.com' }, { key: 'OTHER' })
    const one = await fetch(`${server.url}/__mock/outbox?key=OTHER`)
    expect(one.status).toBe(200)
    const body = (await one.json()) as any
    expect(body.meta).toEqual({ code: 200, status: 'ok', method_name: 'mockOutbox', count: 1 })
    expect(body.response.mails).toEqual(server.outbox('OTHER'))
    expect(body.response.mails[0]).toMatchObject({ key: 'OTHER', to: 'bob@example.com' })
    expect(body.response.mails[0].link).toContain('?key=OTHER&reset_password_token=')

    const all = (await (await fetch(`${server.url}/__mock/outbox`)).json()) as any
    expect(all.response.mails.map((mail: { key: string; to: string }) => [mail.key, mail.to])).toEqual([
      ['TESTKEY', 'alice@example.com'],
      ['OTHER', 'bob@example.com'],
    ])
    expect(server.outbox()).toEqual(all.response.mails)
    expect(server.outbox('NEVER_USED')).toEqual([])
  })

  it('answers other verbs with 405 and Allow: GET', async () => {
    await start()
    const reply = await fetch(`${server.url}/__mock/outbox`, { method: 'DELETE' })
    expect(reply.status).toBe(405)
    expect(reply.headers.get('allow')).toBe('GET')
    expect(((await reply.json()) as any).meta).toEqual({
      status: 'fail',
      code: 405,
      message: '__mock/outbox takes GET, not DELETE',
      method_name: 'mockOutbox',
    })
  })

  it('a reset of a key clears its mails and its tokens, and leaves other keys alone', async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' })
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' }, { key: 'OTHER' })
    const token = lastToken('reset_password', 'alice@example.com')
    await server.reset('TESTKEY')
    expect(server.outbox('TESTKEY')).toEqual([])
    expect(server.outbox('OTHER')).toHaveLength(1)
    const reply = await call('GET', 'users/reset_password', { reset_password_token: token, password: 'p', password_confirmation: 'p' })
    expect(reply.body.meta.message).toBe(INVALID_TOKEN)
  })

  it('a token of one app key does not work under another', async () => {
    await start()
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' })
    const token = lastToken('reset_password', 'alice@example.com')
    const other = await call('GET', 'users/reset_password', { reset_password_token: token, password: 'p', password_confirmation: 'p' }, { key: 'OTHER' })
    expect(other.body.meta.message).toBe(INVALID_TOKEN)
  })
})

describe('welcome and confirmation mails with email verification off (the default)', () => {
  it('create with template records a welcome mail; the user is confirmed and logged in', async () => {
    await start()
    const created = await call('POST', 'users/create', {}, {
      form: { username: 'zoe', email: 'zoe@example.com', password: 'p', password_confirmation: 'p', template: 'welcome_tpl' },
    })
    expect(created.body.meta.session_id).toEqual(expect.any(String))
    expect(created.body.response.users[0].confirmed_at).toBe(created.body.response.users[0].created_at)
    expect(server.outbox('TESTKEY')).toEqual([
      {
        key: 'TESTKEY',
        kind: 'welcome',
        to: 'zoe@example.com',
        user_id: created.body.response.users[0].id,
        subject: 'Welcome to TESTKEY',
        template: 'welcome_tpl',
        created_at: expect.any(String),
      },
    ])
  })

  it('create without template sends nothing', async () => {
    await start()
    await call('POST', 'users/create', {}, { form: { username: 'zoe', email: 'zoe@example.com', password: 'p', password_confirmation: 'p' } })
    expect(server.outbox()).toEqual([])
  })

  it('resend_confirmation still mails a link; confirm_user keeps the first confirmed_at', async () => {
    await start()
    const before = (await call('GET', 'users/show/me', {}, { session: await login(call, 'bob', 'pw-bob') })).body.response.users[0]
    const resent = await call('GET', 'users/resend_confirmation', { email: 'bob@example.com', confirmation_subject: 'Hi', confirmation_template: 'c_tpl' })
    expect(resent.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'resendConfirmation' } })
    const [mail] = server.outbox('TESTKEY')
    expect(mail).toMatchObject({ kind: 'confirmation', to: 'bob@example.com', subject: 'Hi', template: 'c_tpl' })
    expect(mail!.link).toBe(`https://cloud.appcelerator.com/users/confirmation?key=TESTKEY&confirmation_token=${mail!.token}`)
    const confirmed = await call('GET', 'users/confirm_user', { confirmation_token: mail!.token })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.response.users[0].confirmed_at).toBe(before.confirmed_at)
  })

  it.each([
    [{}, 400, 'Email is required.'],
    [{ email: '  ' }, 400, 'Email is required.'],
    [{ email: 'who@example.com' }, 404, 'No user found with this email address.'],
  ])('resend_confirmation answers %j with %i', async (query, code, message) => {
    await start()
    const reply = await call('GET', 'users/resend_confirmation', query)
    expect(reply.status).toBe(code)
    expect(reply.body.meta).toEqual({ status: 'fail', code, message, method_name: 'resendConfirmation' })
    expect(server.outbox()).toEqual([])
  })
})

describe('email verification on', () => {
  const signUp = { email: 'zoe@example.com', first_name: 'Zoe', last_name: 'Z', password: 'zoe-pass', password_confirmation: 'zoe-pass' }

  it('a new user is unconfirmed, gets no session and cannot log in until confirm_user', async () => {
    await start({ emailVerification: true })
    const created = await call('POST', 'users/create', {}, { form: signUp })
    expect(created.status).toBe(200)
    expect(created.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createUser' })
    expect(created.headers.get('set-cookie')).toBeNull()
    const user = created.body.response.users[0]
    expect(user).not.toHaveProperty('confirmed_at')

    const [mail] = server.outbox('TESTKEY')
    expect(mail).toMatchObject({
      kind: 'confirmation',
      to: 'zoe@example.com',
      user_id: user.id,
      subject: 'Email Verification Instructions for TESTKEY',
    })
    const refused = await call('POST', 'users/login', {}, { form: { login: 'zoe@example.com', password: 'zoe-pass' } })
    expect(refused.status).toBe(401)
    expect(refused.body.meta).toEqual({ status: 'fail', code: 401, message: UNCONFIRMED, method_name: 'loginUser' })
    // A wrong password still gets the one login message: nothing tells that the account exists.
    const wrong = await call('POST', 'users/login', {}, { form: { login: 'zoe@example.com', password: 'nope' } })
    expect(wrong.body.meta.message).toBe(BAD_LOGIN)
    const unconfirmed = await call('GET', 'users/query', { where: { confirmed_at: { $exists: false } } })
    expect(unconfirmed.body.response.users.map((u: { id: string }) => u.id)).toEqual([user.id])

    const confirmed = await call('GET', 'users/confirm_user', { confirmation_token: mail!.token, ct: 'enterprise' })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'confirmUser' })
    expect(confirmed.body.response.users[0]).toMatchObject({ id: user.id, email: 'zoe@example.com', confirmed_at: expect.any(String) })
    expect((await call('POST', 'users/login', {}, { form: { login: 'zoe@example.com', password: 'zoe-pass' } })).status).toBe(200)

    const twice = await call('GET', 'users/confirm_user', { confirmation_token: mail!.token })
    expect(twice.body.meta).toEqual({ status: 'fail', code: 400, message: INVALID_TOKEN, method_name: 'confirmUser' })
  })

  it('resend_confirmation replaces the link: the old token stops working, the new one confirms', async () => {
    await start({ emailVerification: true })
    await call('POST', 'users/create', {}, { form: { ...signUp, confirmation_template: 'verify_tpl', confirmation_subject: 'Verify!' } })
    const first = server.outbox('TESTKEY')[0]!
    expect(first).toMatchObject({ subject: 'Verify!', template: 'verify_tpl' })
    await call('GET', 'users/resend_confirmation', { email: 'zoe@example.com' })
    const second = lastToken('confirmation', 'zoe@example.com')
    expect((await call('GET', 'users/confirm_user', { confirmation_token: first.token })).body.meta.message).toBe(INVALID_TOKEN)
    expect((await call('GET', 'users/confirm_user', { confirmation_token: second })).status).toBe(200)
  })

  it('fixture users and users without an email are confirmed; an admin creating a user stays logged in', async () => {
    await start({ emailVerification: true })
    expect((await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice' } })).status).toBe(200)
    const named = await call('POST', 'users/create', {}, { form: { username: 'nomail', password: 'p', password_confirmation: 'p' } })
    expect(named.body.meta.session_id).toEqual(expect.any(String))
    expect(named.body.response.users[0].confirmed_at).toEqual(expect.any(String))
    expect(server.outbox()).toEqual([])
  })

  it('an unconfirmed user cannot log in with a linked external account either', async () => {
    await start({ emailVerification: true })
    const data = server.exportData('TESTKEY') as any
    const alice = data.collections.users.find((user: { username: string }) => user.username === 'alice')
    delete alice.confirmed_at
    alice.external_accounts = [{ external_id: 'fb-9', external_type: 'facebook', token: '' }]
    await server.importData(data, 'TESTKEY')
    const reply = await call('POST', 'users/external_account_login', {}, { form: { id: 'fb-9', type: 'facebook' } })
    expect(reply.status).toBe(401)
    expect(reply.body.meta).toEqual({ status: 'fail', code: 401, message: UNCONFIRMED, method_name: 'externalAccountLogin' })
  })

  it('a password reset does not confirm the user', async () => {
    await start({ emailVerification: true })
    await call('POST', 'users/create', {}, { form: signUp })
    await call('GET', 'users/request_reset_password', { email: 'zoe@example.com' })
    const token = lastToken('reset_password', 'zoe@example.com')
    const reset = await call('GET', 'users/reset_password', { reset_password_token: token, password: 'n', password_confirmation: 'n' })
    expect(reset.body.response.users[0]).not.toHaveProperty('confirmed_at')
    const login = await call('POST', 'users/login', {}, { form: { login: 'zoe@example.com', password: 'n' } })
    expect(login.body.meta.message).toBe(UNCONFIRMED)
  })
})

describe('tokens and mails in a --data file', () => {
  let dir: string
  afterEach(async () => {
    // Runs before the outer afterEach: the server flushes into the folder before it goes.
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('survive a restart: a reset requested before it completes after it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mock-cloud-flows-'))
    const data = join(dir, 'data.json')
    await start({ data })
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' })
    const token = lastToken('reset_password', 'alice@example.com')
    await server.stop()
    await start({ data })
    expect(server.outbox('TESTKEY')).toHaveLength(1)
    const reply = await call('GET', 'users/reset_password', { reset_password_token: token, password: 'p', password_confirmation: 'p' })
    expect(reply.status).toBe(200)
  })

  it('a data file with a malformed token is refused with a message naming it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mock-cloud-flows-'))
    const data = join(dir, 'data.json')
    await writeFile(data, JSON.stringify({ apps: { K: { users: [], sessions: {}, tokens: { abc: { purpose: 'x' } } } } }))
    await expect(startServer({ data })).rejects.toThrow('apps["K"].tokens["abc"] is malformed')
    await start()
  })

  it('a data file without tokens and outbox (written before them) still loads', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mock-cloud-flows-'))
    const data = join(dir, 'data.json')
    await writeFile(data, JSON.stringify({ apps: { TESTKEY: { users: [], sessions: {} } } }))
    await start({ data })
    expect(server.outbox('TESTKEY')).toEqual([])
    const created = await call('POST', 'users/create', {}, { form: { username: 'x', email: 'x@example.com', password: 'p', password_confirmation: 'p' } })
    expect(created.status).toBe(200)
    expect((await call('GET', 'users/request_reset_password', { email: 'x@example.com' })).status).toBe(200)
  })
})

