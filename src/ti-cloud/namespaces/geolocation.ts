import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Clients` (docs/geolocation.md): `geolocate` locates an IP address (`ip_address`, else the
 * caller's) from the fixture's IP table; its data is optional.
 */
export const Clients = {
  geolocate: { verb: 'GET', path: 'clients/geolocate.json', args: 'optional' },
} as const satisfies Namespace

/** `Cloud.Clients` as a type: each method of {@link Clients} with the arguments its shape takes. */
export type CloudClients = Calls<typeof Clients>
