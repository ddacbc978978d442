import { ApiError } from '../../errors.js'
import { isPlainObject } from '../../json.js'
import { isAbsent, jsonParam, type Params } from '../../param-values.js'

/** What a `geo_fence` parameter sets: each key present replaces the stored one (null removes a time). */
export interface GeoFenceChanges {
  loc?: unknown
  payload?: unknown
  start_time?: string | null
  end_time?: string | null
}

/** `YYYY-MM-DDTHH:mm[:ss[.sss]]` with an optional zone (`Z`, `+hh:mm`, `+hhmm`); UTC without one. */
const TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+-]\d\d:?\d\d)?$/

/**
 * Reads `geo_fence` (a JSON object, docs/geo-fences.md "The geo_fence parameter") for `verb`:
 * `loc` must be an object with a `radius`; create needs `loc` and `payload`; times become ISO dates.
 *
 * @returns undefined when the parameter is absent.
 * @throws ApiError 400 `Invalid geo_fence parameter`, `Failed to <verb> geo_fence: loc.radius is required`,
 *   `Failed to create geo_fence: payload is required`, `Invalid start_time`, `Invalid end_time`.
 */
export function geoFenceParam(params: Params, verb: 'create' | 'update'): GeoFenceChanges | undefined {
  if (isAbsent(params.geo_fence)) return undefined
  let value: unknown
  try {
    value = jsonParam('geo_fence', params.geo_fence)
  } catch {
    throw invalidGeoFence()
  }
  if (!isPlainObject(value)) throw invalidGeoFence()
  const changes: GeoFenceChanges = {}
  if (Object.hasOwn(value, 'loc') || verb === 'create') changes.loc = locValue(value.loc, verb)
  if (Object.hasOwn(value, 'payload')) changes.payload = value.payload
  else if (verb === 'create') throw new ApiError(400, 'Failed to create geo_fence: payload is required')
  for (const name of ['start_time', 'end_time'] as const) {
    if (Object.hasOwn(value, name)) changes[name] = timeValue(value[name], name)
  }
  return changes
}

const invalidGeoFence = (): ApiError => new ApiError(400, 'Invalid geo_fence parameter')

/** `loc` as sent, once it is an object with a radius. */
function locValue(loc: unknown, verb: 'create' | 'update'): unknown {
  if (!isPlainObject(loc) || radiusOf(loc) === undefined) throw new ApiError(400, `Failed to ${verb} geo_fence: loc.radius is required`)
  return loc
}

/**
 * A fence's radius in radians: a number, a numeric string, or a fraction `"a/b"` (distance ÷ the
 * earth's radius, `"10/3959"`); undefined when it is none of these.
 *
 * @example
 * radiusOf({ radius: '2/6371' }) // 0.000313...
 */
export function radiusOf(loc: Readonly<Record<string, unknown>>): number | undefined {
  const { radius } = loc
  if (typeof radius === 'number') return Number.isFinite(radius) && radius >= 0 ? radius : undefined
  if (typeof radius !== 'string') return undefined
  const [top, bottom, ...more] = radius.split('/').map((part) => part.trim())
  const value = bottom === undefined ? Number(top) : Number(top) / Number(bottom)
  return more.length === 0 && top !== '' && bottom !== '' && Number.isFinite(value) && value >= 0 ? value : undefined
}

/** A time as an ISO date, null to remove it. */
function timeValue(value: unknown, name: 'start_time' | 'end_time'): string | null {
  if (value === null) return null
  const match = typeof value === 'string' ? TIME.exec(value.trim()) : null
  const date = match ? new Date(`${match[1]}${match[2] ?? 'Z'}`) : undefined
  if (date === undefined || Number.isNaN(date.getTime())) throw new ApiError(400, `Invalid ${name}`)
  return date.toISOString()
}
