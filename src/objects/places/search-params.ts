import { invalidParameter } from '../../errors.js'
import { textParam, trimmed, type Params } from '../../param-values.js'
import { angularDistance, EARTH_RADIUS_KM } from '../../query/near-sphere.js'

/** A search's centre `[longitude, latitude]` when both `latitude` and `longitude` are sent (docs/places.md "Search"). @throws ApiError 400 for one that is no number. */
export function searchCentre(params: Params): [number, number] | undefined {
  const latitude = numberParam(params, 'latitude')
  const longitude = numberParam(params, 'longitude')
  return latitude === undefined || longitude === undefined ? undefined : [longitude, latitude]
}

/** A number parameter, undefined when not sent. @throws ApiError 400 `Invalid <name> parameter: must be a number`. */
export function numberParam(params: Params, name: string): number | undefined {
  const text = trimmed(textParam(params, name))
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isFinite(value)) throw invalidParameter(name, 'must be a number')
  return value
}

/** The great-circle distance in km between two `[longitude, latitude]` points, on a sphere of 6371 km (docs/places.md "Search"). */
export const kmBetween = (a: readonly [number, number], b: readonly [number, number]): number => angularDistance(a, b) * EARTH_RADIUS_KM
