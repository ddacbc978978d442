import { batchDelete } from '../../engine/batch-delete.js'
import { actingUser } from '../../engine/su-id.js'
import { rawIdList } from '../../engine/id-list.js'
import { applyIncrements } from '../../engine/increment.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { mergeCustomFields, parseCustomFields, parseTags } from '../../engine/custom-fields.js'
import { withSocialQueryFields } from '../../engine/social.js'
import { applyPhotoChange, readPhotoChange } from '../../engine/primary-photo.js'
import { ApiError, deniedByAcl, failedToAuthenticate, notAuthorized, validationFailed } from '../../errors.js'
import { isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { events } from '../events/index.js'
import { invalidEventId, type EventsService } from '../events/service.js'
import { toQueryDoc } from './query-doc.js'
import type { PostRecord } from './record.js'
import { toWirePost, type WirePost } from './view.js'

/** What a Posts call answers: `posts` become `response.posts`; `meta` adds to `meta`. */
export interface PostsResult {
  posts?: WirePost[]
  meta?: Record<string, unknown>
}

/** The type reviews and likes give posts (docs/architecture.md "Reviews and likes"). */
export const POST_TYPE = 'Post'

/** 400 for a `post_id` that is missing, malformed or names no post (docs/posts.md "Errors"). */
const invalidPostId = (): ApiError => new ApiError(400, 'Invalid post id')

/** 400 for a create or update that leaves `content` empty (docs/posts.md "Errors"). */
const contentBlank = (verb: 'create' | 'update'): ApiError => validationFailed(`${verb} post`, "Content can't be blank")

/**
 * The rules of the Posts object (docs/posts.md), one method per endpoint, free of HTTP: the
 * parameters in, {@link PostsResult} out, an {@link ApiError} for every refusal. Posts live in the
 * `posts` collection. Who may read and write a post is decided by the shared ACL access
 * (docs/acls.md) only.
 */
export class PostsService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly access: AclAccess
  private readonly events: EventsService
  private readonly posts: Collection<PostRecord>
  private readonly queryDoc: (record: PostRecord) => Readonly<Record<string, unknown>>

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.access = context.service(acls).access
    this.events = context.service(events)
    this.posts = new Collection<PostRecord>(this.dataSet, 'posts')
    this.queryDoc = withSocialQueryFields(this.dataSet, { type: POST_TYPE }, toQueryDoc)
  }

  /**
   * posts/create: a new post owned by the caller (or the `su_id` user, admins): `content`
   * (required), `title`, `event_id`, `tags` (a comma list), `custom_fields`, `acl_name`/`acl_id`.
   *
   * @throws ApiError 400 `Failed to authenticate user` without a session; 400 `Failed to create
   *   post: Validation failed - Content can't be blank.` without `content`.
   */
  async create(params: Params, caller: Caller): Promise<PostsResult> {
    if (!caller.user) throw failedToAuthenticate()
    const owner = this.actingUser(params, caller)
    const content = textParam(params, 'content')
    if (content === undefined || content.trim() === '') throw contentBlank('create')
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, owner, false)
    const fields = this.optionalFields(params, undefined)
    const change = await readPhotoChange(params, this.context.photoStore())
    const photo = applyPhotoChange(change, undefined, owner.id, this.context.photoStore())
    const now = this.dataSet.runtime.now()
    const record: PostRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: owner.id,
      content,
      ...fields,
      custom_fields: mergeCustomFields({}, applyIncrements({}, custom, 'custom_fields')),
      ...(aclId && { acl_id: aclId }),
      ...(photo && { photo }),
    }
    this.posts.insert(record)
    await this.dataSet.write()
    return { posts: [this.wire(record, caller.user)] }
  }

  /**
   * posts/show: `post_id`, or `post_ids` (a comma list or a JSON array); the posts found that the
   * caller may read, in the order asked, each once; malformed and unknown ids are skipped.
   *
   * @throws ApiError 400 `Invalid post id` when none is found (or none is sent); 401 when posts
   *   were found but the caller may read none.
   */
  show(params: Params, caller: Caller): PostsResult {
    const ids = rawIdList(params, 'post_ids')?.length ? rawIdList(params, 'post_ids')! : (rawIdList(params, 'post_id') ?? [])
    const stored = ids
      .flatMap((id) => this.posts.byIdAsSent(id) ?? [])
      .filter((record, index, all) => all.indexOf(record) === index)
    if (stored.length === 0) throw invalidPostId()
    const found = stored.filter((record) => this.access.canRead(caller.user, record.user_id, record.acl_id))
    if (found.length === 0) throw deniedByAcl()
    return { posts: found.map((record) => this.wire(record, caller.user)) }
  }

  /** posts/query: `where`, `order`, `sel`/`unsel`, `limit`/`skip`, `count` over the posts the caller may read. */
  query(params: Params, caller: Caller): PostsResult {
    const page = runQuery(params, this.querySource(caller.user))
    return { posts: page.records.map((record) => page.select(this.wire(record, caller.user))), meta: page.meta }
  }

  /** posts/count: every stored post in `meta.count`, whoever may read it. */
  count(): PostsResult {
    return { meta: { count: this.posts.size } }
  }

  /**
   * posts/update: `content`, `title`, `event_id`, `tags` (replacing them; empty removes them),
   * `custom_fields` (merged; `null` removes a field; `{"$inc": n}` adds), `acl_name`/`acl_id`.
   * What is not sent is kept.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 `Invalid post id`; 403 `You are not
   *   authorized to perform this action.` when the caller may not write the post; 400 `Failed to
   *   update post: Validation failed - Content can't be blank.` for an empty `content`.
   */
  async update(params: Params, caller: Caller): Promise<PostsResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw notAuthorized()
    const content = textParam(params, 'content')
    if (content !== undefined && content.trim() === '') throw contentBlank('update')
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, actor, true)
    const change = await readPhotoChange(params, this.context.photoStore())
    // Read again after the upload was read: the post may have changed or gone meanwhile.
    const fresh = this.stored(params)
    const fields = this.optionalFields(params, fresh)
    const { acl_id: storedAcl, title: _title, event_id: _event, tags: _tags, photo: storedPhoto, ...rest } = fresh
    const acl_id = keptAclId(storedAcl, aclId)
    const photo = applyPhotoChange(change, storedPhoto, fresh.user_id, this.context.photoStore())
    const next: PostRecord = {
      ...rest,
      content: content ?? fresh.content,
      ...fields,
      custom_fields: mergeCustomFields(fresh.custom_fields, applyIncrements(fresh.custom_fields, custom, 'custom_fields')),
      updated_at: this.dataSet.runtime.now().toISOString(),
      ...(acl_id && { acl_id }),
      ...(photo && { photo }),
    }
    this.posts.replace(fresh, next)
    await this.dataSet.write()
    return { posts: [this.wire(next, caller.user)] }
  }

  /**
   * posts/delete: the post `post_id` names (its reviews and likes stay). Meta only.
   *
   * @throws ApiError as {@link update}.
   */
  async delete(params: Params, caller: Caller): Promise<PostsResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw notAuthorized()
    this.posts.remove(new Set([current.id]))
    await this.dataSet.write()
    return {}
  }

  /** posts/batch_delete (admins): the posts `where` matches, all without it. Meta only. */
  async batchDelete(params: Params, caller: Caller): Promise<PostsResult> {
    await batchDelete(params, caller, this.posts, (admin) => this.querySource(admin), this.dataSet)
    return {}
  }

  /**
   * `title`, `event_id` and `tags` of a create or update: each as sent, or as `current` has it when
   * not sent (an empty one removes it on an update).
   *
   * @throws ApiError 400 `Invalid event id` for an `event_id` of no event.
   */
  private optionalFields(params: Params, current: PostRecord | undefined): Pick<PostRecord, 'title' | 'event_id' | 'tags'> {
    const sentTitle = textParam(params, 'title')
    const title = params.title === undefined ? current?.title : trimmed(sentTitle) === undefined ? undefined : sentTitle
    const event_id = params.event_id === undefined ? current?.event_id : trimmed(textParam(params, 'event_id'))
    if (event_id !== undefined && this.events.event(event_id) === undefined) throw invalidEventId()
    const tags = params.tags === undefined ? current?.tags : parseTags(params.tags)
    return {
      ...(title !== undefined && { title }),
      ...(event_id !== undefined && { event_id: event_id.toLowerCase() }),
      ...(tags !== undefined && { tags }),
    }
  }

  /** The stored post `post_id` names. @throws ApiError 400 `Invalid post id`. */
  private stored(params: Params): PostRecord {
    const id = trimmed(textParam(params, 'post_id'))
    const record = id === undefined ? undefined : this.posts.byIdAsSent(id)
    if (!record) throw invalidPostId()
    return record
  }

  private querySource(viewer: Principal | undefined): QuerySource<PostRecord> {
    return {
      collection: this.posts,
      toQueryDoc: this.queryDoc,
      whereLimits: this.whereLimits,
      readable: (record) => this.access.canRead(viewer, record.user_id, record.acl_id),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  /** A record as `viewer` sees it: its owner (email only to the owner and admins) and event embedded. */
  private wire(record: PostRecord, viewer: Principal | undefined): WirePost {
    const event = record.event_id === undefined ? undefined : this.events.wireEvent(record.event_id, viewer)
    return toWirePost(record, this.users.wireOwner(record.user_id, viewer), event, this.access.wireAcls(record, viewer))
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}
