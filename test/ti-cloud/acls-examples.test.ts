import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import { installTitaniumGlobals, outcome } from '../support/titanium.js'
import * as example from './acls-examples.js'

/**
 * The Modules.Cloud.ACLs documentation's examples (their text is in ./acls-examples.js) run
 * unchanged against a mock-cloud server holding fixture S. The app's globals: `readers` names bob
 * and carol, `writers` bob, `userID` bob; alice is signed in unless a test says otherwise. Each
 * test checks the alerts and what the example's callback was given (docs/acls.md).
 */

const NO_SESSION = 'Error:\nFailed to authenticate user'
const NO_SUCH_ACL = 'Error:\nInvalid ACL name'

const t = useTitaniumApp({ globals: { readers: { ids: [ids.bob, ids.carol] }, writers: { ids: [ids.bob] }, userID: ids.bob } })
const signIn = (login = 'alice') => logIn(t.Cloud, login)

/**
 * Alice makes her `testACL` with these lists, both flags false, on a Cloud of her own (a seeded
 * fixture cannot name the baseline's users as owners).
 */
async function givenTestAcl(readers: string[], writers: string[]): Promise<void> {
  const alice = createCloud({ url: t.server.url, key: 'TESTKEY' })
  await logIn(alice, 'alice')
  const created = await outcome((cb) => alice.ACLs.create({ name: 'testACL', reader_ids: readers, writer_ids: writers }, cb))
  expect(created.success).toBe(true)
}

/** testACL as the service stores it now, read by its owner. */
async function storedTestAcl(): Promise<Record<string, unknown>> {
  const e = await outcome((cb) => t.Cloud.ACLs.show({ name: 'testACL' }, cb))
  expect(e.success).toBe(true)
  return e.acls[0]
}

describe('Create an ACL', () => {
  it('needs a session', async () => {
    expect((await t.app.run(example.createAnAcl)).alerts).toEqual([NO_SESSION])
    expect((await t.call('GET', 'acls/count')).body.meta.count).toBe(0)
  })

  it('alerts Created! and hands the callback the ACL, the strings "false" read as false', async () => {
    await signIn()
    const { alerts, replies } = await t.app.run(example.createAnAcl)
    expect(alerts).toEqual(['Created!'])
    expect(replies).toHaveLength(1)
    expect(replies[0]).toMatchObject({ success: true, error: false, meta: { code: 200, method_name: 'createAcl' } })
    expect(replies[0]?.acls).toEqual([
      expect.objectContaining({
        name: 'testACL',
        public_read: false,
        public_write: false,
        readers: [ids.bob, ids.carol, ids.alice],
        writers: [ids.bob, ids.alice],
        user_id: ids.alice,
      }),
    ])
  })

  it('a second run meets the name already taken', async () => {
    await signIn()
    await t.app.run(example.createAnAcl)
    expect((await t.app.run(example.createAnAcl)).alerts).toEqual([
      'Error:\nFailed to create ACL: Validation failed - Name is already taken.',
    ])
  })
})

describe('Update an ACL', () => {
  it('alerts Updated!; the ACL turns public and the emptied lists keep only the owner', async () => {
    await givenTestAcl([ids.bob, ids.carol], [ids.bob])
    await signIn()
    const { alerts, replies } = await t.app.run(example.updateAnAcl)
    expect(alerts).toEqual(['Updated!'])
    const [acl] = replies[0]?.acls
    expect(acl).toMatchObject({ name: 'testACL', public_read: true, public_write: true })
    // While an ACL is public its lists are not shown.
    expect(acl.readers).toBeUndefined()
    expect(acl.writers).toBeUndefined()
    await outcome((cb) => t.Cloud.ACLs.update({ name: 'testACL', public_read: false, public_write: false }, cb))
    expect(await storedTestAcl()).toMatchObject({ readers: [ids.alice], writers: [ids.alice] })
  })

  it('alerts Invalid ACL name when the user has no testACL, even if another user has one', async () => {
    await givenTestAcl([], [])
    await signIn('bob')
    expect((await t.app.run(example.updateAnAcl)).alerts).toEqual([NO_SUCH_ACL])
  })

  it('needs a session', async () => {
    await givenTestAcl([], [])
    expect((await t.app.run(example.updateAnAcl)).alerts).toEqual([NO_SESSION])
  })
})

