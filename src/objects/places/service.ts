import { batchDelete } from '../../engine/batch-delete.js'
import { applyPhotoChange, readPhotoChange } from '../../engine/primary-photo.js'
import { searchPage } from '../../engine/deprecated-search.js'
import { withSocialQueryFields } from '../../engine/social.js'
import { applyIncrements } from '../../engine/increment.js'
import { mergeCustomFields, parseCustomFields } from '../../engine/custom-fields.js'
import type { Caller, Principal, ServiceContext } from '../../engine/object.js'
import { runQuery, scanMatching, type QuerySource } from '../../engine/query-run.js'
import { actingUser } from '../../engine/su-id.js'
import { ApiError, deniedByAcl, invalidObjectId, notAuthorized, userNotFound } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import { definedFields } from '../../json.js'
import { isAbsent, textParam, trimmed, type Params } from '../../param-values.js'
import { compileKeywords } from '../../query/text.js'
import { Collection } from '../../store/collection.js'
import { keptAclId, type AclAccess } from '../acls/access.js'
import { acls } from '../acls/index.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { placeFields } from './place-params.js'
import { kmBetween, numberParam, searchCentre } from './search-params.js'
import { toQueryDoc } from './query-doc.js'
import { lngLatOf, PLACES, type PlaceRecord } from './record.js'
import { toWirePlace, type WirePlace } from './view.js'

/** What a Places call answers: `places` become `response.places`; `meta` adds to `meta`. */
export interface PlacesResult {
  places?: WirePlace[]
  meta?: Record<string, unknown>
}

/** The type reviews and likes give places (docs/architecture.md "Reviews and likes"). */
export const PLACE_TYPE = 'Place'

/** 400 for a `place_id` missing, malformed or of no place (docs/places.md "Errors"); Checkins and Events use it too. */
export const invalidPlaceId = (): ApiError => new ApiError(400, 'Invalid place id')

/** The fields `q` searches (docs/places.md "Search"). */
const SEARCHED = ['name', 'tags_array']

/**
 * The rules of the Places object (docs/places.md), one method per endpoint, free of HTTP: the
 * parameters in, {@link PlacesResult} out, an {@link ApiError} for every refusal. Places live in
 * the `places` collection; who may read and write one is decided by the shared ACL access
 * (docs/acls.md). Every write is stored before the method returns. Checkins and Events find and
 * embed places through {@link place} and {@link wirePlace}.
 */
export class PlacesService {
  private readonly dataSet: ServiceContext['dataSet']
  private readonly whereLimits: ServiceContext['server']['whereLimits']
  private readonly users: UsersService
  private readonly access: AclAccess
  private readonly places: Collection<PlaceRecord>
  private readonly queryDoc: (record: PlaceRecord) => Readonly<Record<string, unknown>>

  constructor(private readonly context: ServiceContext) {
    this.dataSet = context.dataSet
    this.whereLimits = context.server.whereLimits
    this.users = context.service(users)
    this.access = context.service(acls).access
    this.places = new Collection<PlaceRecord>(this.dataSet, PLACES)
    this.queryDoc = withSocialQueryFields(this.dataSet, { type: PLACE_TYPE }, toQueryDoc)
  }

  /**
   * places/create: a new place owned by the caller (or the `su_id` user, admins): `name` and a
   * location, the other fields, `tags`, `custom_fields` (an `$inc` sets the increment), `acl_name`/`acl_id`.
   *
   * @throws ApiError 400 `Failed to authenticate user` without a session; 400 `Failed to create
   *   place: Validation failed - ...` (see {@link placeFields}); the refusals of `su_id`, ACLs and custom fields.
   */
  async create(params: Params, caller: Caller): Promise<PlacesResult> {
    const owner = this.actingUser(params, caller)
    const fields = placeFields(params, 'create')
    const custom = isAbsent(params.custom_fields) ? {} : applyIncrements({}, parseCustomFields(params.custom_fields), 'custom_fields')
    const aclId = this.access.attachAcl(params, owner, false)
    const change = await readPhotoChange(params, this.context.photoStore())
    const photo = applyPhotoChange(change, undefined, owner.id, this.context.photoStore())
    const now = this.dataSet.runtime.now()
    const record: PlaceRecord = {
      id: this.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      user_id: owner.id,
      name: fields.name ?? '',
      ...definedFields(fields),
      custom_fields: mergeCustomFields({}, custom),
      ...(aclId && { acl_id: aclId }),
      ...(photo && { photo }),
    }
    this.places.insert(record)
    await this.dataSet.write()
    return { places: [this.wire(record, caller.user)] }
  }

