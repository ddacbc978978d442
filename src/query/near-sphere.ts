/**
 * The geo condition of a `where` (docs/api.md "Queries"): `{"coordinates": {"$nearSphere": [lng, lat],
 * "$maxDistance": r}}`, on the reserved custom field `coordinates`, which
 * holds `[lng, lat]` or a list of them (docs/api.md "Custom fields").
 */

/** The operand `where-tree.ts` builds from `{"$nearSphere": [lng, lat], "$maxDistance": r}`. */
export interface NearSphere {
  near: readonly [number, number]
  /** Great-circle distance in radians (docs/api.md "Queries"); absent = no limit. */
  maxDistance?: number
}

const isPoint = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180

/** The earth's radius in km that distances in km use (docs/places.md "Search"). */
export const EARTH_RADIUS_KM = 6371

/** Angle between two [longitude, latitude] points in radians (haversine); times {@link EARTH_RADIUS_KM}, km. */
export function angularDistance([lng1, lat1]: readonly [number, number], [lng2, lat2]: readonly [number, number]): number {
  const dLat = toRadians(lat2 - lat1)
  const dLng = toRadians(lng2 - lng1)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLng / 2) ** 2
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)))
}

const pointsOf = (value: unknown): Array<[number, number]> =>
  isPoint(value) ? [value] : Array.isArray(value) ? value.filter(isPoint) : []

/**
 * Whether a stored coordinates value (a point or a list of points) has a
 * point within `maxDistance` radians of `near`; any point when there is no
 * limit. Anything that is not a point is ignored.
 *
 * @example
 * isNear([-122.1, 37.1], { near: [-122.1, 37.1], maxDistance: 0.00126 }) // true
 */
export function isNear(value: unknown, { near, maxDistance }: NearSphere): boolean {
  return pointsOf(value).some((p) => maxDistance === undefined || angularDistance(p, near) <= maxDistance)
}

/**
 * The distance in radians from `near` to the nearest point among stored coordinates values (each a point
 * or a list of points), the key `$nearSphere` sorts by (docs/api.md "Queries"); Infinity when there is none.
 */
export function nearestDistance(values: readonly unknown[], near: readonly [number, number]): number {
  let nearest = Infinity
  for (const value of values) for (const point of pointsOf(value)) nearest = Math.min(nearest, angularDistance(point, near))
  return nearest
}
