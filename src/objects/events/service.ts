import { batchDelete } from '../../engine/batch-delete.js'
import { applyPhotoChange, readPhotoChange } from '../../engine/primary-photo.js'
import { searchPage } from '../../engine/deprecated-search.js'
import { rawIdList } from '../../engine/id-list.js'
import { applyIncrements } from '../../engine/increment.js'
import { mergeCustomFields, parseCustomFields } from '../../engine/custom-fields.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, scanMatching, type QueryDoc, type QuerySource } from '../../engine/query-run.js'
import { actingUser } from '../../engine/su-id.js'
import { ApiError, deniedByAcl, notAuthorized } from '../../errors.js'
import { definedFields } from '../../json.js'
import { isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { compileKeywords } from '../../query/text.js'
import { Collection } from '../../store/collection.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { places } from '../places/index.js'
import { lngLatOf } from '../places/record.js'
import { kmBetween, numberParam, searchCentre } from '../places/search-params.js'
import { invalidPlaceId, type PlacesService } from '../places/service.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { checkRecurrence, eventFields } from './event-params.js'
import { eventTime } from './event-time.js'
import { occurrencesOf, type Occurrence } from './occurrences.js'
import { eventQueryDoc, occurrenceId, occurrenceQueryDoc, type OccurrenceRow } from './query-doc.js'
import { EVENTS, type EventRecord } from './record.js'
import { toWireEvent, toWireOccurrence, type WireEvent } from './view.js'

/** What an Events call answers: `events` / `event_occurrences` become the response's; `meta` adds to `meta`. */
export interface EventsResult {
  events?: WireEvent[]
  event_occurrences?: WireEvent[]
  meta?: Record<string, unknown>
}

/** 400 for an `event_id` missing, malformed or of no event (docs/events.md "Errors"); Checkins use it too. */
export const invalidEventId = (): ApiError => new ApiError(400, 'Invalid event id')

/** The fields `q` searches (docs/events.md "Search"). */
const SEARCHED = ['name', 'tags_array']

/**
 * The rules of the Events object (docs/events.md), one method per endpoint, free of HTTP. Events
 * live in the `events` collection; their occurrences are worked out from the stored event at every
 * read ({@link occurrencesOf}), so they follow every change of the event. Who may read and write an
 * event is decided by the shared ACL access (docs/acls.md). Every write is stored before the method
 * returns. Checkins find and embed events through {@link event} and {@link wireEvent}.
 */
export class EventsService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly places: PlacesService
  private readonly access: AclAccess
  private readonly events: Collection<EventRecord>

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.places = context.service(places)
    this.access = context.service(acls).access
    this.events = new Collection<EventRecord>(this.dataSet, EVENTS)
  }

  /**
   * events/create: a new event owned by the caller (or the `su_id` user, admins): `name`,
   * `start_time`, `duration`, `details`, the recurrence, `place_id`, `tags`, `custom_fields`, `acl_name`/`acl_id`.
   *
   * @throws ApiError 400 `Failed to authenticate user` without a session; the refusals of
   *   {@link eventFields} and {@link checkRecurrence}; 400 `Invalid place id` for a place that does not exist.
   */
  async create(params: Params, caller: Caller): Promise<EventsResult> {
    const owner = this.actingUser(params, caller)
    const fields = eventFields(params, 'create')
    checkRecurrence(fields)
    this.checkPlace(fields.place_id)
    const custom = isAbsent(params.custom_fields) ? {} : applyIncrements({}, parseCustomFields(params.custom_fields), 'custom_fields')
    const aclId = this.access.attachAcl(params, owner, false)
    const change = await readPhotoChange(params, this.context.photoStore())
    const photo = applyPhotoChange(change, undefined, owner.id, this.context.photoStore())
    const now = this.dataSet.runtime.now()
    const record: EventRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: owner.id,
      name: fields.name ?? '',
      start_time: fields.start_time ?? now.toISOString(),
      ...definedFields(fields),
      custom_fields: mergeCustomFields({}, custom),
      ...(aclId && { acl_id: aclId }),
      ...(photo && { photo }),
    }
    this.events.insert(record)
    await this.dataSet.write()
    return { events: [this.wire(record, caller.user)] }
  }

  /**
   * events/show: the event `event_id` names, or those of `event_ids` (a comma list or JSON array)
   * that exist and the caller may read.
   *
   * @throws ApiError 400 `Invalid event id` when none is found; 401 when none found may be read.
   */
  show(params: Params, caller: Caller): EventsResult {
    const ids = rawIdList(params, 'event_ids')
    const wanted = ids !== undefined && ids.length > 0 ? ids : [trimmed(textParam(params, 'event_id')) ?? '']
    const found = wanted.flatMap((id) => this.event(id) ?? [])
    if (found.length === 0) throw invalidEventId()
    const readable = found.filter((record) => this.readable(record, caller.user))
    if (readable.length === 0) throw deniedByAcl()
    return { events: [...new Set(readable)].map((record) => this.wire(record, caller.user)) }
  }

  /**
   * events/show/occurrences: the occurrences of the event `event_id` names, first first, paged
   * with `page`/`per_page` and the paging meta.
   *
   * @throws ApiError as {@link show} for one id; the paging refusals.
   */
  showOccurrences(params: Params, caller: Caller): EventsResult {
    const record = this.stored(params)
    if (!this.readable(record, caller.user)) throw deniedByAcl()
    const { records, meta } = searchPage(this.rows(record), params)
    return { event_occurrences: this.wireRows(records, caller.user), meta }
  }

  /** events/query: `where` (with `$nearSphere` on `lnglat`, the place's), `order`, `sel`/`unsel`, paging, `count`. */
  query(params: Params, caller: Caller): EventsResult {
    const page = runQuery(params, this.querySource(caller.user))
    return { events: page.records.map((record) => page.select(this.wire(record, caller.user))), meta: page.meta }
  }

  /**
   * events/query/occurrences: a query over the occurrences of every event the caller may read,
   * by `start_time` (then creation of the event) unless `order` says otherwise.
   */
  queryOccurrences(params: Params, caller: Caller): EventsResult {
    const page = runQuery(params, this.occurrenceSource(this.allRows(caller.user)))
    return { event_occurrences: this.wireRows(page.records, caller.user).map((wire) => page.select(wire)), meta: page.meta }
  }

  /**
   * events/search (deprecated; docs/events.md "Search"): the events the caller may read whose name
   * or tags hold every keyword of `q`, narrowed by `place_id`, `user_id`, `latitude`/`longitude`
   * with `distance` (km, around the event's place) and `start_time` (starting then or later), in
   * creation order, paged with the search meta.
   */
  search(params: Params, caller: Caller): EventsResult {
    const accepts = this.searchFilter(params)
    const since = timeParam(params, 'start_time')
    const found = scanMatching(this.querySource(caller.user), undefined).filter((record) => accepts(record) && (since === undefined || record.start_time >= since))
    const { records, meta } = searchPage(found, params)
    return { events: records.map((record) => this.wire(record, caller.user)), meta }
  }

  /**
   * events/search/occurrences (deprecated): the occurrences of the events {@link search} keeps
   * (without its `start_time`), starting at or after `start_time` and ending at or before
   * `end_time`, by start; paged with the search meta.
   */
  searchOccurrences(params: Params, caller: Caller): EventsResult {
    const accepts = this.searchFilter(params)
    const since = timeParam(params, 'start_time')
    const until = timeParam(params, 'end_time')
    const found = this.allRows(caller.user).filter(
      ({ event, occurrence }) =>
        accepts(event) && (since === undefined || occurrence.start_time >= since) && (until === undefined || occurrence.end_time <= until),
    )
    const { records, meta } = searchPage(found, params)
    return { event_occurrences: this.wireRows(records, caller.user), meta }
  }

  /** events/count: every stored event in `meta.count`, whoever may read it. */
  count(): EventsResult {
    return { meta: { count: this.events.size } }
  }

  /**
   * events/update: the fields sent replace the stored ones (`tags=` removes them), `custom_fields`
   * merge, `acl_name`/`acl_id` (`""` detaches); the occurrences follow.
   *
   * @throws ApiError 400 `Failed to authenticate user`; 400 `Invalid event id`; 403 `You are not
   *   authorized to perform this action.` for someone who may not write it; as {@link create} for the fields.
   */
  async update(params: Params, caller: Caller): Promise<EventsResult> {
    const actor = this.actingUser(params, caller)
    // Read before the event: nothing awaits once the stored event is read.
    const change = await readPhotoChange(params, this.context.photoStore())
    const current = this.writable(params, actor)
    const fields = eventFields(params, 'update')
    this.checkPlace(fields.place_id)
    const custom = isAbsent(params.custom_fields) ? {} : applyIncrements(current.custom_fields, parseCustomFields(params.custom_fields), 'custom_fields')
    const aclId = this.access.attachAcl(params, actor, true)
    const { acl_id: storedAcl, tags: storedTags, photo: storedPhoto, ...rest } = current
    const tags = 'tags' in fields ? fields.tags : storedTags
    const acl_id = keptAclId(storedAcl, aclId)
    const merged = { ...rest, ...definedFields(fields) }
    checkRecurrence(merged)
    const photo = applyPhotoChange(change, storedPhoto, current.user_id, this.context.photoStore())
    const next: EventRecord = {
      ...merged,
      ...(tags !== undefined && { tags }),
      custom_fields: mergeCustomFields(current.custom_fields, custom),
      updated_at: this.dataSet.runtime.now().toISOString(),
      ...(acl_id && { acl_id }),
      ...(photo && { photo }),
    }
    this.events.replace(current, next)
    await this.dataSet.write()
    return { events: [this.wire(next, caller.user)] }
  }

  /** events/delete: the event `event_id` names, and so its occurrences. Meta only. @throws ApiError as {@link update}. */
  async delete(params: Params, caller: Caller): Promise<EventsResult> {
    const current = this.writable(params, this.actingUser(params, caller))
    this.events.remove(new Set([current.id]))
    await this.dataSet.write()
    return {}
  }

  /** events/batch_delete (admins): the events `where` matches, all without it. Meta only. */
  async batchDelete(params: Params, caller: Caller): Promise<EventsResult> {
    await batchDelete(params, caller, this.events, (admin) => this.querySource(admin), this.dataSet)
    return {}
  }

  /** The stored event with this id (any case), or undefined: how Checkins check an `event_id`. */
  event(id: string): EventRecord | undefined {
    return this.events.byIdAsSent(id)
  }

  /** The event `id` names as `viewer` sees it embedded in another object, or undefined (deleted, or unreadable). */
  wireEvent(id: string, viewer: Principal | undefined): WireEvent | undefined {
    const record = this.event(id)
    return record && this.readable(record, viewer) ? this.wire(record, viewer) : undefined
  }

  /** @throws ApiError 400 `Invalid place id` for a `place_id` of no place. */
  private checkPlace(placeId: string | undefined): void {
    if (placeId !== undefined && this.places.place(placeId) === undefined) throw invalidPlaceId()
  }

  /** The stored event `event_id` names. @throws ApiError 400 `Invalid event id`. */
  private stored(params: Params): EventRecord {
    const record = this.event(trimmed(textParam(params, 'event_id')) ?? '')
    if (!record) throw invalidEventId()
    return record
  }

  /** The stored event `event_id` names, when `actor` may write it. @throws ApiError 400, 403. */
  private writable(params: Params, actor: Principal): EventRecord {
    const record = this.stored(params)
    if (!this.access.canWrite(actor, record.user_id, record.acl_id)) throw notAuthorized()
    return record
  }

  private readable(record: EventRecord, viewer: Principal | undefined): boolean {
    return this.access.canRead(viewer, record.user_id, record.acl_id)
  }

  /** The `[longitude, latitude]` of the event's place now, if it has a located one. */
  private lngLat(record: EventRecord): [number, number] | undefined {
    const place = record.place_id === undefined ? undefined : this.places.place(record.place_id)
    return place && lngLatOf(place)
  }

  /** The keyword, place, owner and distance conditions of a search. @throws ApiError 400 for a number that is none. */
  private searchFilter(params: Params): (record: EventRecord) => boolean {
    const keywords = compileKeywords(textParam(params, 'q') ?? '', SEARCHED)
    const placeId = trimmed(textParam(params, 'place_id'))?.toLowerCase()
    const userId = trimmed(textParam(params, 'user_id'))?.toLowerCase()
    const centre = searchCentre(params)
    const distance = numberParam(params, 'distance')
    return (record) => {
      if ((placeId !== undefined && record.place_id !== placeId) || (userId !== undefined && record.user_id !== userId)) return false
      if (centre !== undefined) {
        const at = this.lngLat(record)
        if (at === undefined || (distance !== undefined && kmBetween(at, centre) > distance)) return false
      }
      return keywords(this.queryDoc(record))
    }
  }

  private queryDoc(record: EventRecord): QueryDoc {
    return eventQueryDoc(record, occurrencesOf(record).length, this.lngLat(record))
  }

  private querySource(viewer: Principal | undefined): QuerySource<EventRecord> {
    return {
      collection: this.events,
      toQueryDoc: (record) => this.queryDoc(record),
      whereLimits: this.whereLimits,
      readable: (record) => this.readable(record, viewer),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  /** An event's occurrences as rows, first first. */
  private rows(event: EventRecord): OccurrenceRow[] {
    return occurrencesOf(event).map((occurrence: Occurrence) => ({
      id: occurrenceId(event.id, occurrence.index),
      created_at: event.created_at,
      updated_at: event.updated_at,
      occurrence,
      event,
    }))
  }

  /** The occurrences of every event `viewer` may read, by start (ties: the event made first). */
  private allRows(viewer: Principal | undefined): OccurrenceRow[] {
    const rows = scanMatching(this.querySource(viewer), undefined).flatMap((event) => this.rows(event))
    return rows.sort((a, b) => (a.occurrence.start_time < b.occurrence.start_time ? -1 : a.occurrence.start_time > b.occurrence.start_time ? 1 : 0))
  }

  private occurrenceSource(rows: OccurrenceRow[]): QuerySource<OccurrenceRow> {
    return {
      collection: { scan: (accept, wanted = Infinity) => (accept === undefined ? rows : rows.filter(accept)).slice(0, wanted) },
      toQueryDoc: (row) => occurrenceQueryDoc(row, this.lngLat(row.event)),
      whereLimits: this.whereLimits,
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  private wire(record: EventRecord, viewer: Principal | undefined): WireEvent {
    return toWireEvent(record, occurrencesOf(record).length, {
      owner: this.users.wireOwner(record.user_id, viewer),
      place: record.place_id === undefined ? undefined : this.places.wirePlace(record.place_id, viewer),
      acls: this.access.wireAcls(record, viewer).acls,
    })
  }

  /** Occurrences for the wire, each event rendered once. */
  private wireRows(rows: readonly OccurrenceRow[], viewer: Principal | undefined): WireEvent[] {
    const events = new Map<EventRecord, WireEvent>()
    return rows.map((row) => {
      let event = events.get(row.event)
      if (event === undefined) events.set(row.event, (event = this.wire(row.event, viewer)))
      return toWireOccurrence(row.id, row.occurrence, event)
    })
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}

/** A time parameter of a search (read as event times are), undefined when not sent. */
function timeParam(params: Params, name: string): string | undefined {
  const text = trimmed(textParam(params, name))
  return text === undefined ? undefined : eventTime(text)
}
