import type { MockObject } from '../../engine/object.js'
import { clientsEndpoints } from './endpoints.js'
import { ipLocationsFixture } from './fixture.js'
import { IP_LOCATIONS, ipLocationRecordProblem } from './record.js'
import { ClientsService } from './service.js'

/**
 * The Clients object (docs/geolocation.md): where a device is, by its IP address, from a table the
 * fixture gives instead of a GeoIP database.
 */
export const geolocation = {
  name: 'geolocation',
  title: 'Clients',
  segments: ['clients'],
  endpoints: clientsEndpoints,
  service: (context) => new ClientsService(context),
  collections: {
    owns: (name) => name === IP_LOCATIONS,
    recordProblem: (record) => ipLocationRecordProblem(record),
  },
  fixture: ipLocationsFixture,
} satisfies MockObject<ClientsService>
