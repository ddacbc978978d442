import type { MockObject } from '../../engine/object.js'
import { chatsEndpoints } from './endpoints.js'
import { CHATS, CHAT_GROUPS, chatGroupProblem, chatProblem } from './record.js'
import { ChatsService } from './service.js'

/**
 * The Chats object (docs/chats.md): chat messages sent into chat groups, a group being the set of
 * its members, found again by that set.
 */
export const chats = {
  name: 'chats',
  title: 'Chats',
  segments: ['chats'],
  endpoints: chatsEndpoints,
  service: (context) => new ChatsService(context),
  collections: {
    owns: (name) => name === CHATS || name === CHAT_GROUPS,
    recordProblem: (record, collection) => (collection === CHATS ? chatProblem(record) : chatGroupProblem(record)),
  },
} satisfies MockObject<ChatsService>
