import { ApiError } from '../../errors.js'
import type { CallResult, ServiceContext } from '../../engine/object.js'
import { textParam, trimmed, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { canonicalIp } from './ip-address.js'
import { ANY_ADDRESS, IP_LOCATIONS, ipLocationKeys, type IpLocationRecord, type Location } from './record.js'

/**
 * Where the built-in table puts `184.72.37.109` and every address no table names
 * (docs/geolocation.md "The IP table"): the location ti.cloud's own tests expect.
 */
const SAN_JOSE: Readonly<Location> = Object.freeze({
  country_code: 'US',
  state: 'CA',
  city: 'San Jose',
  postal_code: '95141',
  latitude: 37.3394,
  longitude: -121.895,
})
const BUILT_IN: ReadonlyMap<string, Readonly<Location>> = new Map([['184.72.37.109', SAN_JOSE]])
/** The address of a request made in process, which has no socket. */
const IN_PROCESS_ADDRESS = '127.0.0.1'

/**
 * The rules of the Clients object (docs/geolocation.md): IP geolocation from the table the fixture
 * gives, no network.
 */
export class ClientsService {
  private readonly table: Collection<IpLocationRecord>

  constructor(context: ServiceContext) {
    this.table = new Collection(context.dataSet, IP_LOCATIONS, ipLocationKeys)
  }

  /**
   * clients/geolocate: the location of `ip_address`, or of the caller's address (`address`, as
   * the socket gives it; 127.0.0.1 in process). No login.
   *
   * @throws ApiError 400 `Invalid ip_address: <value>`; 404 `Unable to determine location for IP address <ip>`.
   */
  geolocate(params: Params, address: string | undefined): CallResult {
    const asked = trimmed(textParam(params, 'ip_address'))
    const ip = canonicalIp(asked ?? address ?? IN_PROCESS_ADDRESS)
    if (ip === undefined) throw new ApiError(400, `Invalid ip_address: ${asked}`)
    const location = this.locate(ip)
    if (location === null) throw new ApiError(404, `Unable to determine location for IP address ${ip}`)
    return { response: { ip_address: ip, location: { ...location } } }
  }

  /** The table's entry for `ip`, the built-in one, the table's `*` entry, else San Jose. */
  private locate(ip: string): Readonly<Location> | null {
    const own = this.table.by('ip_address', ip)
    if (own !== undefined) return own.location
    return BUILT_IN.get(ip) ?? this.table.by('ip_address', ANY_ADDRESS)?.location ?? SAN_JOSE
  }
}
