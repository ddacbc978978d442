import type { Endpoint } from '../../engine/object.js'
import type { ChatsService } from './service.js'

/** The Chats endpoints (docs/chats.md "Endpoints"), with the verbs clients send and their method names. */
export const chatsEndpoints: readonly Endpoint<ChatsService>[] = [
  { path: 'chats/create', method_name: 'createChatMessage', verbs: ['POST'], call: ({ service, params, caller }) => service.create(params, caller) },
  { path: 'chats/query', method_name: 'queryChatMessages', verbs: ['GET'], call: ({ service, params, caller }) => service.query(params, caller) },
  { path: 'chats/delete', method_name: 'deleteChat', verbs: ['DELETE'], call: ({ service, params, caller }) => service.delete(params, caller) },
  { path: 'chats/get_chat_groups', method_name: 'getChatGroups', verbs: ['GET'], call: ({ service, params, caller }) => service.getChatGroups(params, caller) },
  { path: 'chats/query_chat_groups', method_name: 'queryChatGroups', verbs: ['GET'], call: ({ service, params, caller }) => service.queryChatGroups(params, caller) },
  { path: 'chats/count', method_name: 'chatsCount', verbs: ['GET'], call: ({ service }) => service.count() },
]
