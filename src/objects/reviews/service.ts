import { batchDelete } from '../../engine/batch-delete.js'
import { actingUser } from '../../engine/su-id.js'
import { applyIncrements } from '../../engine/increment.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { mergeCustomFields, parseCustomFields, parseTags } from '../../engine/custom-fields.js'
import { REVIEWS, sentTargets, snakeType, socialCollection, targetParam, withSocialQueryFields, type SentTarget } from '../../engine/social.js'
import { ApiError, deniedByAcl, failedToAuthenticate, notAuthorized, validationFailed } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { integerValue, isAbsent, parseBoolean, textParam, trimmed, type Params } from '../../param-values.js'
import type { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { toQueryDoc } from './query-doc.js'
import type { ReviewRecord } from './record.js'
import { toWireReview, type WireReview } from './view.js'

/** What a Reviews call answers: `reviews` become `response.reviews`; `meta` adds to `meta`. */
export interface ReviewsResult {
  reviews?: WireReview[]
  meta?: Record<string, unknown>
}

/** The type reviews and likes give reviews themselves (a comment on a comment). */
export const REVIEW_TYPE = 'Review'

/** 400 for a call that names no reviewed object, or more than one (docs/reviews.md "Errors"). */
const invalidReviewType = (): ApiError => new ApiError(400, 'Invalid review type')

/** 400 for a `review_id` of update or delete that is missing, malformed or of no review. */
const invalidReviewId = (): ApiError => new ApiError(400, 'Invalid review id')

/** 400 for a `review_id` of show that is missing, malformed or of no review. */
const invalidReviewIds = (): ApiError => new ApiError(400, 'Invalid review id(s)')

/** A create's or update's validation failure (docs/reviews.md "Errors"). */

/**
 * The parameters that name a reviewed object of `type` on a create or update (docs/reviews.md
 * "Reviewed objects"): `<snake type>_id`, but a user is `user_object_id` (or `user_id`) and, on an
 * update, where `review_id` is the review itself, a reviewed review is `review_object_id`.
 */
const writeTargetNames = (verb: 'create' | 'update') => (type: string): readonly string[] => {
  if (type === 'User') return ['user_object_id', 'user_id']
  if (type === REVIEW_TYPE && verb === 'update') return ['review_object_id']
  return [targetParam(type)]
}

/** The filters of a query by reviewed object: `<snake type>_id`, `user_id` for a reviewed user. */
const queryTargetNames = (type: string): readonly string[] => [targetParam(type)]

/**
 * The rules of the Reviews object (docs/reviews.md), one method per endpoint, free of HTTP: the
 * parameters in, {@link ReviewsResult} out, an {@link ApiError} for every refusal. Reviews live in
 * the `reviews` collection, filed by the object they review, from which every reviewed object's
 * counters are read (docs/architecture.md "Reviews and likes"). Who may read and write a review
 * is decided by the shared ACL access (docs/acls.md) only.
 */
export class ReviewsService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly access: AclAccess
  private readonly reviews: Collection<ReviewRecord>
  private readonly queryDoc: (record: ReviewRecord) => Readonly<Record<string, unknown>>

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.access = context.service(acls).access
    this.reviews = socialCollection<ReviewRecord>(this.dataSet, REVIEWS)
    this.queryDoc = withSocialQueryFields(this.dataSet, { type: REVIEW_TYPE }, toQueryDoc)
  }

  /**
   * reviews/create: a review by the caller (or the `su_id` user, admins) of the one object the
   * call names (`post_id`, `photo_id`, `user_object_id`, `custom_object_id`, ...): `content`
   * and/or an integer `rating`, `tags`, `custom_fields`, `acl_name`/`acl_id`. One review per user
   * per object unless `allow_duplicate` is true; the check and the write are one step.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 `Invalid review type` for no object or
   *   more than one; 400 `Invalid <type> id` for an object not stored; 400 `Failed to create review:
   *   Validation failed - ...` (no content or rating, a rating that is no integer, a second review).
   */
  async create(params: Params, caller: Caller): Promise<ReviewsResult> {
    if (!caller.user) throw failedToAuthenticate()
    const author = this.actingUser(params, caller)
    const target = this.target(params, writeTargetNames('create'))
    const { content, rating } = reviewText(params, 'create', undefined)
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, author, false)
    const tags = isAbsent(params.tags) ? undefined : parseTags(params.tags)
    const duplicate = [...this.reviews.group(`${target.type}:${target.id}`)].some((review) => review.user_id === author.id)
    if (duplicate && !parseBoolean(params.allow_duplicate)) throw validationFailed('create review', 'User has already reviewed this object')
    const now = this.dataSet.runtime.now()
    const record: ReviewRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: author.id,
      target_type: target.type,
      target_id: target.id,
      ...(content !== undefined && { content }),
      ...(rating !== undefined && { rating }),
      ...(tags !== undefined && { tags }),
      custom_fields: mergeCustomFields({}, applyIncrements({}, custom, 'custom_fields')),
      ...(aclId && { acl_id: aclId }),
    }
    this.reviews.insert(record)
    await this.dataSet.write()
    return { reviews: [this.wire(record, caller.user)] }
  }

  /**
   * reviews/show: the review `review_id` names (a reviewed object sent beside it is ignored).
   *
   * @throws ApiError 400 `Invalid review id(s)`; 401 when its ACL does not let the caller read it.
   */
  show(params: Params, caller: Caller): ReviewsResult {
    const record = this.stored(params, invalidReviewIds)
    if (!this.access.canRead(caller.user, record.user_id, record.acl_id)) throw deniedByAcl()
    return { reviews: [this.wire(record, caller.user)] }
  }

  /**
   * reviews/query: the standard query, narrowed by the reviewed object's parameter (`post_id`,
   * `user_id` for a reviewed user, ...) and `owner_id` (the author) when sent; `where.user_id` is
   * the author.
   */
  query(params: Params, caller: Caller): ReviewsResult {
    const page = runQuery(params, this.querySource(caller.user, queryFilter(params, this.context.social.types)))
    return { reviews: page.records.map((record) => page.select(this.wire(record, caller.user))), meta: page.meta }
  }

  /** reviews/count: every stored review in `meta.count`, whoever may read it. */
  count(): ReviewsResult {
    return { meta: { count: this.reviews.size } }
  }

  /**
   * reviews/update: `review_id` and the reviewed object (required, as on create, a reviewed review
   * as `review_object_id`; the review keeps its object), `content`, `rating`, `tags`,
   * `custom_fields`, `acl_name`/`acl_id`; what is not sent is kept.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 `Invalid review type` (checked before
   *   the id); 400 `Invalid review id`; 403 `You are not authorized to perform this action.` for a
   *   caller the review's ACL does not let write; 400 `Failed to update review: Validation failed - ...`.
   */
  async update(params: Params, caller: Caller): Promise<ReviewsResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    this.target(params, writeTargetNames('update'))
    const current = this.stored(params, invalidReviewId)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw notAuthorized()
    const { content, rating } = reviewText(params, 'update', current)
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, actor, true)
    const tags = params.tags === undefined ? current.tags : parseTags(params.tags)
    const { acl_id: storedAcl, content: _content, rating: _rating, tags: _tags, ...rest } = current
    const acl_id = keptAclId(storedAcl, aclId)
    const next: ReviewRecord = {
      ...rest,
      ...(content !== undefined && { content }),
      ...(rating !== undefined && { rating }),
      ...(tags !== undefined && { tags }),
      custom_fields: mergeCustomFields(current.custom_fields, applyIncrements(current.custom_fields, custom, 'custom_fields')),
      updated_at: this.dataSet.runtime.now().toISOString(),
      ...(acl_id && { acl_id }),
    }
    this.reviews.replace(current, next)
    await this.dataSet.write()
    return { reviews: [this.wire(next, caller.user)] }
  }

  /**
   * reviews/delete: the review `review_id` names; the reviewed object's counters follow. Meta only.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 `Invalid review id`; 403 as {@link update}.
   */
  async delete(params: Params, caller: Caller): Promise<ReviewsResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params, invalidReviewId)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw notAuthorized()
    this.reviews.remove(new Set([current.id]))
    await this.dataSet.write()
    return {}
  }

  /** reviews/batch_delete (admins): the reviews `where` matches, all without it. Meta only. */
  async batchDelete(params: Params, caller: Caller): Promise<ReviewsResult> {
    await batchDelete(params, caller, this.reviews, (admin) => this.querySource(admin), this.dataSet)
    return {}
  }

  /**
   * The one stored object the call names, its id in lower case.
   *
   * @throws ApiError 400 `Invalid review type` for none or more than one; 400 `Invalid <type> id`
   *   (`Invalid post id`, `Invalid custom_object id`) for one that is malformed or not stored.
   */
  private target(params: Params, namesOf: (type: string) => readonly string[]): SentTarget {
    const sent = sentTargets(params, this.context.social.types, namesOf)
    if (sent.length !== 1) throw invalidReviewType()
    const { type, id } = sent[0]!
    if (!isObjectId(id) || !this.context.social.exists(type, id.toLowerCase())) throw new ApiError(400, `Invalid ${snakeType(type)} id`)
    return { type, id: id.toLowerCase() }
  }

  /** The stored review `review_id` names; `refusal` when there is none. */
  private stored(params: Params, refusal: () => ApiError): ReviewRecord {
    const id = trimmed(textParam(params, 'review_id'))
    const record = id === undefined ? undefined : this.reviews.byIdAsSent(id)
    if (!record) throw refusal()
    return record
  }

  private querySource(viewer: Principal | undefined, filter?: (record: ReviewRecord) => boolean): QuerySource<ReviewRecord> {
    return {
      collection: this.reviews,
      toQueryDoc: this.queryDoc,
      whereLimits: this.whereLimits,
      readable: (record) => (filter === undefined || filter(record)) && this.access.canRead(viewer, record.user_id, record.acl_id),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  /** A record as `viewer` sees it, its author embedded (email only to the author and admins). */
  private wire(record: ReviewRecord, viewer: Principal | undefined): WireReview {
    return toWireReview(record, this.users.wireOwner(record.user_id, viewer), this.access.wireAcls(record, viewer))
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}

/**
 * A create's or update's `content` and `rating` (`"10"` reads as 10); blank counts as not sent.
 * On an update, what is not sent is `current`'s.
 *
 * @throws ApiError 400 `Failed to <verb> review: Validation failed - Rating is not a number.`;
 *   `... - Content or rating is required.` when the review would have neither.
 */
function reviewText(params: Params, verb: 'create' | 'update', current: ReviewRecord | undefined): Pick<ReviewRecord, 'content' | 'rating'> {
  const sentContent = textParam(params, 'content')
  const content = sentContent === undefined ? current?.content : trimmed(sentContent) === undefined ? undefined : sentContent
  let rating = current?.rating
  if (params.rating !== undefined) {
    rating = isAbsent(params.rating) ? undefined : integerValue(params.rating)
    if (!isAbsent(params.rating) && rating === undefined) throw validationFailed(`${verb} review`, 'Rating is not a number')
  }
  if (content === undefined && rating === undefined) throw validationFailed(`${verb} review`, 'Content or rating is required')
  return { content, rating }
}

/**
 * What a query's top-level parameters keep (docs/reviews.md "Queries"): reviews of the object a
 * reviewed-object parameter names, each one sent narrowing further, and reviews by `owner_id`;
 * undefined when none is sent.
 */
function queryFilter(params: Params, types: readonly string[]): ((record: ReviewRecord) => boolean) | undefined {
  const targets = sentTargets(params, types, queryTargetNames)
  const owner = trimmed(textParam(params, 'owner_id'))?.toLowerCase()
  if (targets.length === 0 && owner === undefined) return undefined
  return (record) =>
    (owner === undefined || record.user_id === owner) &&
    targets.every((target) => record.target_type === target.type && record.target_id === target.id.toLowerCase())
}