  /**
   * places/show: the place `place_id` (or the path's id, `places/show/<id>`) names.
   *
   * @throws ApiError 400 `Invalid place id` for a missing, malformed or unknown id; 401 when the
   *   place's ACL does not let the caller read it.
   */
  show(params: Params, caller: Caller): PlacesResult {
    const record = this.stored(params)
    if (!this.access.canRead(caller.user, record.user_id, record.acl_id)) throw deniedByAcl()
    return { places: [this.wire(record, caller.user)] }
  }

  /** places/query: `where` (with `$nearSphere` on `lnglat`), `order`, `sel`/`unsel`, paging, `count` over the places the caller may read. */
  query(params: Params, caller: Caller): PlacesResult {
    const page = runQuery(params, this.querySource(caller.user))
    return { places: page.records.map((record) => page.select(this.wire(record, caller.user))), meta: page.meta }
  }

  /**
   * places/search (deprecated; docs/places.md "Search"): the places the caller may read whose name
   * or tags hold every keyword of `q`; around `latitude`/`longitude`, only located places, nearest
   * first, each with its `distance` in km, within `distance` km when sent; else in creation order.
   * Paged with `page`/`per_page` and the search meta.
   *
   * @throws ApiError 400 `Invalid <latitude|longitude|distance> parameter: must be a number`, and the paging refusals.
   */
  search(params: Params, caller: Caller): PlacesResult {
    const centre = searchCentre(params)
    const limit = numberParam(params, 'distance')
    const matches = scanMatching(this.querySource(caller.user), compileKeywords(textParam(params, 'q') ?? '', SEARCHED))
    const found: { record: PlaceRecord; distance?: number | undefined }[] =
      centre === undefined
        ? matches.map((record) => ({ record, distance: undefined }))
        : matches
            .flatMap((record) => {
              const at = lngLatOf(record)
              return at === undefined ? [] : [{ record, distance: kmBetween(at, centre) }]
            })
            .filter(({ distance }) => limit === undefined || distance <= limit)
            .sort((a, b) => a.distance - b.distance)
    const { records, meta } = searchPage(found, params)
    const places = records.map(({ record, distance }) => ({ ...this.wire(record, caller.user), ...(distance !== undefined && { distance }) }))
    return { places, meta }
  }

  /** places/count: every stored place in `meta.count`, whoever may read it. */
  count(): PlacesResult {
    return { meta: { count: this.places.size } }
  }

  /**
   * places/update: the fields sent replace the stored ones (`tags=` removes them), `custom_fields`
   * merge (`null` removes one, one `$inc` adds), `acl_name`/`acl_id` (`""` detaches), `user_id` gives
   * the place to another user. What is not sent is kept.
   *
   * @throws ApiError 400 `Failed to authenticate user` without a session; 400 `Invalid place id`;
   *   403 `You are not authorized to perform this action.` when the caller may not write it;
   *   400 `Failed to update place: Validation failed - ...`; 400/404 for a bad `user_id`.
   */
  async update(params: Params, caller: Caller): Promise<PlacesResult> {
    const actor = this.actingUser(params, caller)
    // Read before the place: nothing awaits once the stored place is read.
    const change = await readPhotoChange(params, this.context.photoStore())
    const current = this.writable(params, actor)
    const fields = placeFields(params, 'update')
    const custom = isAbsent(params.custom_fields) ? {} : applyIncrements(current.custom_fields, parseCustomFields(params.custom_fields), 'custom_fields')
    const aclId = this.access.attachAcl(params, actor, true)
    const owner = this.newOwner(params) ?? current.user_id
    const { acl_id: storedAcl, tags: storedTags, photo: storedPhoto, ...rest } = current
    const tags = 'tags' in fields ? fields.tags : storedTags
    const acl_id = keptAclId(storedAcl, aclId)
    const photo = applyPhotoChange(change, storedPhoto, current.user_id, this.context.photoStore())
    const next: PlaceRecord = {
      ...rest,
      ...definedFields(fields),
      ...(tags !== undefined && { tags }),
      user_id: owner,
      custom_fields: mergeCustomFields(current.custom_fields, custom),
      updated_at: this.dataSet.runtime.now().toISOString(),
      ...(acl_id && { acl_id }),
      ...(photo && { photo }),
    }
    this.places.replace(current, next)
    await this.dataSet.write()
    return { places: [this.wire(next, caller.user)] }
  }

