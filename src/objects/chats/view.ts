import { toWireDate } from '../../dates.js'
import { queryCustomFields, wireCustomFields } from '../../engine/custom-dates.js'
import type { QueryDoc } from '../../engine/query-run.js'
import { perRecord } from '../../store/per-record.js'
import type { ChatGroupRecord, ChatRecord } from './record.js'

/** A user as the viewer may see them, or undefined once the user is gone. */
export type UserView = (id: string) => Record<string, unknown> | undefined

/**
 * A chat group as replies show it (docs/chats.md "Replies"): `id`, dates, `participate_ids`,
 * `message` once a chat was sent, and with `withUsers` the members embedded as `participate_users`.
 */
export function toWireGroup(group: ChatGroupRecord, users: UserView, withUsers: boolean): Record<string, unknown> {
  return {
    id: group.id,
    created_at: toWireDate(group.created_at),
    updated_at: toWireDate(group.updated_at),
    ...(group.message !== undefined && { message: group.message }),
    participate_ids: [...group.participate_ids],
    ...(withUsers && { participate_users: group.participate_ids.flatMap((id) => users(id) ?? []) }),
  }
}

/**
 * A chat as replies show it (docs/chats.md "Replies"): `id`, dates, `message`, `from` (the sender),
 * `custom_fields` when sent, and its `chat_group`, whose members are embedded from depth 2.
 */
export function toWireChat(chat: ChatRecord, group: ChatGroupRecord, users: UserView, depth: number): Record<string, unknown> {
  const from = users(chat.user_id)
  return {
    id: chat.id,
    created_at: toWireDate(chat.created_at),
    updated_at: toWireDate(chat.updated_at),
    message: chat.message,
    ...(from !== undefined && { from }),
    ...(chat.custom_fields !== undefined && { custom_fields: wireCustomFields(chat.custom_fields) }),
    chat_group: toWireGroup(group, users, depth >= 2),
  }
}

/** What a `where` or `order` sees of a chat: its custom fields by bare name, then `id`/`_id`, `message`, `chat_group_id`, `user_id`, `from_id`, dates as `Date`s. */
export const chatQueryDoc = perRecord(
  (chat: ChatRecord): QueryDoc => ({
    ...queryCustomFields(chat.custom_fields ?? {}),
    id: chat.id,
    _id: chat.id,
    message: chat.message,
    chat_group_id: chat.chat_group_id,
    user_id: chat.user_id,
    from_id: chat.user_id,
    created_at: new Date(chat.created_at),
    updated_at: new Date(chat.updated_at),
  }),
)

/** What a `where` or `order` sees of a chat group: `id`/`_id`, `participate_ids`, `message`, dates as `Date`s. */
export const groupQueryDoc = perRecord(
  (group: ChatGroupRecord): QueryDoc => ({
    id: group.id,
    _id: group.id,
    participate_ids: [...group.participate_ids],
    ...(group.message !== undefined && { message: group.message }),
    created_at: new Date(group.created_at),
    updated_at: new Date(group.updated_at),
  }),
)
