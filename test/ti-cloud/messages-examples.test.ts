import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { logIn, useTitaniumApp } from '../support/titanium-app.js'
import * as example from './messages-examples.js'

/**
 * The Modules.Cloud.Messages documentation's examples (their text is in ./messages-examples.js) run
 * unchanged against a mock-cloud server holding fixture S. Alice writes to bob (`toSet`); the
 * app keeps the id of the message and thread it works on in `savedMessageId` and `savedThreadId`.
 * Each test checks the alerts (docs/messages.md).
 */

const t = useTitaniumApp({ globals: { toSet: { ids: [ids.bob] }, savedMessageId: '', savedThreadId: '' } })

/** Alice's Create Message example, then bob signed in; the app keeps the thread (and bob's inbox copy). */
async function aliceWroteToBob(): Promise<{ thread: string; inbox: string }> {
  await logIn(t.Cloud, 'alice')
  const sent = (await t.app.run(example.createMessage)).replies[0]!.messages[0]
  await logIn(t.Cloud, 'bob')
  const inbox = (await t.call('GET', 'messages/show/inbox', { _session_id: t.Cloud.sessionId })).body.response.messages[0]
  Object.assign(globalThis, { savedThreadId: sent.thread_id, savedMessageId: inbox.id })
  return { thread: sent.thread_id, inbox: inbox.id }
}

const shown = (id: string, body: string) => new RegExp(`^Success:\\nid: ${id ?? '[0-9a-f]{24}'}\\nsubject: Test Message\\nbody: ${body}\\nupdated_at: \\d{4}-.*\\+0000$`)

describe('Create Message', () => {
  it('alerts the sent copy: id, subject, body, updated_at', async () => {
    await logIn(t.Cloud, 'alice')
    const { alerts, replies } = await t.app.run(example.createMessage)
    expect(alerts).toEqual([expect.stringMatching(shown(replies[0]!.messages[0].id, 'Hello World'))])
  })

  it('alerts the error without a session', async () => {
    expect((await t.app.run(example.createMessage)).alerts).toEqual(['Error:\nFailed to authenticate user'])
  })
})

describe('Reply to a Message, Show a Message', () => {
  it('reply keeps the subject; show alerts bob’s copy', async () => {
    const { inbox } = await aliceWroteToBob()
    expect((await t.app.run(example.replyToAMessage)).alerts).toEqual([expect.stringMatching(shown('[0-9a-f]{24}', 'Welcome'))])
    expect((await t.app.run(example.showAMessage)).alerts).toEqual([expect.stringMatching(shown(inbox, 'Hello World'))])
  })
})

describe('Show Inbox Messages, Show Sent Messages, Show Message Threads, Show Thread Messages', () => {
  it('alert the count, then each message', async () => {
    const { thread } = await aliceWroteToBob()
    const inbox = (await t.app.run(example.showInboxMessages)).alerts
    expect(inbox).toEqual(['Success:\nCount: 1', expect.stringMatching(shown('[0-9a-f]{24}', 'Hello World'))])
    expect((await t.app.run(example.showSentMessages)).alerts).toEqual(['Success:\nCount: 0'])
    const threads = (await t.app.run(example.showMessageThreads)).alerts
    expect(threads).toEqual(['Success:\nCount: 1', expect.stringContaining(`thread id: ${thread}\nsubject: Test Message\nbody: Hello World`)])
    const inThread = (await t.app.run(example.showThreadMessages)).alerts
    expect(inThread).toEqual(['Success:\nCount: 1', expect.stringContaining(`thread id: ${thread}`)])
  })
})

describe('Remove a Message, Remove Thread Messages', () => {
  it('alert Removed; the copies are gone, and a second removal alerts the error', async () => {
    await aliceWroteToBob()
    expect((await t.app.run(example.removeAMessage)).alerts).toEqual(['Removed'])
    expect((await t.app.run(example.removeAMessage)).alerts).toEqual(['Error:\nInvalid message id'])
    await logIn(t.Cloud, 'alice')
    expect((await t.app.run(example.removeThreadMessages)).alerts).toEqual(['Removed'])
    expect((await t.app.run(example.showSentMessages)).alerts).toEqual(['Success:\nCount: 0'])
  })
})
