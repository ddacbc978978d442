import type { FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { isPlainObject } from '../../json.js'
import { canonicalIp } from './ip-address.js'
import { ANY_ADDRESS, IP_LOCATIONS, locationProblem, type IpLocationRecord, type Location } from './record.js'

/** One checked `ip_locations` entry of a fixture (docs/fixtures.md "IP locations"). */
export interface FixtureIpLocation {
  /** An IPv4 or IPv6 address, or `*` for every address the table does not name. */
  ip_address: string
  /** Where it is; null: its location cannot be determined (geolocate answers 404). */
  location: Location | null
}

/** Checks one list of `ip_locations` entries; addresses come back in canonical form. */
function parseEntries(value: unknown, source: string, list: string): FixtureIpLocation[] {
  if (!Array.isArray(value)) throw new FixtureError(source, undefined, list, 'must be a list', list)
  const seen = new Set<string>()
  return value.map((entry: unknown, index) => {
    const fail = (field: string | undefined, problem: string) => new FixtureError(source, index, field, problem, list)
    if (!isPlainObject(entry)) throw fail(undefined, 'must be an object')
    const unknown = Object.keys(entry).find((field) => field !== 'ip_address' && field !== 'location')
    if (unknown !== undefined) throw fail(unknown, 'is not an IP location field (ip_address, location)')
    const address = typeof entry.ip_address === 'string' ? (entry.ip_address === ANY_ADDRESS ? ANY_ADDRESS : canonicalIp(entry.ip_address)) : undefined
    if (address === undefined) throw fail('ip_address', 'must be an IPv4 or IPv6 address, or *')
    if (seen.has(address)) throw fail('ip_address', `${address} is already in the table`)
    seen.add(address)
    if (!Object.hasOwn(entry, 'location')) throw fail('location', 'is required (an object, or null for an unknown location)')
    const problem = locationProblem(entry.location)
    if (problem !== undefined) throw fail(problem.field, problem.problem)
    return { ip_address: address, location: entry.location as Location | null }
  })
}

/**
 * The IP table's part of a fixture file (docs/fixtures.md "IP locations"): `ip_locations` lists
 * of `{ ip_address, location }`, where clients/geolocate looks addresses up.
 */
export const ipLocationsFixture: FixturePart<FixtureIpLocation[], typeof IP_LOCATIONS> = {
  key: IP_LOCATIONS,
  parse: parseEntries,
  records: async (entries, context) => {
    const now = context.runtime.now()
    const records = entries.map(
      (entry): IpLocationRecord => ({
        id: context.runtime.objectId(now),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        ip_address: entry.ip_address,
        location: entry.location,
      }),
    )
    return { [IP_LOCATIONS]: records }
  },
  checkClashes: (records, stored, source) => {
    const taken = new Set((stored as IpLocationRecord[]).map((entry) => entry.ip_address))
    ;(records as IpLocationRecord[]).forEach((record, index) => {
      if (taken.has(record.ip_address)) throw new FixtureError(source, index, 'ip_address', `${record.ip_address} is already in the table`, IP_LOCATIONS)
    })
  },
}
