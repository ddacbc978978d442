import { isObjectId } from '../../ids.js'
import { isPlainObject } from '../../json.js'
import { recordCheck } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The name of the messages' collection in a data set. */
export const MESSAGES = 'messages'

/** Where a copy sits: the sender's sent mail, or a recipient's inbox. */
export type MessageBox = 'sent' | 'inbox'

/** A copy's status: `sent` in sent mail; `unread`, `read` or `replied` in an inbox. */
export type MessageStatus = 'sent' | 'unread' | 'read' | 'replied'

/**
 * One mailbox copy of a message (docs/messages.md "Mailboxes"): each send stores a sent copy for
 * the sender and an inbox copy for each recipient, all sharing `sent_id` (the sent copy's id),
 * `thread_id`, `subject`, `body`, `from_id` and `to_ids`.
 */
export interface MessageRecord extends StoredRecord {
  /** Whose mailbox holds this copy. */
  readonly owner_id: string
  readonly box: MessageBox
  readonly status: MessageStatus
  /** The id of the sent copy of the same send: how the copies of one send find each other. */
  readonly sent_id: string
  /** The id of the sent copy of the thread's first message. */
  readonly thread_id: string
  readonly subject?: string
  readonly body: string
  readonly from_id: string
  readonly to_ids: readonly string[]
  readonly custom_fields?: Readonly<Record<string, unknown>>
}

const isId = (value: unknown) => typeof value === 'string' && isObjectId(value) && value === value.toLowerCase()
const STATUSES = new Set(['sent', 'unread', 'read', 'replied'])

/** What makes a stored message copy (from a data file or an import) unusable, or undefined. */
export const messageProblem = recordCheck((record) => {
  for (const field of ['owner_id', 'sent_id', 'thread_id', 'from_id'] as const) if (!isId(record[field])) return field
  if (record.box !== 'sent' && record.box !== 'inbox') return 'box'
  if (typeof record.status !== 'string' || !STATUSES.has(record.status)) return 'status'
  if (typeof record.body !== 'string') return 'body'
  if (record.subject !== undefined && typeof record.subject !== 'string') return 'subject'
  if (!Array.isArray(record.to_ids) || !record.to_ids.every(isId)) return 'to_ids'
  return record.custom_fields === undefined || isPlainObject(record.custom_fields) ? undefined : 'custom_fields'
})
