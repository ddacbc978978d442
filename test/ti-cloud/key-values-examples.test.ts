import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import * as example from './key-values-examples.js'

/**
 * The Modules.Cloud.KeyValues documentation's examples (their text is in
 * ./key-values-examples.js) run unchanged against a mock-cloud server holding fixture S, alice
 * signed in unless a test says otherwise. Each test checks the alerts and what the example's
 * callback was given (docs/key-values.md).
 */

const WELCOME = 'Welcome to Appcelerator Cloud Services'
const NO_SESSION = 'Error:\nFailed to authenticate user'

const t = useTitaniumApp()
const signIn = () => logIn(t.Cloud, 'alice')

/** What the public store holds under `name`, asked over HTTP. */
async function stored(name: string): Promise<unknown> {
  const reply = await t.call('GET', 'keyvalues/get', { name })
  return reply.body.meta.status === 'ok' ? reply.body.response.keyvalues[0].value : reply.body.meta.message
}

describe('Set a Key-Value', () => {
  it('alerts Success and hands the callback the pair, owned by the signed-in user', async () => {
    await signIn()
    const { alerts, replies } = await t.app.run(example.setAKeyValue)
    expect(alerts).toEqual(['Success'])
    expect(replies[0]).toMatchObject({ success: true, error: false, meta: { code: 200, method_name: 'setKeyvalue' } })
    expect(replies[0]?.keyvalues).toEqual([expect.objectContaining({ name: 'welcome_message', value: WELCOME, user_id: ids.alice })])
    expect(await stored('welcome_message')).toBe(WELCOME)
  })

  it('needs a session, and stores nothing without one', async () => {
    expect((await t.app.run(example.setAKeyValue)).alerts).toEqual([NO_SESSION])
    expect(await stored('welcome_message')).toBe('Invalid key-value name')
  })
})

describe('Get a Key-Value', () => {
  it('alerts the name and value; a public value needs no session', async () => {
    await t.server.seed({ users: [{ username: 'kv-owner', password: 'pw' }], keyvalues: [{ name: 'welcome_message', value: WELCOME, owner: 'kv-owner' }] })
    const { alerts, replies } = await t.app.run(example.getAKeyValue)
    expect(alerts).toEqual([`Success:\nname: welcome_message\nvalue: ${WELCOME}`])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'getKeyvalue' } })
  })

  it('alerts Invalid key-value name while nothing is stored', async () => {
    expect((await t.app.run(example.getAKeyValue)).alerts).toEqual(['Error:\nInvalid key-value name'])
  })
})

describe('Append a Key-Value', () => {
  it('alerts the value with the text added at its end, after Set', async () => {
    await signIn()
    await t.app.run(example.setAKeyValue)
    const { alerts, replies } = await t.app.run(example.appendAKeyValue)
    expect(alerts).toEqual([`Success:\nname: welcome_message\nvalue: ${WELCOME}, take a look around`])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'appendKeyvalue' } })
    expect(await stored('welcome_message')).toBe(`${WELCOME}, take a look around`)
  })

  it('needs a session', async () => {
    expect((await t.app.run(example.appendAKeyValue)).alerts).toEqual([NO_SESSION])
  })
})

describe('Increment a Key-Value', () => {
  it('alerts 1 for a score not stored yet, then 2; the value is a number', async () => {
    await signIn()
    const first = await t.app.run(example.incrementAKeyValue)
    expect(first.alerts).toEqual(['Success:\nname: score\nvalue: 1'])
    expect(first.replies[0]).toMatchObject({ success: true, meta: { method_name: 'incrbyKeyvalue' } })
    expect((await t.app.run(example.incrementAKeyValue)).alerts).toEqual(['Success:\nname: score\nvalue: 2'])
    expect(await stored('score')).toBe(2)
  })

  it('adds 1 to a score stored as text', async () => {
    await t.server.seed({ users: [{ username: 'kv-owner', password: 'pw' }], keyvalues: [{ name: 'score', value: '41', owner: 'kv-owner' }] })
    await signIn()
    expect((await t.app.run(example.incrementAKeyValue)).alerts).toEqual(['Success:\nname: score\nvalue: 42'])
  })
})

describe('Remove a Key-Value', () => {
  it('alerts Success and the pair is gone; a second run finds no such name', async () => {
    await signIn()
    await t.app.run(example.setAKeyValue)
    const { alerts, replies } = await t.app.run(example.removeAKeyValue)
    expect(alerts).toEqual(['Success'])
    expect(replies[0]).toMatchObject({ success: true, meta: { method_name: 'deleteKeyvalue' } })
    expect(await stored('welcome_message')).toBe('Invalid key-value name')
    expect((await t.app.run(example.removeAKeyValue)).alerts).toEqual(['Error:\nInvalid key-value name'])
  })
})

describe('the examples in the documentation\'s order, one session', () => {
  it('set, get, append, increment, remove, then get again', async () => {
    await signIn()
    const alerts: string[] = []
    for (const code of [example.setAKeyValue, example.getAKeyValue, example.appendAKeyValue, example.incrementAKeyValue, example.removeAKeyValue, example.getAKeyValue]) {
      alerts.push(...(await t.app.run(code)).alerts)
    }
    expect(alerts).toEqual([
      'Success',
      `Success:\nname: welcome_message\nvalue: ${WELCOME}`,
      `Success:\nname: welcome_message\nvalue: ${WELCOME}, take a look around`,
      'Success:\nname: score\nvalue: 1',
      'Success',
      'Error:\nInvalid key-value name',
    ])
  })
})
