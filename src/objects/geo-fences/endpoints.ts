import type { Endpoint } from '../../engine/object.js'
import type { GeoFencesService } from './service.js'

/**
 * The GeoFences endpoints (docs/geo-fences.md "Endpoints"): update by PUT and by POST (older MBS
 * iOS SDKs); `destroyGeoFence` is the real service's name for delete, `queryGeoFences` and
 * `geo_fencesCount` are mock-cloud's own.
 */
export const geoFencesEndpoints: readonly Endpoint<GeoFencesService>[] = [
  { path: 'geo_fences/create', method_name: 'createGeoFence', verbs: ['POST'], call: ({ service, params, caller }) => service.create(params, caller) },
  { path: 'geo_fences/update', method_name: 'updateGeoFence', verbs: ['PUT', 'POST'], call: ({ service, params, caller }) => service.update(params, caller) },
  { path: 'geo_fences/delete', method_name: 'destroyGeoFence', verbs: ['DELETE'], call: ({ service, params, caller }) => service.delete(params, caller) },
  { path: 'geo_fences/query', method_name: 'queryGeoFences', verbs: ['GET'], call: ({ service, params, caller }) => service.query(params, caller) },
  { path: 'geo_fences/count', method_name: 'geo_fencesCount', verbs: ['GET'], call: ({ service }) => service.count() },
]
