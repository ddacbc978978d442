import { batchDelete } from '../../engine/batch-delete.js'
import { applyPhotoChange, readPhotoChange } from '../../engine/primary-photo.js'
import { applyIncrements } from '../../engine/increment.js'
import { mergeCustomFields, parseCustomFields, parseTags } from '../../engine/custom-fields.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { actingUser } from '../../engine/su-id.js'
import { ApiError, deniedByAcl, validationFailed } from '../../errors.js'
import { isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { events } from '../events/index.js'
import { invalidEventId, type EventsService } from '../events/service.js'
import { places } from '../places/index.js'
import { invalidPlaceId, type PlacesService } from '../places/service.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { toQueryDoc } from './query-doc.js'
import { CHECKINS, NO_PLACE_OR_EVENT, type CheckinRecord } from './record.js'
import { toWireCheckin, type WireCheckin } from './view.js'

/** What a Checkins call answers: `checkins` become `response.checkins`; `meta` adds to `meta`. */
export interface CheckinsResult {
  checkins?: WireCheckin[]
  meta?: Record<string, unknown>
}

/** 400 for a `checkin_id` missing, malformed or of no checkin (docs/checkins.md "Errors"). */
const invalidCheckinId = (): ApiError => new ApiError(400, 'Invalid checkin id')

/** 403 for an update or delete of a checkin the caller may not write (no session, on delete, too). */
const cannot = (verb: 'update' | 'delete'): ApiError => new ApiError(403, `Current user cannot ${verb} this checkin`)

/** The link a create or update sends: a place, or else an event (a place wins when both are sent). */
type Link = { place_id: string; event_id?: never } | { event_id: string; place_id?: never }

/**
 * The rules of the Checkins object (docs/checkins.md), one method per endpoint, free of HTTP: a
 * user was at a place or at an event. Checkins live in the `checkins` collection; who may read and
 * write one is decided by the shared ACL access (docs/acls.md). Every write is stored before the
 * method returns. The place or event is embedded while it exists; its id is kept when it goes.
 */
export class CheckinsService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly places: PlacesService
  private readonly events: EventsService
  private readonly access: AclAccess
  private readonly checkins: Collection<CheckinRecord>

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.places = context.service(places)
    this.events = context.service(events)
    this.access = context.service(acls).access
    this.checkins = new Collection<CheckinRecord>(this.dataSet, CHECKINS)
  }

  /**
   * checkins/create: a checkin of the caller (or the `su_id` user, admins) to `place_id` or
   * `event_id`, with `message`, `tags`, `custom_fields`, `acl_name`/`acl_id`.
   *
   * @throws ApiError 400 `Failed to authenticate user` without a session; 400 `Failed to create
   *   checkin: Validation failed - Place or event is required.`; 400 `Invalid place id` / `Invalid event id`.
   */
  async create(params: Params, caller: Caller): Promise<CheckinsResult> {
    const owner = this.actingUser(params, caller)
    const link = this.link(params)
    if (link === undefined) throw validationFailed('create checkin', NO_PLACE_OR_EVENT)
    const custom = isAbsent(params.custom_fields) ? {} : applyIncrements({}, parseCustomFields(params.custom_fields), 'custom_fields')
    const aclId = this.access.attachAcl(params, owner, false)
    const message = textParam(params, 'message')
    const tags = isAbsent(params.tags) ? undefined : parseTags(params.tags)
    const change = await readPhotoChange(params, this.context.photoStore())
    const photo = applyPhotoChange(change, undefined, owner.id, this.context.photoStore())
    const now = this.dataSet.runtime.now()
    const record: CheckinRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: owner.id,
      ...link,
      ...(message !== undefined && message !== '' && { message }),
      ...(tags !== undefined && { tags }),
      custom_fields: mergeCustomFields({}, custom),
      ...(aclId && { acl_id: aclId }),
      ...(photo && { photo }),
    }
    this.checkins.insert(record)
    await this.dataSet.write()
    return { checkins: [this.wire(record, caller.user)] }
  }

  /**
   * checkins/show: the checkin `checkin_id` names.
   *
   * @throws ApiError 400 `Invalid checkin id`; 401 when its ACL does not let the caller read it.
   */
  show(params: Params, caller: Caller): CheckinsResult {
    const record = this.stored(params)
    if (!this.access.canRead(caller.user, record.user_id, record.acl_id)) throw deniedByAcl()
    return { checkins: [this.wire(record, caller.user)] }
  }

  /** checkins/query: `where`, `order`, `sel`/`unsel`, paging and `count` over the checkins the caller may read. */
  query(params: Params, caller: Caller): CheckinsResult {
    const page = runQuery(params, this.querySource(caller.user))
    return { checkins: page.records.map((record) => page.select(this.wire(record, caller.user))), meta: page.meta }
  }

  /** checkins/count: every stored checkin in `meta.count`, whoever may read it. */
  count(): CheckinsResult {
    return { meta: { count: this.checkins.size } }
  }

  /**
   * checkins/update (PUT and POST): a new `place_id` or `event_id` (replacing the link: one at
   * most), `message`, `tags` (`tags=` removes them), `custom_fields` (merged), `acl_name`/`acl_id`.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 `Invalid checkin id`; 403 `Current user
   *   cannot update this checkin`; 400 `Invalid place id` / `Invalid event id`.
   */
  async update(params: Params, caller: Caller): Promise<CheckinsResult> {
    const actor = this.actingUser(params, caller)
    // Read before the checkin: nothing awaits once the stored checkin is read.
    const change = await readPhotoChange(params, this.context.photoStore())
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw cannot('update')
    const link = this.link(params)
    const custom = isAbsent(params.custom_fields) ? {} : applyIncrements(current.custom_fields, parseCustomFields(params.custom_fields), 'custom_fields')
    const aclId = this.access.attachAcl(params, actor, true)
    const message = textParam(params, 'message')
    const { acl_id: storedAcl, place_id, event_id, tags: storedTags, message: storedMessage, photo: storedPhoto, ...rest } = current
    const tags = params.tags === undefined || params.tags === null ? storedTags : parseTags(params.tags)
    const keptMessage = message === undefined || message === '' ? storedMessage : message
    const acl_id = keptAclId(storedAcl, aclId)
    const photo = applyPhotoChange(change, storedPhoto, current.user_id, this.context.photoStore())
    const next: CheckinRecord = {
      ...rest,
      ...(link ?? { ...(place_id !== undefined && { place_id }), ...(event_id !== undefined && { event_id }) }),
      ...(keptMessage !== undefined && { message: keptMessage }),
      ...(tags !== undefined && { tags }),
      custom_fields: mergeCustomFields(current.custom_fields, custom),
      updated_at: this.dataSet.runtime.now().toISOString(),
      ...(acl_id && { acl_id }),
      ...(photo && { photo }),
    }
    this.checkins.replace(current, next)
    await this.dataSet.write()
    return { checkins: [this.wire(next, caller.user)] }
  }

  /**
   * checkins/delete: the checkin `checkin_id` names; its place, event and photo are kept. Meta only.
   *
   * @throws ApiError 403 `Current user cannot delete this checkin` without a session (the real
   *   service's answer) or for a checkin the caller may not write; 400 `Invalid checkin id`.
   */
  async delete(params: Params, caller: Caller): Promise<CheckinsResult> {
    if (!caller.user) throw cannot('delete')
    const actor = this.actingUser(params, caller)
    const current = this.stored(params)
    if (!this.access.canWrite(actor, current.user_id, current.acl_id)) throw cannot('delete')
    this.checkins.remove(new Set([current.id]))
    await this.dataSet.write()
    return {}
  }

  /** checkins/batch_delete (admins): the checkins `where` matches, all without it. Meta only. */
  async batchDelete(params: Params, caller: Caller): Promise<CheckinsResult> {
    await batchDelete(params, caller, this.checkins, (admin) => this.querySource(admin), this.dataSet)
    return {}
  }

  /**
   * The place or event the call sends (`place_id` wins over `event_id`), checked; undefined when neither.
   *
   * @throws ApiError 400 `Invalid place id` / `Invalid event id` for one that is malformed or of nothing.
   */
  private link(params: Params): Link | undefined {
    const placeId = trimmed(textParam(params, 'place_id'))
    if (placeId !== undefined) {
      const place = this.places.place(placeId)
      if (place === undefined) throw invalidPlaceId()
      return { place_id: place.id }
    }
    const eventId = trimmed(textParam(params, 'event_id'))
    if (eventId === undefined) return undefined
    const event = this.events.event(eventId)
    if (event === undefined) throw invalidEventId()
    return { event_id: event.id }
  }

  /** The stored checkin `checkin_id` names. @throws ApiError 400 `Invalid checkin id`. */
  private stored(params: Params): CheckinRecord {
    const id = trimmed(textParam(params, 'checkin_id'))
    const record = id === undefined ? undefined : this.checkins.byIdAsSent(id)
    if (!record) throw invalidCheckinId()
    return record
  }

  private querySource(viewer: Principal | undefined): QuerySource<CheckinRecord> {
    return {
      collection: this.checkins,
      toQueryDoc,
      whereLimits: this.whereLimits,
      readable: (record) => this.access.canRead(viewer, record.user_id, record.acl_id),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  private wire(record: CheckinRecord, viewer: Principal | undefined): WireCheckin {
    return toWireCheckin(record, {
      owner: this.users.wireOwner(record.user_id, viewer),
      place: record.place_id === undefined ? undefined : this.places.wirePlace(record.place_id, viewer),
      event: record.event_id === undefined ? undefined : this.events.wireEvent(record.event_id, viewer),
      acls: this.access.wireAcls(record, viewer).acls,
    })
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}
