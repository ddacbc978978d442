import type { MockObject } from '../../engine/object.js'
import { messagesEndpoints } from './endpoints.js'
import { MESSAGES, messageProblem } from './record.js'
import { MessagesService } from './service.js'

/**
 * The Messages object (docs/messages.md): mail between users, a copy per mailbox (the sender's
 * sent mail, each recipient's inbox), in threads.
 */
export const messages = {
  name: 'messages',
  title: 'Messages',
  segments: ['messages'],
  endpoints: messagesEndpoints,
  service: (context) => new MessagesService(context),
  collections: {
    owns: (name) => name === MESSAGES,
    recordProblem: (record) => messageProblem(record),
  },
} satisfies MockObject<MessagesService>
