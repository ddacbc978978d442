import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { ids } from '../support/fixture-s.js'
import { serverForFile } from '../support/servers.js'
import { outcome } from '../support/titanium.js'
import { ok, refused, signedInSdk } from '../support/arrowdb-calls.js'

/**
 * Chats end to end over real HTTP, as the clients' own suites drive them: the `arrowdb` SDK
 * (1.0.12: create, query by participate_ids, get_chat_groups, the non-admin's query_chat_groups
 * refused, delete and its alias remove, count) and the Node `Cloud` (ti.cloud's anvil suite: a group
 * of two, then chats into it by chat_group_id, newest first by page and per_page).
 */

const server = serverForFile()

const signedIn = (login: string): Promise<ArrowDB> => signedInSdk(server().url, login)

describe('Chats over real HTTP', () => {
  it('the arrowdb SDK: create → the other user queries and lists the group → delete → count', async () => {
    const [alice, bob] = [await signedIn('alice'), await signedIn('bob')]
    const made = (await ok(alice, 'chatsCreate', { to_ids: ids.bob, message: 'Hello', response_json_depth: 3 })).body
    expect(made.meta.method_name).toBe('createChatMessage')
    const chat = made.response.chats[0]
    expect(chat.chat_group.participate_users.map((user: { id: string }) => user.id)).toEqual([ids.alice, ids.bob])
    const listed = (await ok(bob, 'chatsQuery', { participate_ids: ids.alice })).body
    expect(listed.meta.method_name).toBe('queryChatMessages')
    expect(listed.response.chats.map((c: { id: string }) => c.id)).toEqual([chat.id])
    const groups = (await ok(bob, 'chatsGetChatGroups')).body
    expect(groups.meta.method_name).toBe('getChatGroups')
    expect(groups.response.chat_groups[0]).toMatchObject({ id: chat.chat_group.id, message: 'Hello' })
    expect((await refused(bob, 'chatsQueryChatGroups')).statusCode).toBe(403)
    expect((await ok(await signedIn('admin'), 'chatsQueryChatGroups')).body.response.chat_groups).toHaveLength(1)
    expect((await ok(alice, 'chatsCount')).body.meta).toMatchObject({ method_name: 'chatsCount', count: 1 })
    expect((await refused(bob, 'chatsDelete', { chat_id: chat.id })).statusCode).toBe(403)
    expect((await ok(alice, 'chatsDelete', { chat_id: chat.id })).body.meta.method_name).toBe('deleteChat')
    const again = (await ok(alice, 'chatsCreate', { to_ids: ids.bob, message: 'Again' })).body.response.chats[0]
    expect((await ok(alice, 'chatsRemove', { chat_id: again.id })).body.meta.method_name).toBe('deleteChat')
    expect((await ok(alice, 'chatsCount')).body.meta.count).toBe(0)
    expect((await refused(alice, 'chatsCreate', { message: 'nobody' })).statusCode).toBe(400)
  })

  it('Cloud.Chats as ti.cloud’s suite calls it: a group of two, chats into it, newest first by page', async () => {
    const alice = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => alice.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
    const first = await outcome((cb) => alice.Chats.create({ to_ids: ids.bob, message: 'one' }, cb))
    expect(first.success).toBe(true)
    const group = first.chats[0].chat_group.id
    const bob = createCloud({ url: server().url, key: 'TESTKEY' })
    await outcome((cb) => bob.Users.login({ login: 'bob', password: 'pw-bob' }, cb))
    server().clock.advance('1s')
    expect((await outcome((cb) => bob.Chats.create({ chat_group_id: group, message: 'two' }, cb))).chats[0].chat_group.id).toBe(group)
    const newest = await outcome((cb) => alice.Chats.query({ chat_group_id: group, order: '-created_at', page: 1, per_page: 1 }, cb))
    expect(newest.chats.map((chat: { message: string }) => chat.message)).toEqual(['two'])
    const both = await outcome((cb) => alice.Chats.query({ chat_group_id: group, order: '-created_at', page: 1, per_page: 2 }, cb))
    expect(both.chats.map((chat: { message: string }) => chat.message)).toEqual(['two', 'one'])
    const groups = await outcome((cb) => bob.Chats.getChatGroups(cb))
    expect(groups.chat_groups).toHaveLength(1)
    expect(groups.chat_groups[0].participate_users).toHaveLength(2)
    expect((await outcome((cb) => bob.Chats.queryChatGroups(cb))).code).toBe(403)
    expect((await outcome((cb) => alice.Chats.remove({ chat_id: first.chats[0].id }, cb))).success).toBe(true)
  })
})
