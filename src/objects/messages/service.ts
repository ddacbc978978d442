import { mergeCustomFields, parseCustomFields } from '../../engine/custom-fields.js'
import { searchPage } from '../../engine/deprecated-search.js'
import { rawIdList } from '../../engine/id-list.js'
import type { CallResult, Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery } from '../../engine/query-run.js'
import { actingUser, signedIn } from '../../engine/su-id.js'
import { requiredField } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { messagesErrors } from './errors.js'
import { MESSAGES, type MessageRecord } from './record.js'
import { messageQueryDoc, toWireMessage, type UserView } from './view.js'

/**
 * The rules of the Messages object (docs/messages.md), one method per endpoint, free of HTTP:
 * each send stores a copy per mailbox (the sender's sent mail, each recipient's inbox), copies are
 * read, marked and deleted one mailbox at a time. Every write is stored before the method returns.
 */
export class MessagesService {
  private readonly messages: Collection<MessageRecord>
  private readonly users: UsersService

  constructor(private readonly context: ServiceContext) {
    this.messages = new Collection(context.dataSet, MESSAGES)
    this.users = context.service(users)
  }

  /**
   * messages/create (login): `body` (and `subject`, `custom_fields`) from the caller (or `su_id`'s
   * user, admins) to `to_ids`: a new thread. Answers the sender's sent copy, whose id is the thread's.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Failed to send message: Validation failed -
   *   Body can't be blank.`, `Failed to send message: Validation failed - To ids is invalid.`.
   */
  async create(params: Params, caller: Caller): Promise<CallResult> {
    const sender = actingUser(params, caller, (id) => this.users.userById(id))
    const body = bodyParam(params, messagesErrors.blankBody)
    const to = [...new Set((rawIdList(params, 'to_ids') ?? []).map((id) => id.toLowerCase()))]
    if (to.length === 0 || to.some((id) => !isObjectId(id) || this.users.userById(id) === undefined)) throw messagesErrors.invalidTo()
    const subject = textParam(params, 'subject')
    const custom_fields = isAbsent(params.custom_fields) ? undefined : mergeCustomFields({}, parseCustomFields(params.custom_fields))
    const sent = this.send(sender.id, to, { body, ...(subject !== undefined && { subject }), ...(custom_fields !== undefined && { custom_fields }) }, undefined)
    await this.context.dataSet.write()
    return { response: { messages: [toWireMessage(sent, this.userView(caller.user))] } }
  }

  /**
   * messages/reply (login): `body` to the sender and the recipients of the message `message_id`
   * names (any copy of a thread the caller has a copy in), but the caller, in its thread with its
   * subject; the caller's inbox copy of it becomes `replied`. Answers the caller's sent copy.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: message_id`,
   *   `Required field: body`, `Invalid message id`.
   */
  async reply(params: Params, caller: Caller): Promise<CallResult> {
    const user = signedIn(caller)
    const id = trimmed(textParam(params, 'message_id'))
    if (id === undefined) throw requiredField('message_id')
    const body = bodyParam(params, () => requiredField('body'))
    const original = this.messages.byIdAsSent(id)
    if (original === undefined || !this.ownsCopyIn(user.id, original.thread_id)) throw messagesErrors.invalidMessage()
    const everyone = [...new Set([original.from_id, ...original.to_ids])].filter((other) => other !== user.id && this.users.userById(other) !== undefined)
    const to = everyone.length > 0 ? everyone : [user.id]
    const at = this.now().toISOString()
    for (const copy of this.messages.scan((m) => m.owner_id === user.id && m.box === 'inbox' && m.sent_id === original.sent_id)) {
      this.messages.replace(copy, { ...copy, status: 'replied', updated_at: at })
    }
    const subject = original.subject
    const sent = this.send(user.id, to, { body, ...(subject !== undefined && { subject }) }, original.thread_id)
    await this.context.dataSet.write()
    return { response: { messages: [toWireMessage(sent, this.userView(user))] } }
  }

  /**
   * messages/show (login): the caller's copy `message_id` names; its status is left as it is.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: message_id`, `Invalid message id`.
   */
  show(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    return { response: { messages: [toWireMessage(this.ownCopy(params, user.id), this.userView(user))] } }
  }

  /** messages/show/inbox (login): the caller's inbox copies, newest first, paged with the paging meta. */
  showInbox(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    return this.page(params, user, newestFirst(this.messages.scan((m) => m.owner_id === user.id && m.box === 'inbox')))
  }

  /** messages/show/sent (login): the caller's sent copies, newest first, paged with the paging meta. */
  showSent(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    return this.page(params, user, newestFirst(this.messages.scan((m) => m.owner_id === user.id && m.box === 'sent')))
  }

  /**
   * messages/show/threads (login): for each thread with a copy in the caller's inbox, its first
   * inbox copy, the thread with the newest inbox copy first; paged with the paging meta. Statuses
   * are left as they are.
   */
  showThreads(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    const inbox = newestFirst(this.messages.scan((m) => m.owner_id === user.id && m.box === 'inbox'))
    const threads = [...new Set(inbox.map((m) => m.thread_id))]
    const firsts = threads.map((thread) => inbox.filter((m) => m.thread_id === thread).at(-1)!)
    return this.page(params, user, firsts)
  }

