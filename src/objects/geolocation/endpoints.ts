import type { Endpoint } from '../../engine/object.js'
import type { ClientsService } from './service.js'

/** The Clients endpoint (docs/geolocation.md "Endpoints"): GET, as the arrowdb SDK and ti.cloud send it. */
export const clientsEndpoints: readonly Endpoint<ClientsService>[] = [
  { path: 'clients/geolocate', method_name: 'geolocateClient', verbs: ['GET'], call: ({ service, params, address }) => service.geolocate(params, address) },
]
