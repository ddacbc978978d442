import { adminOnly } from '../../engine/su-id.js'
import type { CallResult, Caller, ServiceContext } from '../../engine/object.js'
import { runQuery } from '../../engine/query-run.js'
import { ApiError, invalidObjectId, requiredField } from '../../errors.js'
import { textParam, trimmed, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { users } from '../users/index.js'
import type { UsersService } from '../users/service.js'
import { geoFenceParam, type GeoFenceChanges } from './geo-fence-param.js'
import { GEO_FENCES, type GeoFenceRecord } from './record.js'
import { geoFenceQueryDoc, toWireGeoFence } from './view.js'

/**
 * The rules of the GeoFences object (docs/geo-fences.md), one method per endpoint, free of HTTP:
 * admins write, anyone queries and counts. Every write is stored before the method returns.
 */
export class GeoFencesService {
  private readonly fences: Collection<GeoFenceRecord>
  private readonly users: UsersService

  constructor(private readonly context: ServiceContext) {
    this.fences = new Collection(context.dataSet, GEO_FENCES)
    this.users = context.service(users)
  }

  /**
   * geo_fences/create (admins): a fence from `geo_fence` (`loc` with a radius, `payload`, times).
   *
   * @throws ApiError 403 `You are not authorized to perform this action.` without an admin's session;
   *   400 `Required field: geo_fence` and the refusals of the parameter (docs/geo-fences.md "Errors").
   */
  async create(params: Params, caller: Caller): Promise<CallResult> {
    const admin = adminOnly(caller)
    const changes = geoFenceParam(params, 'create')
    if (changes === undefined) throw requiredField('geo_fence')
    const now = this.context.dataSet.runtime.now()
    const fence = withChanges(
      { id: this.context.dataSet.runtime.objectId(now), created_at: now.toISOString(), updated_at: now.toISOString(), loc: null, payload: null, user_id: admin.id },
      changes,
    )
    checkWindow(fence)
    this.fences.insert(fence)
    await this.context.dataSet.write()
    return { response: { geo_fences: [this.wire(fence, caller)] } }
  }

  /**
   * geo_fences/update (admins): the keys `geo_fence` holds replace the fence's (`loc` whole; a
   * time set to null is removed).
   *
   * @throws ApiError 403 as create; 400 `Required field: id`, `Invalid object id: '<v>'`, the parameter's refusals.
   */
  async update(params: Params, caller: Caller): Promise<CallResult> {
    adminOnly(caller)
    const current = this.find(params)
    const next = withChanges({ ...current, updated_at: this.context.dataSet.runtime.now().toISOString() }, geoFenceParam(params, 'update') ?? {})
    checkWindow(next)
    this.fences.replace(current, next)
    await this.context.dataSet.write()
    return { response: { geo_fences: [this.wire(next, caller)] } }
  }

  /** geo_fences/delete (admins): removes the fence `id` names. Meta only. */
  async delete(params: Params, caller: Caller): Promise<CallResult> {
    adminOnly(caller)
    this.fences.remove(new Set([this.find(params).id]))
    await this.context.dataSet.write()
    return {}
  }

  /** geo_fences/query (anyone): where (with `$nearSphere` on `loc`), order, sel/unsel, paging and count. */
  query(params: Params, caller: Caller): CallResult {
    const page = runQuery(params, {
      collection: this.fences,
      toQueryDoc: geoFenceQueryDoc,
      whereLimits: this.context.server.whereLimits,
      legacyPaging: () => this.context.settings().legacyPaging,
    })
    return { response: { geo_fences: page.records.map((fence) => page.select(this.wire(fence, caller))) }, meta: page.meta }
  }

  /** geo_fences/count (anyone): every fence of the app in `meta.count`. */
  count(): CallResult {
    return { meta: { count: this.fences.size } }
  }

  private wire(fence: GeoFenceRecord, caller: Caller): Record<string, unknown> {
    return toWireGeoFence(fence, this.users.wireOwner(fence.user_id, caller.user))
  }

  /** The fence `id` names. */
  private find(params: Params): GeoFenceRecord {
    const id = trimmed(textParam(params, 'id'))
    if (id === undefined) throw requiredField('id')
    const fence = this.fences.byIdAsSent(id)
    if (fence === undefined) throw invalidObjectId(id)
    return fence
  }
}


/** The fence with `changes` applied: keys present replace, a null time is removed. */
function withChanges(fence: GeoFenceRecord, changes: GeoFenceChanges): GeoFenceRecord {
  const { start_time, end_time, ...rest } = { ...fence, ...changes }
  return {
    ...rest,
    ...(typeof start_time === 'string' && { start_time }),
    ...(typeof end_time === 'string' && { end_time }),
  }
}

/** @throws ApiError 400 `Invalid end_time` for an end before the start. */
function checkWindow(fence: GeoFenceRecord): void {
  if (fence.start_time !== undefined && fence.end_time !== undefined && fence.end_time < fence.start_time) throw new ApiError(400, 'Invalid end_time')
}