  /**
   * messages/show/thread (login): every copy of the thread `thread_id` in the caller's mailboxes
   * (inbox and sent), newest first, paged with the paging meta; `unread` ones become `read` first.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: thread_id`, `Invalid thread id`.
   */
  async showThread(params: Params, caller: Caller): Promise<CallResult> {
    const user = signedIn(caller)
    const copies = this.threadCopies(params, user.id)
    const at = this.now().toISOString()
    const read = copies.map((copy) => {
      if (copy.status !== 'unread') return copy
      const next: MessageRecord = { ...copy, status: 'read', updated_at: at }
      this.messages.replace(copy, next)
      return next
    })
    await this.context.dataSet.write()
    return this.page(params, user, newestFirst(read))
  }

  /**
   * messages/delete (login): the caller's copy `message_id` names (`su_id`: that user's, admins), for
   * good; other mailboxes keep theirs. Meta only.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: message_id`, `Invalid message id`.
   */
  async delete(params: Params, caller: Caller): Promise<CallResult> {
    const actor = actingUser(params, caller, (id) => this.users.userById(id))
    this.messages.remove(new Set([this.ownCopy(params, actor.id).id]))
    await this.context.dataSet.write()
    return {}
  }

  /**
   * messages/delete/thread (login): every copy of the thread `thread_id` in the caller's mailboxes,
   * for good; other users keep theirs. Meta only.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: thread_id`, `Invalid thread id`.
   */
  async deleteThread(params: Params, caller: Caller): Promise<CallResult> {
    const user = signedIn(caller)
    this.messages.remove(new Set(this.threadCopies(params, user.id).map((copy) => copy.id)))
    await this.context.dataSet.write()
    return {}
  }

  /**
   * messages/query (login): a query over the caller's copies (an admin's: every copy), `where`,
   * `order`, `sel`, `limit`/`skip`, `count`, oldest first.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 for a query parameter it cannot read.
   */
  query(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    const page = runQuery(params, {
      collection: this.messages,
      toQueryDoc: messageQueryDoc,
      whereLimits: this.context.server.whereLimits,
      ...(!user.admin && { readable: (m: MessageRecord) => m.owner_id === user.id }),
      legacyPaging: () => this.context.settings().legacyPaging,
    })
    const view = this.userView(user)
    return { response: { messages: page.records.map((m) => page.select(toWireMessage(m, view))) }, meta: page.meta }
  }

  /** messages/count: every stored copy, of every mailbox, in `meta.count`. */
  count(): CallResult {
    return { meta: { count: this.messages.size } }
  }

  /** Stores a send: the sender's sent copy (its id is the thread's for a new thread) and an unread inbox copy per recipient. */
  private send(from: string, to: readonly string[], content: Pick<MessageRecord, 'body' | 'subject' | 'custom_fields'>, threadId: string | undefined): MessageRecord {
    const now = this.now()
    const at = now.toISOString()
    const id = this.context.dataSet.runtime.objectId(now)
    const shared = { created_at: at, updated_at: at, sent_id: id, thread_id: threadId ?? id, ...content, from_id: from, to_ids: [...to] }
    const sent: MessageRecord = { id, owner_id: from, box: 'sent', status: 'sent', ...shared }
    this.messages.insert(sent)
    for (const owner of to) this.messages.insert({ id: this.context.dataSet.runtime.objectId(now), owner_id: owner, box: 'inbox', status: 'unread', ...shared })
    return sent
  }

  /** The caller's copy `message_id` names. @throws ApiError 400 `Required field: message_id`, `Invalid message id`. */
  private ownCopy(params: Params, ownerId: string): MessageRecord {
    const id = trimmed(textParam(params, 'message_id'))
    if (id === undefined) throw requiredField('message_id')
    const copy = this.messages.byIdAsSent(id)
    if (copy === undefined || copy.owner_id !== ownerId) throw messagesErrors.invalidMessage()
    return copy
  }

  /** The caller's copies of the thread `thread_id` names. @throws ApiError 400 `Required field: thread_id`, `Invalid thread id`. */
  private threadCopies(params: Params, ownerId: string): MessageRecord[] {
    const id = trimmed(textParam(params, 'thread_id'))
    if (id === undefined) throw requiredField('thread_id')
    const thread = id.toLowerCase()
    const copies = this.messages.scan((m) => m.owner_id === ownerId && m.thread_id === thread)
    if (copies.length === 0) throw messagesErrors.invalidThread()
    return copies
  }

  private ownsCopyIn(ownerId: string, threadId: string): boolean {
    return this.messages.scan((m) => m.owner_id === ownerId && m.thread_id === threadId, 1).length > 0
  }

  /** One page of `copies` (`page`, `per_page`) with `page`, `per_page`, `total_pages`, `total_results` in meta. */
  private page(params: Params, viewer: Principal, copies: readonly MessageRecord[]): CallResult {
    const { records, meta } = searchPage(copies, params)
    const view = this.userView(viewer)
    return { response: { messages: records.map((m) => toWireMessage(m, view)) }, meta }
  }

  private userView(viewer: Principal | undefined): UserView {
    return (id) => this.users.wireOwner(id, viewer)
  }

  private now(): Date {
    return this.context.dataSet.runtime.now()
  }
}

/** Copies newest first (ties: the later stored first). */
function newestFirst(copies: MessageRecord[]): MessageRecord[] {
  return copies.sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))
}

/** The `body` parameter, not blank. @throws the `blank` refusal. */
function bodyParam(params: Params, blank: () => Error): string {
  const body = textParam(params, 'body')
  if (body === undefined || body.trim() === '') throw blank()
  return body
}
