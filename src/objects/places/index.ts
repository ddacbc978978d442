import type { MockObject } from '../../engine/object.js'
import { placesEndpoints } from './endpoints.js'
import { placesFixture } from './fixture.js'
import { PLACES, placeRecordProblem } from './record.js'
import { PLACE_TYPE, PlacesService } from './service.js'

/**
 * The Places object (docs/places.md): named locations users create, `/v1/places/...`, kept in the
 * `places` collection, found by keywords, fields and distance; Checkins and Events name them.
 */
export const places = {
  name: 'places',
  title: 'Places',
  segments: ['places'],
  endpoints: placesEndpoints,
  service: (context) => new PlacesService(context),
  collections: {
    owns: (name) => name === PLACES,
    recordProblem: (record) => placeRecordProblem(record),
  },
  fixture: placesFixture,
  social: { type: PLACE_TYPE },
  primaryPhoto: true,
} satisfies MockObject<PlacesService>
