import type { Endpoint } from '../../engine/object.js'
import type { MessagesService } from './service.js'

/** The Messages endpoints (docs/messages.md "Endpoints"), with the verbs clients send and their method names. */
export const messagesEndpoints: readonly Endpoint<MessagesService>[] = [
  { path: 'messages/create', method_name: 'createMessage', verbs: ['POST'], call: ({ service, params, caller }) => service.create(params, caller) },
  { path: 'messages/reply', method_name: 'replyMessage', verbs: ['POST'], call: ({ service, params, caller }) => service.reply(params, caller) },
  { path: 'messages/show', method_name: 'showMessage', verbs: ['GET'], call: ({ service, params, caller }) => service.show(params, caller) },
  { path: 'messages/show/inbox', method_name: 'showMessagesInbox', verbs: ['GET'], call: ({ service, params, caller }) => service.showInbox(params, caller) },
  { path: 'messages/show/sent', method_name: 'showMessagesSent', verbs: ['GET'], call: ({ service, params, caller }) => service.showSent(params, caller) },
  { path: 'messages/show/thread', method_name: 'showThreadMessages', verbs: ['GET'], call: ({ service, params, caller }) => service.showThread(params, caller) },
  { path: 'messages/show/threads', method_name: 'showThreads', verbs: ['GET'], call: ({ service, params, caller }) => service.showThreads(params, caller) },
  { path: 'messages/delete', method_name: 'deleteMessage', verbs: ['DELETE'], call: ({ service, params, caller }) => service.delete(params, caller) },
  { path: 'messages/delete/thread', method_name: 'deleteMessageThread', verbs: ['DELETE'], call: ({ service, params, caller }) => service.deleteThread(params, caller) },
  { path: 'messages/query', method_name: 'queryMessages', verbs: ['GET'], call: ({ service, params, caller }) => service.query(params, caller) },
  { path: 'messages/count', method_name: 'messagesCount', verbs: ['GET'], call: ({ service }) => service.count() },
]
