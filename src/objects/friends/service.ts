import { rawIdList } from '../../engine/id-list.js'
import type { CallResult, Caller, Principal, ServiceContext } from '../../engine/object.js'
import { signedIn, userNamed } from '../../engine/su-id.js'
import { invalidUserId, requiredField } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { isAbsent, parseBoolean, readBoolean, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { friendsErrors } from './errors.js'
import { FRIENDSHIPS, type FriendshipRecord } from './record.js'
import { toWireRequest } from './view.js'

/**
 * The rules of the Friends object (docs/friends.md), one method per endpoint, free of HTTP: friend
 * requests, approved or pending, read as friendships or follows by the `friendsMode` app setting in
 * force. Every write is stored before the method returns. Records naming a user no longer stored
 * are left out of every answer (a deleted user's friendships and requests are gone for everyone).
 */
export class FriendsService {
  private readonly friendships: Collection<FriendshipRecord>
  private readonly users: UsersService

  constructor(private readonly context: ServiceContext) {
    this.friendships = new Collection(context.dataSet, FRIENDSHIPS)
    this.users = context.service(users)
  }

  /**
   * friends/add (login): a request from the caller to each user of `user_ids`, or, with
   * `approval_required=false`, the friendship (`one-way`: the follow) at once. A request or
   * friendship already there is left as it is. Meta only.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: user_ids`, `Invalid user id`,
   *   `Failed to add friends: Validation failed - You cannot add yourself as a friend.`
   */
  async add(params: Params, caller: Caller): Promise<CallResult> {
    const user = signedIn(caller)
    const targets = this.userIds(params)
    if (targets.includes(user.id)) throw friendsErrors.addSelf()
    const atOnce = readBoolean(params.approval_required) === false
    const twoWay = this.twoWay()
    const now = this.now()
    for (const target of targets) {
      const asked = this.request(user.id, target)
      const reverse = twoWay ? this.request(target, user.id) : undefined
      if (asked?.approved || reverse?.approved) continue
      if (!atOnce) {
        if (asked === undefined) this.insert(user.id, target, false, now)
      } else if (asked !== undefined) {
        this.approveRequest(asked, now)
      } else {
        this.insert(user.id, target, true, now)
      }
    }
    await this.context.dataSet.write()
    return {}
  }

  /**
   * friends/requests (login): the requests waiting for the caller's approval, oldest first, each with
   * the requester as `user_id` and `user`; with `requests_to=true`, the caller's own requests waiting
   * for others, with the user asked.
   */
  requests(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    const outgoing = parseBoolean(params.requests_to)
    const pending = this.friendships.scan((record) => !record.approved && (outgoing ? record.user_id : record.friend_id) === user.id)
    const items = pending.flatMap((record) => {
      const other = outgoing ? record.friend_id : record.user_id
      const wire = this.users.wireOwner(other, user)
      return wire === undefined ? [] : [toWireRequest(record, other, wire)]
    })
    return { response: { friend_requests: items } }
  }

  /**
   * friends/approve (login): accepts the pending requests of the users `user_ids` names; all or
   * nothing. Meta only.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: user_ids`, `Invalid user id`,
   *   `Invalid friend request` when one of them has no pending request to the caller.
   */
  async approve(params: Params, caller: Caller): Promise<CallResult> {
    const user = signedIn(caller)
    const requests = this.userIds(params).map((requester) => {
      const request = this.request(requester, user.id)
      if (request === undefined || request.approved) throw friendsErrors.invalidRequest()
      return request
    })
    const now = this.now()
    for (const request of requests) this.approveRequest(request, now)
    await this.context.dataSet.write()
    return {}
  }

  /**
   * friends/remove (login): ends every friendship, follow (either way) and pending request between
   * the caller and each user of `user_ids`; a user with none is no error. Meta only.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Required field: user_ids`, `Invalid user id`.
   */
  async remove(params: Params, caller: Caller): Promise<CallResult> {
    const user = signedIn(caller)
    const others = new Set(this.userIds(params))
    const between = this.friendships.scan(
      (record) => (record.user_id === user.id && others.has(record.friend_id)) || (record.friend_id === user.id && others.has(record.user_id)),
    )
    this.friendships.remove(new Set(between.map((record) => record.id)))
    await this.context.dataSet.write()
    return {}
  }

  /**
   * friends/query (login): the caller's friends (`su_id`: that user's, admins), `one-way`: the users
   * they follow, or with `followers=true` their followers; oldest friendship first, as a users/query
   * over them (`where`, `order`, `sel`, `limit`, `skip`, `count`). No friends: `response` is `{}`.
   *
   * @throws ApiError 400 `Failed to authenticate user`; the `su_id` refusals (403 for a non-admin
   *   naming someone else).
   */
  query(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    const whose = isAbsent(params.su_id) ? user : userNamed(params.su_id, user, (id) => this.users.userById(id))
    const ids = this.friendIds(whose.id, parseBoolean(params.followers))
    const { users: found, meta } = this.users.queryAmong(params, caller, ids)
    return { response: ids.length === 0 ? {} : { users: found }, ...(meta && { meta }) }
  }

  /**
   * friends/search (deprecated; login): the friend list of `user_id` (default the caller; another
   * user's for admins), `one-way` with `followers`, narrowed by the keywords of `q` as users/search
   * reads them, paged by `page`/`per_page` with the search meta. None: `users: []`.
   *
   * @throws ApiError 400 `Failed to authenticate user`; the `user_id` refusals (403 for a non-admin
   *   naming someone else).
   */
  search(params: Params, caller: Caller): CallResult {
    const user = signedIn(caller)
    const whose = isAbsent(params.user_id) ? user : userNamed(params.user_id, user, (id) => this.users.userById(id))
    const { users: found, meta } = this.users.search(params, caller, this.friendIds(whose.id, parseBoolean(params.followers)))
    return { response: { users: found }, ...(meta && { meta }) }
  }

  /**
   * The ids of `userId`'s friends, oldest friendship first (docs/friends.md "Friend lists"):
   * `two-way`, the other user of each approved request either way; `one-way`, the users they
   * follow, or with `followers` the users who follow them. Users no longer stored are left out.
   */
  friendIds(userId: string, followers = false): string[] {
    const twoWay = this.twoWay()
    const ids: string[] = []
    const approved = this.friendships.scan((record) => record.approved && (record.user_id === userId || record.friend_id === userId))
    for (const record of approved) {
      const outgoing = record.user_id === userId
      const other = outgoing ? record.friend_id : record.user_id
      const listed = twoWay || outgoing !== followers
      if (listed && !ids.includes(other) && this.users.userById(other) !== undefined) ids.push(other)
    }
    return ids
  }

  /**
   * The users `user_ids` names (a comma list or a JSON array), each once, lowercased.
   *
   * @throws ApiError 400 `Required field: user_ids` when it names none; `Invalid user id` for a
   *   malformed id or one of no stored user.
   */
  private userIds(params: Params): string[] {
    const listed = rawIdList(params, 'user_ids')
    if (!listed?.length) throw requiredField('user_ids')
    const ids = [...new Set(listed.map((id) => id.toLowerCase()))]
    if (ids.some((id) => !isObjectId(id) || this.users.userById(id) === undefined)) throw invalidUserId()
    return ids
  }

  /** The request (approved or not) `from` made to `to`, if any. */
  private request(from: string, to: string): FriendshipRecord | undefined {
    return this.friendships.scan((record) => record.user_id === from && record.friend_id === to, 1)[0]
  }

  /**
   * Approves a pending request: stored again under a new id, so that id order, which friend lists
   * follow, is the order friendships were made.
   */
  private approveRequest(request: FriendshipRecord, now: Date): void {
    this.friendships.remove(new Set([request.id]))
    this.friendships.insert({ ...request, id: this.context.dataSet.runtime.objectId(now), approved: true, updated_at: now.toISOString() })
  }

  private insert(from: string, to: string, approved: boolean, now: Date): void {
    const at = now.toISOString()
    this.friendships.insert({ id: this.context.dataSet.runtime.objectId(now), created_at: at, updated_at: at, user_id: from, friend_id: to, approved })
  }

  private twoWay(): boolean {
    return this.context.settings().friendsMode === 'two-way'
  }

  private now(): Date {
    return this.context.dataSet.runtime.now()
  }
}
