import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { inProcessCall, okBody, refusal } from '../support/in-process-call.js'
import { sessionOf } from '../support/in-process-login.js'

/** Messages through app.request(): one test per rule of docs/messages.md. */

let cloud: MockCloud
let alice: string
let bob: string
let carol: string
let admin: string

const call = (verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) => inProcessCall(cloud, verb, `messages/${method}`, params, sessionId)
const ok = okBody
const failure = refusal

/** Sends from the session and returns the sender's copy; the server clock then moves a second on. */
async function send(sessionId: string, params: Record<string, string>): Promise<any> {
  const copy = (await ok(call('POST', 'create', params, sessionId))).response.messages[0]
  cloud.clock.advance('1s')
  return copy
}

/** `[body, status]` of each message a show/* call lists. */
async function listed(method: string, sessionId: string, params: Record<string, string> = {}): Promise<[string, string][]> {
  return (await ok(call('GET', method, params, sessionId))).response.messages.map((m: any) => [m.body, m.status])
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  ;[alice, bob, carol, admin] = (await Promise.all(['alice', 'bob', 'carol', 'admin'].map((name) => sessionOf(cloud, name)))) as [string, string, string, string]
})

describe('create: a copy per mailbox', () => {
  it('answers the sender’s sent copy, its id the thread’s; each recipient’s inbox gets an unread copy', async () => {
    const reply = await ok(call('POST', 'create', { to_ids: `${ids.bob},${ids.carol}`, subject: 'Hello World', body: 'This is a test', custom_fields: JSON.stringify({ field1: '1' }) }, alice))
    expect(reply.meta).toEqual({ code: 200, status: 'ok', method_name: 'createMessage' })
    const [sent] = reply.response.messages
    expect(sent).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      thread_id: sent.id,
      status: 'sent',
      subject: 'Hello World',
      body: 'This is a test',
      created_at: expect.stringMatching(/\+0000$/),
      updated_at: expect.any(String),
      from: expect.objectContaining({ id: ids.alice, username: 'alice' }),
      from_id: ids.alice,
      to: [expect.objectContaining({ id: ids.bob }), expect.objectContaining({ id: ids.carol })],
      to_ids: [ids.bob, ids.carol],
      custom_fields: { field1: '1' },
    })
    const inbox = (await ok(call('GET', 'show/inbox', {}, bob)))
    expect(inbox.meta).toEqual({ code: 200, status: 'ok', method_name: 'showMessagesInbox', page: 1, per_page: 10, total_pages: 1, total_results: 1 })
    expect(inbox.response.messages[0]).toMatchObject({ thread_id: sent.id, status: 'unread', from_id: ids.alice, custom_fields: { field1: '1' } })
    expect(inbox.response.messages[0].id).not.toBe(sent.id)
    expect(await listed('show/sent', alice)).toEqual([['This is a test', 'sent']])
    expect(await listed('show/inbox', carol)).toEqual([['This is a test', 'unread']])
    expect(await listed('show/inbox', alice)).toEqual([])
    expect((await ok(call('GET', 'count'))).meta).toEqual({ code: 200, status: 'ok', method_name: 'messagesCount', count: 3 })
  })

  it('refuses a send without body or recipients, and without a session', async () => {
    expect(await failure(call('POST', 'create', { to_ids: ids.bob }, alice))).toEqual({ status: 400, message: "Failed to send message: Validation failed - Body can't be blank.", method_name: 'createMessage' })
    expect((await failure(call('POST', 'create', { body: 'x' }, alice))).message).toBe('Failed to send message: Validation failed - To ids is invalid.')
    expect((await failure(call('POST', 'create', { body: 'x', to_ids: `${ids.bob},5f00000000000000000000ff` }, alice))).message).toBe('Failed to send message: Validation failed - To ids is invalid.')
    expect((await failure(call('POST', 'create', { body: 'x', to_ids: ids.bob }))).message).toBe('Failed to authenticate user')
    expect((await ok(call('GET', 'count'))).meta.count).toBe(0)
  })

  it('su_id: an admin sends as another user', async () => {
    expect((await send(admin, { to_ids: ids.bob, body: 'as carol', su_id: ids.carol })).from_id).toBe(ids.carol)
  })
})

