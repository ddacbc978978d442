import { actingUser, userNamed } from '../../engine/su-id.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { LIKES, sentTargets, snakeType, socialCollection, targetParam, type SentTarget } from '../../engine/social.js'
import { ApiError, failedToAuthenticate, validationFailed } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { isAbsent, type Params } from '../../param-values.js'
import type { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { toQueryDoc } from './query-doc.js'
import type { LikeRecord } from './record.js'
import { toWireLike, type WireLike } from './view.js'

/** What a Likes call answers: `likes` become `response.likes`; `meta` adds to `meta`. */
export interface LikesResult {
  likes?: WireLike[]
  meta?: Record<string, unknown>
}

/** 400 for a call that names no liked object, or more than one (docs/likes.md "Errors"). */
const invalidLikeType = (): ApiError => new ApiError(400, 'Invalid like type')

/** The parameters that name a liked object of `type` on a create or delete: `<snake type>_id`. */
const writeTargetNames = (type: string): readonly string[] => [targetParam(type)]

/** The filters of a query by liked object: `<snake type>_id`, but a liked user is `user_object_id`. */
const queryTargetNames = (type: string): readonly string[] => (type === 'User' ? ['user_object_id'] : [targetParam(type)])

/**
 * The rules of the Likes object (docs/likes.md), one method per endpoint, free of HTTP: the
 * parameters in, {@link LikesResult} out, an {@link ApiError} for every refusal. Likes live in the
 * `likes` collection, filed by the object liked, from which every liked object's `likes_count` is
 * read (docs/architecture.md "Reviews and likes"). A user likes an object once: the check and the
 * write are one synchronous step, so parallel likes cannot both pass.
 */
export class LikesService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly users: UsersService
  private readonly likes: Collection<LikeRecord>

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.users = context.service(users)
    this.likes = socialCollection<LikeRecord>(this.dataSet, LIKES)
  }

  /**
   * likes/create: the caller (or the `su_id` user, admins) likes the one object the call names
   * (`post_id`, `photo_id`, `user_id`, `custom_object_id`, ...).
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 `Invalid like type` for no object or
   *   more than one; 400 `<type> not found` (`custom_object not found`) for an object not stored;
   *   400 `Failed to create like: Validation failed - User has already liked this object.`
   */
  async create(params: Params, caller: Caller): Promise<LikesResult> {
    if (!caller.user) throw failedToAuthenticate()
    const liker = this.actingUser(params, caller)
    const target = this.target(params)
    if (this.likeOf(liker, target) !== undefined) throw validationFailed('create like', 'User has already liked this object')
    const now = this.dataSet.runtime.now()
    const record: LikeRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: liker.id,
      target_type: target.type,
      target_id: target.id,
    }
    this.likes.insert(record)
    await this.dataSet.write()
    return { likes: [this.wire(record, caller.user)] }
  }

  /**
   * likes/delete: takes back the caller's (or the `su_id` user's) like of the object the call
   * names. Meta only.
   *
   * @throws ApiError as {@link create} for the session and the object; 400 `Invalid <Type> id or
   *   current user hasn't liked it` when the user has no like of it.
   */
  async delete(params: Params, caller: Caller): Promise<LikesResult> {
    if (!caller.user) throw failedToAuthenticate()
    const liker = this.actingUser(params, caller)
    const target = this.target(params)
    const like = this.likeOf(liker, target)
    if (like === undefined) throw new ApiError(400, `Invalid ${target.type} id or current user hasn't liked it`)
    this.likes.remove(new Set([like.id]))
    await this.dataSet.write()
    return {}
  }

  /**
   * likes/query: the standard query over the likes the caller made (an admin: everybody's), or
   * those of the user `su_id` names, narrowed by the liked object's parameter (`post_id`,
   * `user_object_id` for a liked user, ...). Nobody signed in sees none.
   *
   * @throws ApiError 403 `You are not authorized to perform this action.` for a non-admin's `su_id`
   *   naming someone else; 404 `User not found.` for an admin's naming no user.
   */
  query(params: Params, caller: Caller): LikesResult {
    const viewer = caller.user
    const by = viewer !== undefined && !isAbsent(params.su_id) ? userNamed(params.su_id, viewer, (id) => this.users.userById(id)) : undefined
    const targets = sentTargets(params, this.context.social.types, queryTargetNames)
    const page = runQuery(params, this.querySource((like) => {
      if (viewer === undefined) return false
      if (by !== undefined ? like.user_id !== by.id : !viewer.admin && like.user_id !== viewer.id) return false
      return targets.every((target) => like.target_type === target.type && like.target_id === target.id.toLowerCase())
    }))
    return { likes: page.records.map((record) => page.select(this.wire(record, viewer))), meta: page.meta }
  }

  /** `liker`'s like of `target`, if any. */
  private likeOf(liker: Principal, target: SentTarget): LikeRecord | undefined {
    for (const like of this.likes.group(`${target.type}:${target.id}`)) if (like.user_id === liker.id) return like
    return undefined
  }

  /**
   * The one stored object the call names, its id in lower case.
   *
   * @throws ApiError 400 `Invalid like type` for none or more than one; 400 `<type> not found`
   *   for one that is malformed or not stored.
   */
  private target(params: Params): SentTarget {
    const sent = sentTargets(params, this.context.social.types, writeTargetNames)
    if (sent.length !== 1) throw invalidLikeType()
    const { type, id } = sent[0]!
    if (!isObjectId(id) || !this.context.social.exists(type, id.toLowerCase())) throw new ApiError(400, `${snakeType(type)} not found`)
    return { type, id: id.toLowerCase() }
  }

  private querySource(readable: (record: LikeRecord) => boolean): QuerySource<LikeRecord> {
    return {
      collection: this.likes,
      toQueryDoc,
      whereLimits: this.context.server.whereLimits,
      readable,
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  /** A record as `viewer` sees it, who liked embedded (email only to that user and admins). */
  private wire(record: LikeRecord, viewer: Principal | undefined): WireLike {
    return toWireLike(record, this.users.wireOwner(record.user_id, viewer))
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}