describe('Show an ACL', () => {
  it('alerts Shown! and hands the callback the ACL', async () => {
    await givenTestAcl([ids.carol], [])
    await signIn()
    const { alerts, replies } = await t.app.run(example.showAnAcl)
    expect(alerts).toEqual(['Shown!'])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'showAcl' } })
    expect(replies[0]?.acls).toEqual([
      expect.objectContaining({ name: 'testACL', readers: [ids.carol, ids.alice], writers: [ids.alice], user_id: ids.alice }),
    ])
  })

  it('alerts Invalid ACL name before it exists', async () => {
    await signIn()
    expect((await t.app.run(example.showAnAcl)).alerts).toEqual([NO_SUCH_ACL])
  })
})

describe('Remove an ACL', () => {
  it('alerts Removed! and the ACL is gone; a second run finds no such name', async () => {
    await givenTestAcl([], [])
    await signIn()
    const { alerts, replies } = await t.app.run(example.removeAnAcl)
    expect(alerts).toEqual(['Removed!'])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'deleteAcl' } })
    expect((await t.call('GET', 'acls/count')).body.meta.count).toBe(0)
    expect((await t.app.run(example.removeAnAcl)).alerts).toEqual([NO_SUCH_ACL])
  })

  it('another user cannot remove alice\'s ACL by its name (names are looked up among their own)', async () => {
    await givenTestAcl([], [])
    await signIn('bob')
    expect((await t.app.run(example.removeAnAcl)).alerts).toEqual([NO_SUCH_ACL])
    expect((await t.call('GET', 'acls/count')).body.meta.count).toBe(1)
  })
})

describe('Add user to an ACL', () => {
  it('alerts Added!; the new ids join the lists ahead of the owner, carol (already a reader) once', async () => {
    await givenTestAcl([ids.carol], [])
    await signIn()
    const { alerts, replies } = await t.app.run(example.addUserToAnAcl)
    expect(alerts).toEqual(['Added!'])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'addAcl' } })
    expect(await storedTestAcl()).toMatchObject({ readers: [ids.carol, ids.bob, ids.alice], writers: [ids.bob, ids.alice] })
  })
})

describe('Remove user from an ACL', () => {
  it('alerts Removed! and only the users not named, and the owner, stay', async () => {
    await givenTestAcl([ids.bob, ids.carol, ids.dave], [ids.bob, ids.dave])
    await signIn()
    const { alerts, replies } = await t.app.run(example.removeUserFromAnAcl)
    expect(alerts).toEqual(['Removed!'])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'removeAcl' } })
    expect(await storedTestAcl()).toMatchObject({ readers: [ids.dave, ids.alice], writers: [ids.dave, ids.alice] })
  })
})

describe('Check user permissions', () => {
  it('the callback gets read_permission/write_permission; the example reads other keys and alerts undefined', async () => {
    await givenTestAcl([ids.bob], [])
    await signIn()
    const { alerts, replies } = await t.app.run(example.checkUserPermissions)
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'checkAcl' } })
    expect(replies[0]?.permission).toEqual({ read_permission: true, write_permission: false })
    // As published, the example looks up 'read permission' and 'write permission' (with a space).
    expect(alerts).toEqual(['Read Permission: undefined\nWrite Permission: undefined'])
  })

  it('alerts Invalid user id when userID names nobody', async () => {
    await givenTestAcl([], [])
    await signIn()
    t.app.remove()
    t.app = installTitaniumGlobals(t.Cloud, { userID: '5f00000000000000000000ff' })
    expect((await t.app.run(example.checkUserPermissions)).alerts).toEqual(['Error:\nInvalid user id'])
  })
})

describe('the examples in the documentation\'s order, one session', () => {
  it('create, update, show, remove, then add and remove users on a new testACL, check', async () => {
    await signIn()
    const alerts: string[] = []
    for (const code of [example.createAnAcl, example.updateAnAcl, example.showAnAcl, example.removeAnAcl, example.createAnAcl]) {
      alerts.push(...(await t.app.run(code)).alerts)
    }
    for (const code of [example.removeUserFromAnAcl, example.addUserToAnAcl, example.checkUserPermissions]) {
      alerts.push(...(await t.app.run(code)).alerts)
    }
    expect(alerts).toEqual([
      'Created!',
      'Updated!',
      'Shown!',
      'Removed!',
      'Created!',
      'Removed!',
      'Added!',
      'Read Permission: undefined\nWrite Permission: undefined',
    ])
    expect(t.app.replies.at(-1)?.permission).toEqual({ read_permission: true, write_permission: true })
  })
})