describe('threads and replies', () => {
  let thread: string

  beforeEach(async () => {
    thread = (await send(alice, { to_ids: `${ids.bob},${ids.carol}`, subject: 'Plans', body: 'first' })).id
  })

  it('reply reaches the sender and the other recipients in the thread with its subject; the replied copy is replied', async () => {
    const inboxCopy = (await ok(call('GET', 'show/inbox', {}, bob))).response.messages[0]
    const reply = await ok(call('POST', 'reply', { message_id: inboxCopy.id, body: 'second' }, bob))
    expect(reply.meta.method_name).toBe('replyMessage')
    expect(reply.response.messages[0]).toMatchObject({ status: 'sent', subject: 'Plans', thread_id: thread, from_id: ids.bob, to_ids: [ids.alice, ids.carol] })
    expect(await listed('show/inbox', bob)).toEqual([['first', 'replied']])
    expect(await listed('show/inbox', alice)).toEqual([['second', 'unread']])
    expect(await listed('show/inbox', carol)).toEqual([['second', 'unread'], ['first', 'unread']])
    // The sender replies through the id of their own sent copy, as the SDK's suite does.
    await ok(call('POST', 'reply', { message_id: thread, body: 'third' }, alice))
    expect((await listed('show/inbox', bob))[0]).toEqual(['third', 'unread'])
  })

  it('show/thread: every copy of the caller in the thread, newest first, unread ones read; show/threads: one per thread', async () => {
    const inboxCopy = (await ok(call('GET', 'show/inbox', {}, bob))).response.messages[0]
    await ok(call('POST', 'reply', { message_id: inboxCopy.id, body: 'second' }, bob))
    cloud.clock.advance('1s')
    const threads = await ok(call('GET', 'show/threads', {}, carol))
    expect(threads.meta.method_name).toBe('showThreads')
    expect(threads.response.messages.map((m: any) => [m.body, m.thread_id, m.status])).toEqual([['first', thread, 'unread']])
    const shown = await ok(call('GET', 'show/thread', { thread_id: thread }, carol))
    expect(shown.meta).toMatchObject({ method_name: 'showThreadMessages', total_results: 2 })
    expect(shown.response.messages.map((m: any) => [m.body, m.status])).toEqual([['second', 'read'], ['first', 'read']])
    expect(await listed('show/inbox', carol)).toEqual([['second', 'read'], ['first', 'read']])
    expect(await listed('show/thread', alice, { thread_id: thread })).toEqual([['second', 'read'], ['first', 'sent']])
  })

  it('show: a copy of the caller’s, status unchanged; anyone else’s copy is an invalid id', async () => {
    const shown = await ok(call('GET', 'show', { message_id: thread }, alice))
    expect(shown.meta.method_name).toBe('showMessage')
    expect(shown.response.messages[0]).toMatchObject({ id: thread, status: 'sent', from: { id: ids.alice } })
    expect(await failure(call('GET', 'show', { message_id: thread }, bob))).toEqual({ status: 400, message: 'Invalid message id', method_name: 'showMessage' })
    expect((await failure(call('GET', 'show', {}, bob))).message).toBe('Required field: message_id')
  })

  it('delete removes one copy only; delete/thread the caller’s copies of the thread only', async () => {
    const bobs = (await ok(call('GET', 'show/inbox', {}, bob))).response.messages[0]
    expect(await ok(call('DELETE', 'delete', { message_id: bobs.id }, bob))).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteMessage' } })
    expect(await listed('show/inbox', bob)).toEqual([])
    expect(await listed('show/inbox', carol)).toEqual([['first', 'unread']])
    expect(await failure(call('DELETE', 'delete', { message_id: bobs.id }, bob))).toEqual({ status: 400, message: 'Invalid message id', method_name: 'deleteMessage' })
    expect(await ok(call('DELETE', 'delete/thread', { thread_id: thread }, alice))).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteMessageThread' } })
    expect(await listed('show/sent', alice)).toEqual([])
    expect(await listed('show/inbox', carol)).toEqual([['first', 'unread']])
    expect(await failure(call('DELETE', 'delete/thread', {}, alice))).toEqual({ status: 400, message: 'Required field: thread_id', method_name: 'deleteMessageThread' })
    expect((await failure(call('DELETE', 'delete/thread', { thread_id: thread }, alice))).message).toBe('Invalid thread id')
  })

  it('reply refusals: no message_id, no body, a message of a thread the caller is not in', async () => {
    expect(await failure(call('POST', 'reply', { body: 'x' }, bob))).toEqual({ status: 400, message: 'Required field: message_id', method_name: 'replyMessage' })
    expect(await failure(call('POST', 'reply', { message_id: thread }, bob))).toEqual({ status: 400, message: 'Required field: body', method_name: 'replyMessage' })
    expect((await failure(call('POST', 'reply', { message_id: thread, body: 'x' }, admin))).message).toBe('Invalid message id')
  })
})

describe('query', () => {
  it('a query over the caller’s copies (an admin’s: all), oldest first; needs a session', async () => {
    await send(alice, { to_ids: ids.bob, body: 'one' })
    await send(bob, { to_ids: ids.alice, body: 'two' })
    const mine = await ok(call('GET', 'query', {}, alice))
    expect(mine.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryMessages' })
    expect(mine.response.messages.map((m: any) => [m.body, m.status])).toEqual([['one', 'sent'], ['two', 'unread']])
    expect((await ok(call('GET', 'query', { where: JSON.stringify({ status: 'unread' }) }, alice))).response.messages.map((m: any) => m.body)).toEqual(['two'])
    expect((await ok(call('GET', 'query', { count: 'true' }, admin))).meta.count).toBe(4)
    expect((await failure(call('GET', 'query'))).message).toBe('Failed to authenticate user')
  })
})
