import type { MockObject } from '../../engine/object.js'
import { geoFencesEndpoints } from './endpoints.js'
import { GEO_FENCES, geoFenceRecordProblem } from './record.js'
import { GeoFencesService } from './service.js'

/**
 * The GeoFences object (docs/geo-fences.md): circular regions with a payload, written by admins
 * and queried by location.
 */
export const geoFences = {
  name: 'geo-fences',
  title: 'GeoFences',
  segments: ['geo_fences'],
  endpoints: geoFencesEndpoints,
  service: (context) => new GeoFencesService(context),
  collections: {
    owns: (name) => name === GEO_FENCES,
    recordProblem: (record) => geoFenceRecordProblem(record),
  },
} satisfies MockObject<GeoFencesService>
