import { createCloud, type Cloud } from 'mock-cloud/ti-cloud'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Fixture, FixtureUser } from '../../src/objects/index.js'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer, type Call } from '../support/client.js'
import { installTitaniumGlobals, type TitaniumGlobals } from '../support/titanium.js'
import * as example from './docs-examples.js'

/**
 * Every example of Titanium's Modules.Cloud.Users documentation, run as written (their text is
 * in ./docs-examples.js) with a global `Cloud` from `createCloud` and a captured `alert`, against
 * a mock-cloud server. Each test asserts the alerts the example shows; messages are the server's.
 */

const NO_SESSION = 'You need to sign in or sign up before continuing.'

const ids = {
  tester: '6a0000000000000000000002',
  joe1: '6a0000000000000000000003',
  // The examples' own user gets the highest id, so it sorts last however search orders.
  test: '6a0000000000000000000007',
} as const

/** Users the search and query examples look for, and some they must not find. */
const docsFixture: Fixture = {
  users: [
    { id: ids.tester, username: 'tester', email: 'tester@example.com', password: 'tester-pass', first_name: 'Tess', last_name: 'Tester' },
    { id: ids.joe1, username: 'joe1', password: 'joe-pass', first_name: 'joe', last_name: 'Older', custom_fields: { age: 30, favorite_color: 'blue' } },
    { id: '6a0000000000000000000004', username: 'joe2', password: 'joe-pass', first_name: 'joe', last_name: 'Younger', custom_fields: { age: 25, favorite_color: 'blue' } },
    { id: '6a0000000000000000000005', username: 'joe3', password: 'joe-pass', first_name: 'joe', last_name: 'Red', custom_fields: { age: 40, favorite_color: 'red' } },
    { id: '6a0000000000000000000006', username: 'jim', password: 'jim-pass', first_name: 'jim', last_name: 'Blue', custom_fields: { age: 30, favorite_color: 'blue' } },
  ],
}

/** The user the create and login examples name. */
function exampleUser(password = 'test_password'): FixtureUser {
  return { id: ids.test, email: 'test@mycompany.com', password, first_name: 'test_firstname', last_name: 'test_lastname' }
}

let server: RunningMockCloud
let call: Call
let Cloud: Cloud
let app: TitaniumGlobals

beforeAll(async () => {
  ;({ server, call } = await startServer({ fixtures: docsFixture }))
})
afterAll(() => server.stop())

beforeEach(async () => {
  await server.reset()
  Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
  app = installTitaniumGlobals(Cloud, { savedUserInfo: { id: ids.test } })
})
afterEach(() => app.remove())

/** Runs one example (or any app code) and gives the alerts it showed. */
const run = async (code: () => void): Promise<string[]> => (await app.run(code)).alerts

/** Logs the example user in with the documentation's own Log in example. */
async function logInExampleUser(): Promise<void> {
  const alerts = await run(example.logInUser)
  expect(alerts[0]).toMatch(/^Success:/)
}

describe('Create User', () => {
  it('alerts the new user, with the session from meta.session_id in Cloud.sessionId', async () => {
    const alerts = await run(example.createUser)
    const stored = await call('GET', 'users/query', { where: { email: 'test@mycompany.com' } })
    const id = stored.body.response.users[0].id as string
    expect(Cloud.sessionId).toMatch(/^[\w-]{20,}$/)
    expect(alerts).toEqual([
      `Success:\nid: ${id}\nsessionId: ${Cloud.sessionId}\nfirst name: test_firstname\nlast name: test_lastname`,
    ])
    // The new user is logged in on this Cloud.
    const me = await run(example.showCurrentUser)
    expect(me).toEqual([`Success:\nid: ${id}\nfirst name: test_firstname\nlast name: test_lastname`])
  })

  it('alerts the duplicate-email failure when the email is taken', async () => {
    await server.seed({ users: [exampleUser()] })
    expect(await run(example.createUser)).toEqual(['Error:\nFailed to create user: Validation failed - Email is already taken.'])
    expect(Cloud.sessionId).toBeUndefined()
  })
})

describe('Log in User', () => {
  it('alerts the user and the session id', async () => {
    await server.seed({ users: [exampleUser()] })
    const alerts = await run(example.logInUser)
    expect(Cloud.sessionId).toMatch(/^[\w-]{20,}$/)
    expect(alerts).toEqual([
      `Success:\nid: ${ids.test}\nsessionId: ${Cloud.sessionId}\nfirst name: test_firstname\nlast name: test_lastname`,
    ])
  })

  it('alerts the login failure for a wrong password and keeps no session', async () => {
    await server.seed({ users: [exampleUser('another-password')] })
    expect(await run(example.logInUser)).toEqual(['Error:\nInvalid email/username or password.'])
    expect(Cloud.sessionId).toBeUndefined()
  })
})

describe('Show User', () => {
  it('alerts the user named by savedUserInfo.id', async () => {
    await server.seed({ users: [exampleUser()] })
    expect(await run(example.showUser)).toEqual([
      `Success:\nid: ${ids.test}\nfirst name: test_firstname\nlast name: test_lastname`,
    ])
  })

  it('alerts User not found for an id nobody has', async () => {
    expect(await run(example.showUser)).toEqual(['Error:\nUser not found.'])
  })
})

