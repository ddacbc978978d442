import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { inProcessCall, okBody, refusal } from '../support/in-process-call.js'
import { sessionOf } from '../support/in-process-login.js'

/** Chats through app.request(): one test per rule of docs/chats.md. */

let cloud: MockCloud
let alice: string
let bob: string
let carol: string
let admin: string

const call = (verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) => inProcessCall(cloud, verb, `chats/${method}`, params, sessionId)
const ok = okBody
const failure = refusal

/**
 * Sends `message` from the session to `to_ids` (or into `chat_group_id`) and returns the chat; the
 * server clock then moves a second on, so orders by date do not meet ties.
 */
async function send(sessionId: string, target: Record<string, string>, message: string): Promise<any> {
  const chat = (await ok(call('POST', 'create', { ...target, message }, sessionId))).response.chats[0]
  cloud.clock.advance('1s')
  return chat
}

const messagesOf = (body: any) => body.response.chats.map((chat: { message: string }) => chat.message)

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  ;[alice, bob, carol, admin] = (await Promise.all(['alice', 'bob', 'carol', 'admin'].map((name) => sessionOf(cloud, name)))) as [string, string, string, string]
})

describe('create: the group of exactly the sender and to_ids, found again or made', () => {
  it('answers the chat with its sender and its group (members embedded from depth 2)', async () => {
    const reply = await ok(call('POST', 'create', { to_ids: ids.bob, message: 'Hello', custom_fields: JSON.stringify({ mood: 'happy' }) }, alice))
    expect(reply.meta).toEqual({ code: 200, status: 'ok', method_name: 'createChatMessage' })
    const [chat] = reply.response.chats
    expect(chat).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      created_at: expect.stringMatching(/\+0000$/),
      updated_at: expect.any(String),
      message: 'Hello',
      from: expect.objectContaining({ id: ids.alice, username: 'alice', email: 'alice@example.com' }),
      custom_fields: { mood: 'happy' },
      chat_group: { id: expect.stringMatching(/^[0-9a-f]{24}$/), created_at: expect.any(String), updated_at: expect.any(String), message: 'Hello', participate_ids: [ids.alice, ids.bob] },
    })
    const deep = await ok(call('POST', 'create', { to_ids: ids.bob, message: 'Again', response_json_depth: '2' }, alice))
    expect(deep.response.chats[0].chat_group.participate_users.map((user: any) => user.username)).toEqual(['alice', 'bob'])
    expect(deep.response.chats[0].chat_group.id).toBe(chat.chat_group.id)
  })

  it('reuses the group whoever sends, whatever the order; another set of users is another group', async () => {
    const first = await send(alice, { to_ids: `${ids.bob},${ids.carol}` }, 'one')
    const second = await send(carol, { to_ids: JSON.stringify([ids.bob, ids.alice]) }, 'two')
    expect(second.chat_group.id).toBe(first.chat_group.id)
    expect(second.chat_group.message).toBe('two')
    const byId = await send(bob, { chat_group_id: first.chat_group.id }, 'three')
    expect(byId.chat_group.id).toBe(first.chat_group.id)
    const pair = await send(alice, { to_ids: ids.bob }, 'pair')
    expect(pair.chat_group.id).not.toBe(first.chat_group.id)
    expect((await ok(call('GET', 'count'))).meta).toEqual({ code: 200, status: 'ok', method_name: 'chatsCount', count: 4 })
  })

  it('refuses what it cannot send', async () => {
    expect(await failure(call('POST', 'create', { message: 'x' }, alice))).toEqual({ status: 400, message: 'Failed to send chat message: to_ids or chat_group_id is required.', method_name: 'createChatMessage' })
    expect((await failure(call('POST', 'create', { to_ids: ids.bob }, alice))).message).toBe("Failed to send chat message: Validation failed - Message can't be blank.")
    expect((await failure(call('POST', 'create', { to_ids: 'nope', message: 'x' }, alice))).message).toBe('Invalid user id')
    expect((await failure(call('POST', 'create', { to_ids: '5f00000000000000000000ff', message: 'x' }, alice))).message).toBe('Invalid user id')
    const group = (await send(alice, { to_ids: ids.bob }, 'hi')).chat_group.id
    expect((await failure(call('POST', 'create', { chat_group_id: group, message: 'x' }, carol))).message).toBe('Invalid chat group id')
    expect((await failure(call('POST', 'create', { chat_group_id: 'nope', message: 'x' }, carol))).message).toBe('Invalid chat group id')
    expect((await failure(call('POST', 'create', { to_ids: ids.bob, message: 'x', response_json_depth: '9' }, alice))).message).toBe('Invalid response_json_depth parameter: must be 1 to 8')
    expect((await failure(call('POST', 'create', { to_ids: ids.bob, message: 'x' }))).message).toBe('Failed to authenticate user')
    expect((await ok(call('GET', 'count'))).meta.count).toBe(1)
  })

  it('su_id: an admin sends as another user', async () => {
    const chat = await send(admin, { to_ids: ids.bob, su_id: ids.carol }, 'from carol')
    expect(chat.from.id).toBe(ids.carol)
    expect(chat.chat_group.participate_ids).toEqual([ids.carol, ids.bob])
  })
})