  /**
   * places/delete: the place `place_id` names. Meta only; what names the place (checkins, events)
   * keeps its `place_id`.
   *
   * @throws ApiError as {@link update} for the session, the id and the permission.
   */
  async delete(params: Params, caller: Caller): Promise<PlacesResult> {
    const current = this.writable(params, this.actingUser(params, caller))
    this.places.remove(new Set([current.id]))
    await this.dataSet.write()
    return {}
  }

  /** places/batch_delete (admins): the places `where` matches, all without it. Meta only. */
  async batchDelete(params: Params, caller: Caller): Promise<PlacesResult> {
    await batchDelete(params, caller, this.places, (admin) => this.querySource(admin), this.dataSet)
    return {}
  }

  /** The stored place with this id (any case), or undefined: how Checkins and Events check a `place_id`. */
  place(id: string): PlaceRecord | undefined {
    return this.places.byIdAsSent(id)
  }

  /** The place `id` names as `viewer` sees it embedded in another object, or undefined (deleted, or unreadable). */
  wirePlace(id: string, viewer: Principal | undefined): WirePlace | undefined {
    const record = this.place(id)
    return record && this.access.canRead(viewer, record.user_id, record.acl_id) ? this.wire(record, viewer) : undefined
  }

  /** The stored place `place_id` (or the path's id) names. @throws ApiError 400 `Invalid place id`. */
  private stored(params: Params): PlaceRecord {
    const id = trimmed(textParam(params, 'place_id'))
    const record = id === undefined ? undefined : this.place(id)
    if (!record) throw invalidPlaceId()
    return record
  }

  /** The stored place `place_id` names, when `actor` may write it. @throws ApiError 400 as {@link stored}, 403. */
  private writable(params: Params, actor: Principal): PlaceRecord {
    const record = this.stored(params)
    if (!this.access.canWrite(actor, record.user_id, record.acl_id)) throw notAuthorized()
    return record
  }

  /** The new owner an update's `user_id` names, undefined when not sent. @throws ApiError 400 malformed, 404 unknown. */
  private newOwner(params: Params): string | undefined {
    const id = trimmed(textParam(params, 'user_id'))
    if (id === undefined) return undefined
    if (!isObjectId(id)) throw invalidObjectId(id)
    const user = this.users.userById(id)
    if (user === undefined) throw userNotFound()
    return user.id
  }

  private querySource(viewer: Principal | undefined): QuerySource<PlaceRecord> {
    return {
      collection: this.places,
      toQueryDoc: this.queryDoc,
      whereLimits: this.whereLimits,
      readable: (record) => this.access.canRead(viewer, record.user_id, record.acl_id),
      legacyPaging: () => this.context.settings().legacyPaging,
    }
  }

  private wire(record: PlaceRecord, viewer: Principal | undefined): WirePlace {
    return toWirePlace(record, this.users.wireOwner(record.user_id, viewer), this.access.wireAcls(record, viewer))
  }

  /** Who a write acts as: the caller, or the user `su_id` names (docs/api.md "su_id"). */
  private actingUser(params: Params, caller: Caller): Principal {
    return actingUser(params, caller, (id) => this.users.userById(id))
  }
}
