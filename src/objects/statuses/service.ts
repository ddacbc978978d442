import { batchDelete } from '../../engine/batch-delete.js'
import { searchPage } from '../../engine/deprecated-search.js'
import { actingUser } from '../../engine/su-id.js'
import { applyIncrements } from '../../engine/increment.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, scanMatching, type QuerySource } from '../../engine/query-run.js'
import { mergeCustomFields, parseCustomFields, parseTags } from '../../engine/custom-fields.js'
import { withSocialQueryFields } from '../../engine/social.js'
import { applyPhotoChange, readPhotoChange } from '../../engine/primary-photo.js'
import { ApiError, deniedByAcl, failedToAuthenticate, invalidParameter, notAuthorized, validationFailed } from '../../errors.js'
import { isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { parseIsoDate } from '../../query/date-value.js'
import { compileKeywords } from '../../query/text.js'
import { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { places } from '../places/index.js'
import { invalidPlaceId, type PlacesService } from '../places/service.js'
import { events } from '../events/index.js'
import { invalidEventId, type EventsService } from '../events/service.js'
import { toQueryDoc } from './query-doc.js'
import type { StatusRecord } from './record.js'
import { toWireStatus, type WireStatus } from './view.js'

/** What a Statuses call answers: `statuses` become `response.statuses`; `meta` adds to `meta`. */
export interface StatusesResult {
  statuses?: WireStatus[]
  meta?: Record<string, unknown>
}

/** The type reviews and likes give statuses (docs/architecture.md "Reviews and likes"). */
export const STATUS_TYPE = 'Status'

/** 400 for a `status_id` that is missing, malformed or names no status (docs/statuses.md "Errors"). */
const invalidStatusId = (): ApiError => new ApiError(400, 'Invalid status id')

/** A create's or update's validation failure (docs/statuses.md "Errors"). */

/**
 * The rules of the Statuses object (docs/statuses.md), one method per endpoint, free of HTTP: the
 * parameters in, {@link StatusesResult} out, an {@link ApiError} for every refusal. Statuses live
 * in the `statuses` collection, each tied to a place or an event at most. Who may read and write a
 * status is decided by the shared ACL access (docs/acls.md) only.
 */
export class StatusesService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly access: AclAccess
  private readonly places: PlacesService
  private readonly events: EventsService
  private readonly statuses: Collection<StatusRecord>
  private readonly queryDoc: (record: StatusRecord) => Readonly<Record<string, unknown>>

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.access = context.service(acls).access
    this.places = context.service(places)
    this.events = context.service(events)
    this.statuses = new Collection<StatusRecord>(this.dataSet, 'statuses')
    this.queryDoc = withSocialQueryFields(this.dataSet, { type: STATUS_TYPE }, toQueryDoc)
  }

  /**
   * statuses/create: a new status of the caller (or the `su_id` user, admins): `message`
   * (required), `place_id` or `event_id`, `tags`, `custom_fields`, `acl_name`/`acl_id`.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 `Failed to create status: Validation
   *   failed - ...` (no message; a place and an event); 400 `Invalid place id` / `Invalid event id`.
   */
  async create(params: Params, caller: Caller): Promise<StatusesResult> {
    if (!caller.user) throw failedToAuthenticate()
    const owner = this.actingUser(params, caller)
    const message = textParam(params, 'message')
    if (message === undefined || message.trim() === '') throw validationFailed('create status', "Message can't be blank")
    const links = this.links(params, 'create', undefined)
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, owner, false)
    const tags = isAbsent(params.tags) ? undefined : parseTags(params.tags)
    const change = await readPhotoChange(params, this.context.photoStore())
    const photo = applyPhotoChange(change, undefined, owner.id, this.context.photoStore())
    const now = this.dataSet.runtime.now()
    const record: StatusRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: owner.id,
      message,
      ...links,
      ...(tags !== undefined && { tags }),
      custom_fields: mergeCustomFields({}, applyIncrements({}, custom, 'custom_fields')),
      ...(aclId && { acl_id: aclId }),
      ...(photo && { photo }),
    }
    this.statuses.insert(record)
    await this.dataSet.write()
    return { statuses: [this.wire(record, caller.user)] }
  }

  /**
   * statuses/show: the status `status_id` names.
   *
   * @throws ApiError 400 `Invalid status id`; 401 when its ACL does not let the caller read it.
   */
  show(params: Params, caller: Caller): StatusesResult {
    const record = this.stored(params)
    if (!this.access.canRead(caller.user, record.user_id, record.acl_id)) throw deniedByAcl()
    return { statuses: [this.wire(record, caller.user)] }
  }

  /** statuses/query: `where`, `order`, `sel`/`unsel`, `limit`/`skip`, `count` over the statuses the caller may read. */
  query(params: Params, caller: Caller): StatusesResult {
    const page = runQuery(params, this.querySource(caller.user))
    return { statuses: page.records.map((record) => page.select(this.wire(record, caller.user))), meta: page.meta }
  }

  /**
   * statuses/search (deprecated; docs/statuses.md "Search"): the statuses the caller may read of
   * `user_id`, made at or after `start_time`, whose message holds every keyword of `q` (each when
   * sent), in creation order, paged with `page`/`per_page` and the search meta.
   *
   * @throws ApiError 400 `Invalid start_time parameter: ...` for a time it cannot read; the paging refusals.
   */
  search(params: Params, caller: Caller): StatusesResult {
    const user = trimmed(textParam(params, 'user_id'))?.toLowerCase()
    const since = startTime(params)
    const keywords = compileKeywords(textParam(params, 'q') ?? '', ['message'])
    const matches = scanMatching(this.querySource(caller.user), (doc) => {
      if (user !== undefined && doc.user_id !== user) return false
      if (since !== undefined && (doc.created_at as Date) < since) return false
      return keywords(doc)
    })
    const { records, meta } = searchPage(matches, params)
    return { statuses: records.map((record) => this.wire(record, caller.user)), meta }
  }

  /** statuses/count: every stored status in `meta.count`, whoever may read it. */
  count(): StatusesResult {
    return { meta: { count: this.statuses.size } }
  }

  /**
   * statuses/update: `message`, `place_id` or `event_id` (an empty one unties), `tags` (replacing
   * them; empty removes them), `custom_fields` (merged), `acl_name`/`acl_id`. What is not sent is kept.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 `Invalid status id`; 403 `You are not
   *   authorized to perform this action.` for a caller the status's ACL does not let write; 400
   *   `Failed to update status: Validation failed - ...`; 400 `Invalid place id` / `Invalid event id`.
   */
  async update(params: Params, caller: Caller): Promise<StatusesResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw notAuthorized()
    const message = textParam(params, 'message')
    if (message !== undefined && message.trim() === '') throw validationFailed('update status', "Message can't be blank")
    const custom = isAbsent(params.custom_fields) ? {} : parseCustomFields(params.custom_fields)
    const aclId = this.access.attachAcl(params, actor, true)
    const change = await readPhotoChange(params, this.context.photoStore())
    // Read again after the upload was read: the status may have changed or gone meanwhile.
    const fresh = this.stored(params)
    const links = this.links(params, 'update', fresh)
    const tags = params.tags === undefined ? fresh.tags : parseTags(params.tags)
    const { acl_id: storedAcl, place_id: _place, event_id: _event, tags: _tags, photo: storedPhoto, ...rest } = fresh
    const acl_id = keptAclId(storedAcl, aclId)
    const photo = applyPhotoChange(change, storedPhoto, fresh.user_id, this.context.photoStore())
    const next: StatusRecord = {
      ...rest,
      message: message ?? fresh.message,
      ...links,
      ...(tags !== undefined && { tags }),
      custom_fields: mergeCustomFields(fresh.custom_fields, applyIncrements(fresh.custom_fields, custom, 'custom_fields')),
      updated_at: this.dataSet.runtime.now().toISOString(),
      ...(acl_id && { acl_id }),
      ...(photo && { photo }),
    }
    this.statuses.replace(fresh, next)
    await this.dataSet.write()
    return { statuses: [this.wire(next, caller.user)] }
  }

  /**
   * statuses/delete: the status `status_id` names (its place, event, reviews and likes stay). Meta only.
   *
   * @throws ApiError as {@link update}.
   */
  async delete(params: Params, caller: Caller): Promise<StatusesResult> {
    if (!caller.user) throw failedToAuthenticate()
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw notAuthorized()
    this.statuses.remove(new Set([current.id]))
    await this.dataSet.write()
    return {}
  }

  /** statuses/batch_delete (admins): the statuses `where` matches, all without it. Meta only. */
  async batchDelete(params: Params, caller: Caller): Promise<StatusesResult> {
    await batchDelete(params, caller, this.statuses, (admin) => this.querySource(admin), this.dataSet)
    return {}
  }

  /**
   * The place or event a create or update ties the status to: each as sent (an empty one unties),
   * or as `current` has it when not sent.
   *
   * @throws ApiError 400 `Invalid place id` / `Invalid event id` for one not stored; 400 `Failed to
   *   <verb> status: Validation failed - Status can be associated with either a place or an event.`
   */
  private links(params: Params, verb: 'create' | 'update', current: StatusRecord | undefined): Pick<StatusRecord, 'place_id' | 'event_id'> {
    const place_id = params.place_id === undefined ? current?.place_id : trimmed(textParam(params, 'place_id'))
    const event_id = params.event_id === undefined ? current?.event_id : trimmed(textParam(params, 'event_id'))
    if (place_id !== undefined && this.places.place(place_id) === undefined) throw invalidPlaceId()
    if (event_id !== undefined && this.events.event(event_id) === undefined) throw invalidEventId()
    if (place_id !== undefined && event_id !== undefined) {
      throw validationFailed(`${verb} status`, 'Status can be associated with either a place or an event')
    }
    return {
      ...(place_id !== undefined && { place_id: place_id.toLowerCase() }),
      ...(event_id !== undefined && { event_id: event_id.toLowerCase() }),
    }
  }

  /** The stored status `status_id` names. @throws ApiError 400 `Invalid status id`. */
  private stored(params: Params): StatusRecord {
    const id = trimmed(textParam(params, 'status_id'))
    const record = id === undefined ? undefined : this.statuses.byIdAsSent(id)
    if (!record) throw invalidStatusId()
    return record
  }

  private querySource(viewer: Principal | undefined): QuerySource<StatusRecord> {
    return {
      collection: this.statuses,
      toQueryDoc: this.queryDoc,
      whereLimits: this.whereLimits,
      readable: (record) => this.access.canRead(viewer, record.user_id, record.acl_id),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  /** A record as `viewer` sees it: its owner, place and event embedded as the viewer may see them. */
  private wire(record: StatusRecord, viewer: Principal | undefined): WireStatus {
    return toWireStatus(record, {
      owner: this.users.wireOwner(record.user_id, viewer),
      place: record.place_id === undefined ? undefined : this.places.wirePlace(record.place_id, viewer),
      event: record.event_id === undefined ? undefined : this.events.wireEvent(record.event_id, viewer),
      ...this.access.wireAcls(record, viewer),
    })
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}

/**
 * A search's `start_time`: an ISO 8601 or wire-format time, also as the JSON text of one (ti.cloud
 * sends a `Date` as `"2012-…Z"`, quotes included); undefined when not sent.
 *
 * @throws ApiError 400 `Invalid start_time parameter: expected a date` for anything else.
 */
function startTime(params: Params): Date | undefined {
  const text = trimmed(textParam(params, 'start_time'))
  if (text === undefined) return undefined
  const unquoted = text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text
  const date = parseIsoDate(unquoted)
  if (date === undefined) throw invalidParameter('start_time', 'expected a date')
  return date
}
