import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.GeoFences` (docs/geo-fences.md): create, update and remove (admins), query (anyone);
 * `geo_fence` may be an object (sent as JSON text).
 */
export const GeoFences = {
  create: { verb: 'POST', path: 'geo_fences/create.json', args: 'data' },
  update: { verb: 'PUT', path: 'geo_fences/update.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'geo_fences/delete.json', args: 'data' },
  query: { verb: 'GET', path: 'geo_fences/query.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.GeoFences` as a type: each method of {@link GeoFences} with the arguments its shape takes. */
export type CloudGeoFences = Calls<typeof GeoFences>
