import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { ok, refused, signedInSdk } from '../support/arrowdb-calls.js'

/**
 * Messages end to end over real HTTP, as the clients' own suites drive them: the `arrowdb` SDK
 * (1.0.12: create, the recipient's inbox and threads, show/sent, reply through the sender's copy,
 * show/thread, delete/thread and the 400s of reply and delete) and the Node `Cloud` (ti.cloud's
 * anvil suite: create reads back `status: sent`, a reply keeps the subject and thread).
 */

const server = serverForFile()

describe('Messages over real HTTP', () => {
  it('the arrowdb SDK: create → inbox and threads of the recipient → reply via the sent copy → thread → delete', async () => {
    const [alice, bob] = [await signedInSdk(server().url, 'alice'), await signedInSdk(server().url, 'bob')]
    const made = (await ok(alice, 'messagesCreate', { to_ids: ids.bob, subject: 'Hi', body: 'Hello' })).body
    expect(made.meta.method_name).toBe('createMessage')
    const sent = made.response.messages[0]
    expect(sent).toMatchObject({ status: 'sent', body: 'Hello', subject: 'Hi', thread_id: sent.id })
    expect((await ok(bob, 'messagesShowInbox')).body.response.messages.map((m: { status: string }) => m.status)).toEqual(['unread'])
    expect((await ok(bob, 'messagesShowThreads')).body.response.messages[0]).toMatchObject({ thread_id: sent.id, status: 'unread' })
    expect((await ok(alice, 'messagesShowSent')).body.response.messages[0].id).toBe(sent.id)
    expect((await refused(alice, 'messagesReply', { message_id: sent.id })).statusCode).toBe(400)
    expect((await refused(alice, 'messagesReply', { body: 'x' })).statusCode).toBe(400)
    const replied = (await ok(alice, 'messagesReply', { message_id: sent.id, body: 'Again' })).body
    expect(replied.meta.method_name).toBe('replyMessage')
    const thread = (await ok(alice, 'messagesShowThread', { thread_id: sent.id })).body
    expect(thread.meta.method_name).toBe('showThreadMessages')
    expect(thread.response.messages[0].status).toBe('sent')
    expect((await ok(alice, 'messagesQuery')).body.meta.method_name).toBe('queryMessages')
    expect((await ok(alice, 'messagesCount')).body.meta.count).toBe(4)
    expect((await ok(alice, 'messagesDeleteThread', { thread_id: sent.id })).body.meta.method_name).toBe('deleteMessageThread')
    expect((await refused(alice, 'messagesRemoveThread', {})).statusCode).toBe(400)
    const gone = await refused(alice, 'messagesDelete', { message_id: sent.id })
    expect([gone.statusCode, gone.reason]).toEqual([400, 'Invalid message id'])
    const inbox = (await ok(bob, 'messagesShowInbox')).body.response.messages
    expect((await ok(bob, 'messagesRemove', { message_id: inbox[0].id })).body.meta.method_name).toBe('deleteMessage')
  })

  it('Cloud.Messages as ti.cloud’s suite calls it: create, the reply keeps subject and thread', async () => {
    const alice = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => alice.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
    const made = await outcome((cb) => alice.Messages.create({ to_ids: ids.bob, body: 'Test message', subject: 'Test subject' }, cb))
    expect(made.messages[0].status).toBe('sent')
    const bob = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => bob.Users.login({ login: 'bob', password: 'pw-bob' }, cb))
    const inbox = await outcome((cb) => bob.Messages.showInbox(cb))
    expect(inbox.messages[0].from.id).toBe(ids.alice)
    const reply = await outcome((cb) => bob.Messages.reply({ message_id: inbox.messages[0].id, body: 'Reply' }, cb))
    expect(reply.messages[0]).toMatchObject({ status: 'sent', subject: 'Test subject', thread_id: made.messages[0].thread_id })
    expect((await outcome((cb) => alice.Messages.showThreads(cb))).messages).toHaveLength(1)
    expect((await outcome((cb) => alice.Messages.removeThread({ thread_id: made.messages[0].thread_id }, cb))).success).toBe(true)
  })
})
