import { parseCustomFields, mergeCustomFields } from '../../engine/custom-fields.js'
import { rawIdList } from '../../engine/id-list.js'
import type { CallResult, Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { actingUser, signedIn, signedInAdmin } from '../../engine/su-id.js'
import { invalidUserId, notAuthorized, requiredField } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { integerValue, isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { chatsErrors } from './errors.js'
import { CHATS, CHAT_GROUPS, type ChatGroupRecord, type ChatRecord } from './record.js'
import { chatQueryDoc, groupQueryDoc, toWireChat, toWireGroup, type UserView } from './view.js'

/**
 * The rules of the Chats object (docs/chats.md), one method per endpoint, free of HTTP: chats sent
 * into chat groups, a group being a set of users found again by exactly that set. Every write is
 * stored before the method returns.
 */
export class ChatsService {
  private readonly chats: Collection<ChatRecord>
  private readonly groups: Collection<ChatGroupRecord>
  private readonly users: UsersService

  constructor(private readonly context: ServiceContext) {
    this.chats = new Collection(context.dataSet, CHATS)
    this.groups = new Collection(context.dataSet, CHAT_GROUPS)
    this.users = context.service(users)
  }

  /**
   * chats/create (login): `message` from the caller (or `su_id`'s user, admins) into the group
   * `chat_group_id` names, or into the group of exactly the caller and `to_ids`, made if there is
   * none. The group's `message` and `updated_at` follow the new chat.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Failed to send chat message: to_ids or
   *   chat_group_id is required.`, `Failed to send chat message: Validation failed - Message can't
   *   be blank.`, `Invalid chat group id`, `Invalid user id`, `Invalid custom_fields parameter: ...`.
   */
  async create(params: Params, caller: Caller): Promise<CallResult> {
    const sender = actingUser(params, caller, (id) => this.users.userById(id))
    const depth = depthParam(params)
    const groupId = trimmed(textParam(params, 'chat_group_id'))
    const recipients = groupId === undefined ? this.userIds(params, 'to_ids') : undefined
    if (groupId === undefined && recipients!.length === 0) throw chatsErrors.noTarget()
    const message = textParam(params, 'message')
    if (message === undefined || message.trim() === '') throw chatsErrors.blankMessage()
    const custom_fields = isAbsent(params.custom_fields) ? undefined : mergeCustomFields({}, parseCustomFields(params.custom_fields))
    const now = this.context.dataSet.runtime.now()
    const at = now.toISOString()
    let group: ChatGroupRecord
    if (groupId !== undefined) {
      const found = this.group(groupId)
      if (found === undefined || !found.participate_ids.includes(sender.id)) throw chatsErrors.invalidGroup()
      group = found
    } else {
      const members = [...new Set([sender.id, ...recipients!])]
      group = this.groupOf(members) ?? { id: this.context.dataSet.runtime.objectId(now), created_at: at, updated_at: at, participate_ids: members }
      if (this.groups.byId(group.id) === undefined) this.groups.insert(group)
    }
    const chat: ChatRecord = {
      id: this.context.dataSet.runtime.objectId(now),
      created_at: at,
      updated_at: at,
      chat_group_id: group.id,
      user_id: sender.id,
      message,
      ...(custom_fields !== undefined && { custom_fields }),
    }
    this.chats.insert(chat)
    const updated = { ...group, message, updated_at: at }
    this.groups.replace(this.groups.byId(group.id)!, updated)
    await this.context.dataSet.write()
    return { response: { chats: [toWireChat(chat, updated, this.userView(caller.user), depth)] } }
  }

  /**
   * chats/query (login): the chats of the group `chat_group_id` names, or of the group of exactly the
   * caller and `participate_ids`, or without either of every group the caller is in; a query over
   * them (`where`, `order`, `sel`, `limit`/`skip` or `page`/`per_page`, `count`), oldest first.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Invalid chat group id`, `Invalid user id`;
   *   403 for a group the caller is not in (admins may read any).
   */
  query(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    const depth = depthParam(params)
    const groupId = trimmed(textParam(params, 'chat_group_id'))
    let allowed: Set<string>
    if (groupId !== undefined) {
      const group = this.group(groupId)
      if (group === undefined) throw chatsErrors.invalidGroup()
      if (!group.participate_ids.includes(user.id) && !user.admin) throw notAuthorized()
      allowed = new Set([group.id])
    } else if (!isAbsent(params.participate_ids)) {
      const group = this.groupOf([user.id, ...this.userIds(params, 'participate_ids')])
      allowed = new Set(group === undefined ? [] : [group.id])
    } else {
      allowed = new Set(this.groups.scan((group) => group.participate_ids.includes(user.id)).map((group) => group.id))
    }
    const source: QuerySource<ChatRecord> = {
      collection: this.chats,
      toQueryDoc: chatQueryDoc,
      whereLimits: this.context.server.whereLimits,
      readable: (chat) => allowed.has(chat.chat_group_id),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
    const page = runQuery(params, source)
    const view = this.userView(user)
    return { response: { chats: page.records.map((chat) => page.select(toWireChat(chat, this.groups.byId(chat.chat_group_id)!, view, depth))) }, meta: page.meta }
  }

  /**
   * chats/delete (login): the chat `chat_id` names, by its sender (`su_id`: as that user, admins) or
   * an admin; its group stays. Meta only.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: chat_id`, `Invalid chat id`;
   *   403 for another user's chat.
   */
  async delete(params: Params, caller: Caller): Promise<CallResult> {
    const actor = actingUser(params, caller, (id) => this.users.userById(id))
    const id = trimmed(textParam(params, 'chat_id'))
    if (id === undefined) throw requiredField('chat_id')
    const chat = this.chats.byIdAsSent(id)
    if (chat === undefined) throw chatsErrors.invalidChat()
    if (chat.user_id !== actor.id && !actor.admin) throw notAuthorized()
    this.chats.remove(new Set([chat.id]))
    await this.context.dataSet.write()
    return {}
  }

  /**
   * chats/get_chat_groups (login): the groups the caller is in, most recently active first, each
   * with its members embedded; a query over them with `page`, `per_page`, `total_pages`,
   * `total_results` in meta.
   *
   * @throws ApiError 400 `Failed to authenticate user`.
   */
  getChatGroups(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    return this.groupQuery(params, user, (group) => group.participate_ids.includes(user.id), true)
  }

  /**
   * chats/query_chat_groups (admins): every group, a query over them (`participate_ids`, `message`,
   * dates), oldest first.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 403 for anyone but an admin.
   */
  queryChatGroups(params: Params, caller: Caller): CallResult {
    return this.groupQuery(params, signedInAdmin(caller), undefined, false)
  }

  /** chats/count: every stored chat in `meta.count`. */
  count(): CallResult {
    return { meta: { count: this.chats.size } }
  }

  private groupQuery(params: Params, viewer: Principal, readable: ((group: ChatGroupRecord) => boolean) | undefined, ownGroups: boolean): CallResult {
    depthParam(params)
    const page = runQuery(params, {
      collection: this.groups,
      toQueryDoc: groupQueryDoc,
      whereLimits: this.context.server.whereLimits,
      ...(readable && { readable }),
      ...(ownGroups
        ? { legacyPaging: () => true, defaultOrder: (found: ChatGroupRecord[]) => found.sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id.localeCompare(a.id)) }
        : { legacyPaging: () => this.context.settings().legacyPaging }),
    })
    const view = this.userView(viewer)
    return { response: { chat_groups: page.records.map((group) => page.select(toWireGroup(group, view, true))) }, meta: page.meta }
  }

  /**
   * The users an id list names (a comma list or a JSON array), each once, lowercased.
   *
   * @throws ApiError 400 `Invalid user id` for a malformed id or one of no stored user.
   */
  private userIds(params: Params, name: string): string[] {
    const ids = [...new Set((rawIdList(params, name) ?? []).map((id) => id.toLowerCase()))]
    if (ids.some((id) => !isObjectId(id) || this.users.userById(id) === undefined)) throw invalidUserId()
    return ids
  }

  /** The group with this id as sent (any case), or undefined for a malformed or unknown one. */
  private group(id: string): ChatGroupRecord | undefined {
    return this.groups.byIdAsSent(id)
  }

  /** The group of exactly these members (order and repeats aside), if there is one. */
  private groupOf(members: readonly string[]): ChatGroupRecord | undefined {
    const wanted = [...new Set(members)].sort().join(',')
    return this.groups.scan((group) => [...group.participate_ids].sort().join(',') === wanted, 1)[0]
  }

  /** How `viewer` sees users embedded in chats and groups (email only to themself and admins). */
  private userView(viewer: Principal | undefined): UserView {
    return (id) => this.users.wireOwner(id, viewer)
  }
}

/**
 * `response_json_depth`: 1 (the default) to 8 (docs/chats.md "Depth").
 *
 * @throws ApiError 400 `Invalid response_json_depth parameter: must be 1 to 8`.
 */
function depthParam(params: Params): number {
  if (isAbsent(params.response_json_depth)) return 1
  const depth = integerValue(params.response_json_depth)
  if (depth === undefined || depth < 1 || depth > 8) throw chatsErrors.invalidDepth()
  return depth
}
