import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Chats` (docs/chats.md): create (into the group of the sender and `to_ids`, or
 * `chat_group_id`), query, remove, and the chat groups (`getChatGroups`, admins'
 * `queryChatGroups`), as ti.cloud has them (no count).
 */
export const Chats = {
  create: { verb: 'POST', path: 'chats/create.json', args: 'data' },
  query: { verb: 'GET', path: 'chats/query.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'chats/delete.json', args: 'data' },
  queryChatGroups: { verb: 'GET', path: 'chats/query_chat_groups.json', args: 'optional' },
  getChatGroups: { verb: 'GET', path: 'chats/get_chat_groups.json', args: 'optional' },
} as const satisfies Namespace

/** `Cloud.Chats` as a type: each method of {@link Chats} with the arguments its shape takes. */
export type CloudChats = Calls<typeof Chats>
