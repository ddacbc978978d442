import ArrowDB from 'arrowdb'
import { beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../src/server.js'
import { usernames } from './support/client.js'
import { ok, refused } from './support/arrowdb-calls.js'
import { ids } from './support/fixture-s.js'
import { serversStoppedAfterEach } from './support/servers.js'

/**
 * End to end through the real `arrowdb` npm SDK (1.0.12), which talks to the server with the
 * `request` library: POST/PUT/DELETE params as an urlencoded body, GET params in the query
 * string, objects JSON-encoded, the app key as `?key=` and the session as a `_session_id` cookie.
 */

const NO_SESSION = 'You need to sign in or sign up before continuing.'
const BAD_LOGIN = 'Invalid email/username or password.'

describe('the arrowdb npm SDK drives a whole user lifecycle against mock-cloud', () => {
  const start = serversStoppedAfterEach()
  let server: RunningMockCloud
  let app: ArrowDB

  beforeEach(async () => {
    ;({ server } = await start())
    // The entry point needs the scheme and no trailing slash: the SDK appends `/v1/users/...`.
    app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
  })

  it('create → login → showMe → query → update → logout → showMe 401 → login → remove → login 401', async () => {
    const created = await ok(app, 'usersCreate', {
      username: 'sdkuser',
      email: 'sdkuser@example.com',
      password: 'sdk-pass',
      password_confirmation: 'sdk-pass',
      custom_fields: { team: 'blue', level: 3 },
    })
    expect(created.statusCode).toBe(200)
    expect(created.body.meta).toEqual({
      code: 200,
      status: 'ok',
      method_name: 'createUser',
      session_id: expect.any(String),
    })
    const user = created.body.response.users[0]
    expect(user).toMatchObject({ username: 'sdkuser', email: 'sdkuser@example.com', custom_fields: { team: 'blue', level: 3 } })
    // The SDK keeps a session only from usersLogin, not from usersCreate.
    expect(app.sessionCookieString).toBeNull()

    const loggedIn = await ok(app, 'usersLogin', { login: 'sdkuser', password: 'sdk-pass' })
    expect(loggedIn.body.meta).toMatchObject({ code: 200, status: 'ok', method_name: 'loginUser' })
    const session = loggedIn.body.meta.session_id as string
    expect(app.sessionCookieString).toBe(`_session_id=${session}`)

    const me = await ok(app, 'usersShowMe')
    expect(me.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'showMe' })
    expect(me.body.response.users).toEqual([user])

    const queried = await ok(app, 'usersQuery', { where: { team: 'blue' } })
    expect(queried.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryUsers' })
    expect(queried.body.response.users.map((u: { id: string }) => u.id)).toEqual([user.id])
    const byNumber = await ok(app, 'usersQuery', { where: { level: { $gte: 3 } }, count: true })
    expect(byNumber.body.meta.count).toBe(1)
    expect(usernames(byNumber)).toEqual(['sdkuser'])

    const updated = await ok(app, 'usersUpdate', { custom_fields: { team: 'red' } })
    expect(updated.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'updateUser' })
    expect(updated.body.response.users[0]).toMatchObject({ id: user.id, custom_fields: { team: 'red', level: 3 } })
    const afterUpdate = await ok(app, 'usersQuery', { where: { team: 'blue' } })
    expect(afterUpdate.body.response.users).toEqual([])

    const loggedOut = await ok(app, 'usersLogout')
    expect(loggedOut.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'logoutUser' })
    expect(app.sessionCookieString).toBeNull()

    const noSession = await refused(app, 'usersShowMe')
    expect(noSession.statusCode).toBe(401)
    expect(noSession.reason).toBe(NO_SESSION)
    expect(noSession.message).toBe(`Request returned with HTTP status code 401 ${NO_SESSION}`)
    expect(noSession.body).toEqual({ meta: { status: 'fail', code: 401, message: NO_SESSION, method_name: 'showMe' } })

    // The SDK forgot the session by itself; replaying it (from another instance, so this one's
    // cookie state stays clean) proves the server ended it too.
    const replay = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
    replay.sessionCookieString = `_session_id=${session}`
    const replayed = await refused(replay, 'usersShowMe')
    expect(replayed.statusCode).toBe(401)
    expect(replayed.reason).toBe(NO_SESSION)

    await ok(app, 'usersLogin', { login: 'sdkuser@example.com', password: 'sdk-pass' })
    const removed = await ok(app, 'usersRemove')
    expect(removed.statusCode).toBe(200)
    expect(removed.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteUser' } })

    const gone = await refused(app, 'usersLogin', { login: 'sdkuser', password: 'sdk-pass' })
    expect(gone.statusCode).toBe(401)
    expect(gone.reason).toBe(BAD_LOGIN)
    expect(gone.body).toEqual({ meta: { status: 'fail', code: 401, message: BAD_LOGIN, method_name: 'loginUser' } })

    const counted = await ok(app, 'usersCount')
    expect(counted.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'usersCount', count: 5 })
  })

  it('usersDelete (the other name of users/delete.json) deletes the logged-in user too', async () => {
    await ok(app, 'usersLogin', { login: 'dave', password: 'pw-dave' })
    const deleted = await ok(app, 'usersDelete')
    expect(deleted.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteUser' } })
    const gone = await refused(app, 'usersLogin', { login: 'dave', password: 'pw-dave' })
    expect(gone.statusCode).toBe(401)
    expect(gone.reason).toBe(BAD_LOGIN)
  })

  it('a second usersLogin without usersLogout keeps sending the first session; logout first switches users', async () => {
    // The SDK stores the cookie it sends under the request's default path (/v1/users) and the
    // server's `Path=/` cookie beside it; the longer path is listed first, so the old id wins.
    const first = await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
    const second = await ok(app, 'usersLogin', { login: 'bob', password: 'pw-bob' })
    const [a, b] = [first.body.meta.session_id, second.body.meta.session_id]
    expect(app.sessionCookieString).toBe(`_session_id=${a}; _session_id=${b}`)
    const stale = await ok(app, 'usersShowMe')
    expect(stale.body.response.users[0].username).toBe('alice')

    await ok(app, 'usersLogout')
    await ok(app, 'usersLogin', { login: 'bob', password: 'pw-bob' })
    const fresh = await ok(app, 'usersShowMe')
    expect(fresh.body.response.users[0].username).toBe('bob')
  })

  it('usersCreate while logged in: the SDK keeps its cookie, which now belongs to the new user', async () => {
    const loggedIn = await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
    const session = loggedIn.body.meta.session_id as string
    const created = await ok(app, 'usersCreate', { username: 'newbie', password: 'pw-new', password_confirmation: 'pw-new' })
    expect(created.body.meta.session_id).toBe(session)
    expect(app.sessionCookieString).toBe(`_session_id=${session}`)
    const me = await ok(app, 'usersShowMe')
    expect(usernames(me)).toEqual(['newbie'])
    const updated = await ok(app, 'usersUpdate', { first_name: 'New' })
    expect(updated.body.response.users[0]).toMatchObject({ username: 'newbie', first_name: 'New' })
  })

  it('a wrong password is an SDK error with statusCode 401 and the server message as reason', async () => {
    const err = await refused(app, 'usersLogin', { login: 'alice', password: 'wrong' })
    expect(err.statusCode).toBe(401)
    expect(err.reason).toBe(BAD_LOGIN)
    expect(app.sessionCookieString).toBeNull()
  })

  it('with autoSessionManagement off, a bare session id set by hand is sent as the _session_id cookie', async () => {
    const manual = new ArrowDB('TESTKEY', { apiEntryPoint: server.url, autoSessionManagement: false })
    const loggedIn = await ok(manual, 'usersLogin', { login: 'bob', password: 'pw-bob' })
    expect(manual.sessionCookieString).toBeNull()
    expect(loggedIn.cookieString).toBe(`_session_id=${loggedIn.body.meta.session_id}`)

    manual.sessionCookieString = loggedIn.body.meta.session_id as string
    const me = await ok(manual, 'usersShowMe')
    expect(usernames(me)).toEqual(['bob'])
  })

  it('the session_id param of the MBS guide works as well as the cookie', async () => {
    const loggedIn = await ok(app, 'usersLogin', { login: 'carol', password: 'pw-carol' })
    const other = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
    const me = await ok(other, 'usersShowMe', { session_id: loggedIn.body.meta.session_id })
    expect(usernames(me)).toEqual(['carol'])
  })

  it('an admin sends where as the SDK does (JSON in a DELETE body) to usersBatchDelete', async () => {
    await ok(app, 'usersLogin', { login: 'admin', password: 'pw-admin' })
    const deleted = await ok(app, 'usersBatchDelete', { where: { color: { $in: ['red', 'blue'] } } })
    expect(deleted.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'batchDelete' } })
    const left = await ok(app, 'usersQuery', { order: 'username' })
    expect(usernames(left)).toEqual(['admin', 'carol', 'dave'])
  })

  it('a custom date field and a tags string round-trip through the SDK', async () => {
    const created = await ok(app, 'usersCreate', {
      username: 'dated',
      password: 'p',
      password_confirmation: 'p',
      tags: 'hiking, swimming',
      custom_fields: { joined: '2020-01-02 03:04:05+0000' },
    })
    expect(created.body.response.users[0]).toMatchObject({
      tags: ['hiking', 'swimming'],
      custom_fields: { joined: '2020-01-02T03:04:05+0000' },
    })
    const found = await ok(app, 'usersQuery', { where: { joined: { $gt: '2020-01-01 00:00:00+0000' } } })
    expect(usernames(found)).toEqual(['dated'])
  })
  it('a full password reset: usersRequestResetPassword → token from the outbox → reset_password → usersLogin with the new password', async () => {
    const requested = await ok(app, 'usersRequestResetPassword', { email: 'alice@example.com' })
    expect(requested.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'requestResetPassword' } })
    const [mail] = server.outbox('TESTKEY')
    expect(mail).toMatchObject({ kind: 'reset_password', to: 'alice@example.com' })
    // The SDK has no call for the link's target; the page behind the link calls it over HTTP (docs/users.md "Account flows").
    const link = new URL(`${server.url}/v1/users/reset_password.json`)
    link.search = new URLSearchParams({ key: 'TESTKEY', reset_password_token: mail!.token!, password: 'new-pass', password_confirmation: 'new-pass' }).toString()
    const reset = await fetch(link)
    expect(reset.status).toBe(200)

    const old = await refused(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
    expect(old.statusCode).toBe(401)
    const loggedIn = await ok(app, 'usersLogin', { login: 'alice', password: 'new-pass' })
    expect(loggedIn.body.response.users[0].email).toBe('alice@example.com')
  })

  it('usersResendConfirmation records a confirmation mail; an unknown email is an SDK error with 404', async () => {
    await ok(app, 'usersResendConfirmation', { email: 'bob@example.com' })
    expect(server.outbox('TESTKEY').map((mail) => [mail.kind, mail.to])).toEqual([['confirmation', 'bob@example.com']])
    const err = await refused(app, 'usersResendConfirmation', { email: 'nobody@example.com' })
    expect(err.statusCode).toBe(404)
    expect(err.reason).toBe('No user found with this email address.')
  })

  it('an admin usersBatchDelete without where deletes every user, the admin included; a non-admin gets 403', async () => {
    const member = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
    await ok(member, 'usersLogin', { login: 'bob', password: 'pw-bob' })
    const forbidden = await refused(member, 'usersBatchDelete')
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.reason).toBe('You are not authorized to perform this action.')

    await ok(app, 'usersLogin', { login: 'admin', password: 'pw-admin' })
    const deleted = await ok(app, 'usersBatchDelete')
    expect(deleted.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'batchDelete' } })
    const counted = await ok(app, 'usersCount')
    expect(counted.body.meta.count).toBe(0)
  })

  it('an ACL on a user (docs/users.md "ACLs"): update by acl_name → show/me, show, query → create by acl_id → ACL deleted → gone', async () => {
    await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
    const acl = (await ok(app, 'aclsCreate', { name: 'friends', reader_ids: ids.bob })).body.response.acls[0]
    const unknown = await refused(app, 'usersUpdate', { acl_name: 'nope' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.reason).toBe('Invalid ACL name')

    const updated = (await ok(app, 'usersUpdate', { acl_name: 'friends' })).body.response.users[0]
    // The ACL embeds its owner as the user is now: updated by this very call, maybe a second later.
    const attached = { ...acl, user: { ...acl.user, updated_at: updated.updated_at } }
    expect(updated.acls).toEqual([attached])
    expect((await ok(app, 'usersShowMe')).body.response.users[0].acls).toEqual([attached])
    const { email: _email, ...owner } = attached.user
    const shown = (await ok(app, 'usersShow', { user_id: ids.alice })).body.response.users[0]
    expect(shown.acls).toEqual([attached])
    const queried = (await ok(app, 'usersQuery', { where: { username: 'alice' } })).body.response.users[0]
    expect(queried.acls).toEqual([attached])

    // Not enforced: dave, not a reader, still sees alice's profile.
    const other = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
    await ok(other, 'usersLogin', { login: 'dave', password: 'pw-dave' })
    const seen = (await ok(other, 'usersShow', { user_id: ids.alice })).body.response.users[0]
    expect(seen.acls).toEqual([{ ...attached, user: owner }])

    const made = (await ok(other, 'usersCreate', { username: 'zed', password: 'pw', password_confirmation: 'pw', acl_id: acl.id }))
      .body.response.users[0]
    expect(made.acls.map((item: { id: string }) => item.id)).toEqual([acl.id])

    await ok(app, 'aclsRemove', { id: acl.id })
    expect((await ok(app, 'usersShowMe')).body.response.users[0]).not.toHaveProperty('acls')
    expect((await ok(other, 'usersShowMe')).body.response.users[0]).not.toHaveProperty('acls')
  })
})
