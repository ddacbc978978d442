import { toWireDate } from '../../dates.js'
import { queryCustomFields, wireCustomFields } from '../../engine/custom-dates.js'
import type { QueryDoc } from '../../engine/query-run.js'
import { perRecord } from '../../store/per-record.js'
import type { MessageRecord } from './record.js'

/** A user as the viewer may see them, or undefined once the user is gone. */
export type UserView = (id: string) => Record<string, unknown> | undefined

/**
 * A message copy as replies show it (docs/messages.md "Replies"): `id`, `thread_id`, `status`,
 * `subject` when there is one, `body`, dates, `from` and `from_id`, `to` and `to_ids`,
 * `custom_fields` when sent.
 */
export function toWireMessage(message: MessageRecord, users: UserView): Record<string, unknown> {
  const from = users(message.from_id)
  return {
    id: message.id,
    thread_id: message.thread_id,
    status: message.status,
    ...(message.subject !== undefined && { subject: message.subject }),
    body: message.body,
    created_at: toWireDate(message.created_at),
    updated_at: toWireDate(message.updated_at),
    ...(from !== undefined && { from }),
    from_id: message.from_id,
    to: message.to_ids.flatMap((id) => users(id) ?? []),
    to_ids: [...message.to_ids],
    ...(message.custom_fields !== undefined && { custom_fields: wireCustomFields(message.custom_fields) }),
  }
}

/** What a `where` or `order` sees of a message copy: its custom fields by bare name, then its reply fields, `_id`, dates as `Date`s. */
export const messageQueryDoc = perRecord(
  (message: MessageRecord): QueryDoc => ({
    ...queryCustomFields(message.custom_fields ?? {}),
    id: message.id,
    _id: message.id,
    thread_id: message.thread_id,
    status: message.status,
    ...(message.subject !== undefined && { subject: message.subject }),
    body: message.body,
    from_id: message.from_id,
    to_ids: [...message.to_ids],
    created_at: new Date(message.created_at),
    updated_at: new Date(message.updated_at),
  }),
)
