import { toWireDate } from '../../dates.js'
import { isPlainObject } from '../../json.js'
import type { QueryDoc } from '../../engine/query-run.js'
import type { GeoFenceRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/**
 * A fence as replies show it (docs/geo-fences.md "Fences"): `id`, `loc` and `payload` as sent,
 * `start_time`/`end_time` when set, the dates, and the creating admin as `user`.
 */
export function toWireGeoFence(fence: GeoFenceRecord, user: unknown): Record<string, unknown> {
  return {
    id: fence.id,
    loc: fence.loc,
    payload: fence.payload,
    ...(fence.start_time !== undefined && { start_time: toWireDate(fence.start_time) }),
    ...(fence.end_time !== undefined && { end_time: toWireDate(fence.end_time) }),
    created_at: toWireDate(fence.created_at),
    updated_at: toWireDate(fence.updated_at),
    ...(user !== undefined && { user }),
  }
}

/**
 * What a `where` or `order` of geo_fences/query sees (docs/geo-fences.md "Queries"): `id` (also
 * `_id`), `loc` as the centre `[lng, lat]` for `$nearSphere` (absent without coordinates),
 * `payload`, `user_id`, and the times and dates as `Date`s.
 */
export const geoFenceQueryDoc = perRecord((fence: GeoFenceRecord): QueryDoc => {
  const centre = centreOf(fence.loc)
  return {
    id: fence.id,
    _id: fence.id,
    ...(centre !== undefined && { loc: centre }),
    payload: fence.payload,
    user_id: fence.user_id,
    ...(fence.start_time !== undefined && { start_time: new Date(fence.start_time) }),
    ...(fence.end_time !== undefined && { end_time: new Date(fence.end_time) }),
    created_at: new Date(fence.created_at),
    updated_at: new Date(fence.updated_at),
  }
})

/** The centre of `loc`: its `coordinates` (or `coordinate`, as ti.cloud's suite sends) when a `[lng, lat]` of numbers. */
function centreOf(loc: unknown): [number, number] | undefined {
  if (!isPlainObject(loc)) return undefined
  const point: unknown = loc.coordinates ?? loc.coordinate
  if (!Array.isArray(point) || point.length !== 2) return undefined
  const [lng, lat] = point as unknown[]
  return typeof lng === 'number' && typeof lat === 'number' ? [lng, lat] : undefined
}