describe('query: a group’s chats, for its members', () => {
  let group: string

  beforeEach(async () => {
    group = (await send(alice, { to_ids: ids.bob }, 'm1')).chat_group.id
    await send(bob, { to_ids: ids.alice }, 'm2')
    await send(alice, { to_ids: ids.bob }, 'm3')
    await send(carol, { to_ids: ids.dave }, 'other')
  })

  it('by chat_group_id or by participate_ids (with the caller), oldest first; without either, every group of the caller', async () => {
    const byGroup = await ok(call('GET', 'query', { chat_group_id: group }, bob))
    expect(byGroup.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryChatMessages' })
    expect(messagesOf(byGroup)).toEqual(['m1', 'm2', 'm3'])
    expect(messagesOf(await ok(call('GET', 'query', { participate_ids: ids.alice }, bob)))).toEqual(['m1', 'm2', 'm3'])
    expect(messagesOf(await ok(call('GET', 'query', { participate_ids: ids.dave }, bob)))).toEqual([])
    expect(messagesOf(await ok(call('GET', 'query', {}, carol)))).toEqual(['other'])
  })

  it('takes the query parameters: order, page and per_page (newest first, as ti.cloud polls), where on dates, count', async () => {
    expect(messagesOf(await ok(call('GET', 'query', { chat_group_id: group, order: '-created_at', page: '1', per_page: '1' }, alice)))).toEqual(['m3'])
    expect(messagesOf(await ok(call('GET', 'query', { chat_group_id: group, order: '-created_at', per_page: '2' }, alice)))).toEqual(['m3', 'm2'])
    const future = JSON.stringify({ updated_at: { $gt: '2099-05-28T12:50:00+0000' } })
    expect(messagesOf(await ok(call('GET', 'query', { chat_group_id: group, where: future }, alice)))).toEqual([])
    expect(messagesOf(await ok(call('GET', 'query', { where: JSON.stringify({ message: 'm2' }) }, alice)))).toEqual(['m2'])
    expect((await ok(call('GET', 'query', { count: 'true', limit: '1' }, alice))).meta.count).toBe(3)
  })

  it('refuses a group the caller is not in (admins may read it), an unknown group and no session', async () => {
    expect(await failure(call('GET', 'query', { chat_group_id: group }, carol))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'queryChatMessages' })
    expect(messagesOf(await ok(call('GET', 'query', { chat_group_id: group }, admin)))).toEqual(['m1', 'm2', 'm3'])
    expect((await failure(call('GET', 'query', { chat_group_id: '5f00000000000000000000ff' }, alice))).message).toBe('Invalid chat group id')
    expect((await failure(call('GET', 'query', {}))).message).toBe('Failed to authenticate user')
  })
})

describe('chat groups', () => {
  it('get_chat_groups: the caller’s groups, most recent first, members embedded, with the paging meta', async () => {
    const pair = (await send(alice, { to_ids: ids.bob }, 'pair')).chat_group.id
    const trio = (await send(alice, { to_ids: `${ids.bob},${ids.carol}` }, 'trio')).chat_group.id
    await send(carol, { to_ids: ids.dave }, 'not alice')
    const reply = await ok(call('GET', 'get_chat_groups', {}, alice))
    expect(reply.meta).toEqual({ code: 200, status: 'ok', method_name: 'getChatGroups', page: 1, per_page: 10, total_pages: 1, total_results: 2 })
    expect(reply.response.chat_groups.map((g: any) => [g.id, g.message])).toEqual([[trio, 'trio'], [pair, 'pair']])
    expect(reply.response.chat_groups[1].participate_users.map((user: any) => user.username)).toEqual(['alice', 'bob'])
    await send(bob, { chat_group_id: pair }, 'newer')
    expect((await ok(call('GET', 'get_chat_groups', { per_page: '1' }, alice))).response.chat_groups.map((g: any) => g.message)).toEqual(['newer'])
  })

  it('query_chat_groups: every group, for admins only', async () => {
    await send(alice, { to_ids: ids.bob }, 'pair')
    await send(carol, { to_ids: ids.dave }, 'other')
    const all = await ok(call('GET', 'query_chat_groups', {}, admin))
    expect(all.meta.method_name).toBe('queryChatGroups')
    expect(all.response.chat_groups.map((g: any) => g.message)).toEqual(['pair', 'other'])
    const mine = await ok(call('GET', 'query_chat_groups', { where: JSON.stringify({ participate_ids: ids.dave }) }, admin))
    expect(mine.response.chat_groups.map((g: any) => g.message)).toEqual(['other'])
    expect(await failure(call('GET', 'query_chat_groups', {}, alice))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'queryChatGroups' })
  })
})

describe('delete', () => {
  it('the sender (or an admin) deletes a chat; the group stays; others are refused', async () => {
    const chat = await send(alice, { to_ids: ids.bob }, 'oops')
    await send(alice, { to_ids: ids.bob }, 'kept')
    expect(await failure(call('DELETE', 'delete', { chat_id: chat.id }, bob))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'deleteChat' })
    expect(await ok(call('DELETE', 'delete', { chat_id: chat.id }, alice))).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteChat' } })
    expect(messagesOf(await ok(call('GET', 'query', {}, bob)))).toEqual(['kept'])
    expect((await ok(call('GET', 'get_chat_groups', {}, bob))).response.chat_groups).toHaveLength(1)
    expect((await failure(call('DELETE', 'delete', { chat_id: chat.id }, alice))).message).toBe('Invalid chat id')
    expect((await failure(call('DELETE', 'delete', {}, alice))).message).toBe('Required field: chat_id')
  })
})
