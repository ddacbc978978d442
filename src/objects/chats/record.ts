import { isObjectId } from '../../ids.js'
import { isPlainObject } from '../../json.js'
import { recordCheck } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The names of the chats' collections in a data set. */
export const CHATS = 'chats'
export const CHAT_GROUPS = 'chat_groups'

/**
 * A chat group (docs/chats.md "Replies"): a set of users, found again by exactly that set.
 * `message` is the latest chat's text, once there is one.
 */
export interface ChatGroupRecord extends StoredRecord {
  /** The members, in the order of the first chat: its sender, then its recipients. */
  readonly participate_ids: readonly string[]
  readonly message?: string
}

/** One chat message (docs/chats.md "Replies"), sent by `user_id` into its group. */
export interface ChatRecord extends StoredRecord {
  readonly chat_group_id: string
  /** The sender. */
  readonly user_id: string
  readonly message: string
  readonly custom_fields?: Readonly<Record<string, unknown>>
}

const isId = (value: unknown) => typeof value === 'string' && isObjectId(value) && value === value.toLowerCase()

/** What makes a stored chat group unusable, or undefined. */
export const chatGroupProblem = recordCheck((record) => {
  const ids = record.participate_ids
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every(isId)) return 'participate_ids'
  return record.message === undefined || typeof record.message === 'string' ? undefined : 'message'
})

/** What makes a stored chat unusable, or undefined. */
export const chatProblem = recordCheck((record) => {
  if (!isId(record.chat_group_id)) return 'chat_group_id'
  if (!isId(record.user_id)) return 'user_id'
  if (typeof record.message !== 'string') return 'message'
  return record.custom_fields === undefined || isPlainObject(record.custom_fields) ? undefined : 'custom_fields'
})