describe('Show Current User', () => {
  it('alerts the logged-in user', async () => {
    await server.seed({ users: [exampleUser()] })
    await logInExampleUser()
    expect(await run(example.showCurrentUser)).toEqual([
      `Success:\nid: ${ids.test}\nfirst name: test_firstname\nlast name: test_lastname`,
    ])
  })

  it('alerts the sign-in failure when nobody is logged in', async () => {
    expect(await run(example.showCurrentUser)).toEqual([`Error:\n${NO_SESSION}`])
  })
})

describe('Search for Users', () => {
  it('alerts the count, then each user with the whole word "test" in a field (not "tester")', async () => {
    await server.seed({ users: [exampleUser()] })
    expect(await run(example.searchForUsers)).toEqual([
      'Success:\nCount: 1',
      `id: ${ids.test}\nfirst name: test_firstname\nlast name: test_lastname`,
    ])
  })
})

describe('Query for Users', () => {
  it('alerts the users matching where on custom fields (age > 28, blue) and first_name joe', async () => {
    expect(await run(example.queryForUsers)).toEqual(['Success:\nCount: 1', `id: ${ids.joe1}\nfirst name: joe\nlast name: Older`])
  })
})

describe('Update User', () => {
  it('alerts the updated names, and the custom fields and email are stored', async () => {
    await server.seed({ users: [exampleUser()] })
    await logInExampleUser()
    expect(await run(example.updateUser)).toEqual([`Success:\nid: ${ids.test}\nfirst name: joe\nlast name: user`])
    const me = await call('GET', 'users/show/me', {}, { session: Cloud.sessionId as string })
    expect(me.body.response.users[0]).toMatchObject({
      email: 'joeuser@mycompany.com',
      custom_fields: { favorite_color: 'blue', age: 25 },
    })
  })

  it('alerts the sign-in failure when nobody is logged in', async () => {
    expect(await run(example.updateUser)).toEqual([`Error:\n${NO_SESSION}`])
  })
})

describe('Logout User', () => {
  it('alerts the logout, clears Cloud.sessionId, and the old session no longer works', async () => {
    await server.seed({ users: [exampleUser()] })
    await logInExampleUser()
    const session = Cloud.sessionId as string
    expect(await run(example.logoutUser)).toEqual(['Success: Logged out'])
    expect(Cloud.sessionId).toBeUndefined()
    const me = await call('GET', 'users/show/me', {}, { session })
    expect(me.body.meta).toMatchObject({ status: 'fail', code: 401, message: NO_SESSION })
    expect(await run(example.showCurrentUser)).toEqual([`Error:\n${NO_SESSION}`])
  })

  it('alerts the sign-in failure when nobody is logged in', async () => {
    expect(await run(example.logoutUser)).toEqual([`Error:\n${NO_SESSION}`])
  })
})

describe('Remove User', () => {
  it('alerts the removal; the user can no longer log in', async () => {
    await server.seed({ users: [exampleUser()] })
    await logInExampleUser()
    expect(await run(example.removeUser)).toEqual(['Success: Removed'])
    expect(Cloud.sessionId).toBeUndefined()
    expect(await run(example.logInUser)).toEqual(['Error:\nInvalid email/username or password.'])
  })

  it('alerts the sign-in failure when nobody is logged in', async () => {
    expect(await run(example.removeUser)).toEqual([`Error:\n${NO_SESSION}`])
  })
})

describe('Request Reset Password User', () => {
  it('alerts the request when the email belongs to a user', async () => {
    await server.seed({ users: [{ username: 'joeuser', email: 'joeuser@mycompany.com', password: 'joe-pass' }] })
    expect(await run(example.requestResetPasswordUser)).toEqual(['Success: Reset Request Sent'])
  })

  it('alerts the unknown-email failure otherwise', async () => {
    expect(await run(example.requestResetPasswordUser)).toEqual(['Error:\nNo user found with this email address.'])
  })
})

describe('the examples one after another, as an app runs them', () => {
  it('create → logout → log in → update → show → query → logout', async () => {
    const created = await run(example.createUser)
    expect(created[0]).toMatch(/^Success:/)
    expect(await run(example.logoutUser)).toEqual(['Success: Logged out'])
    const loggedIn = await run(example.logInUser)
    const id = /id: (\w+)/.exec(loggedIn[0] ?? '')?.[1]
    expect(id).toMatch(/^[0-9a-f]{24}$/)
    expect(await run(example.updateUser)).toEqual([`Success:\nid: ${id}\nfirst name: joe\nlast name: user`])
    Object.assign(globalThis, { savedUserInfo: { id } })
    expect(await run(example.showUser)).toEqual([`Success:\nid: ${id}\nfirst name: joe\nlast name: user`])
    // Now 25 years old: still only joe1 is over 28.
    expect(await run(example.queryForUsers)).toEqual(['Success:\nCount: 1', `id: ${ids.joe1}\nfirst name: joe\nlast name: Older`])
    expect(await run(example.logoutUser)).toEqual(['Success: Logged out'])
  })
})
