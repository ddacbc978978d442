import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Messages` (docs/messages.md): create, reply, show, the inbox, sent mail and threads,
 * remove and removeThread, as ti.cloud has them (no query or count).
 */
export const Messages = {
  create: { verb: 'POST', path: 'messages/create.json', args: 'data' },
  reply: { verb: 'POST', path: 'messages/reply.json', args: 'data' },
  show: { verb: 'GET', path: 'messages/show.json', args: 'data' },
  showInbox: { verb: 'GET', path: 'messages/show/inbox.json', args: 'optional' },
  showSent: { verb: 'GET', path: 'messages/show/sent.json', args: 'optional' },
  showThreads: { verb: 'GET', path: 'messages/show/threads.json', args: 'optional' },
  showThread: { verb: 'GET', path: 'messages/show/thread.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'messages/delete.json', args: 'data' },
  removeThread: { verb: 'DELETE', path: 'messages/delete/thread.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Messages` as a type: each method of {@link Messages} with the arguments its shape takes. */
export type CloudMessages = Calls<typeof Messages>
