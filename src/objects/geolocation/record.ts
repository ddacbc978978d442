import { isPlainObject } from '../../json.js'
import { storedRecordProblem } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'
import { canonicalIp } from './ip-address.js'

/** The name of the IP table's collection in a data set. */
export const IP_LOCATIONS = 'ip_locations'

/** The address of the table entry that stands for every address without one of its own. */
export const ANY_ADDRESS = '*'

/** Where an address is, as geolocate answers it (docs/geolocation.md "Replies"); `country_code` always. */
export interface Location {
  country_code: string
  state?: string
  city?: string
  postal_code?: string
  latitude?: number
  longitude?: number
}

/**
 * One entry of the IP table (docs/geolocation.md "The IP table"): an address in canonical form (or
 * `*`, every other address) and its location, or null for an address whose location cannot be
 * determined.
 */
export interface IpLocationRecord extends StoredRecord {
  readonly ip_address: string
  readonly location: Readonly<Location> | null
}

/** The unique keys of an entry besides its id, for the Collection's index. */
export const ipLocationKeys = (record: IpLocationRecord) => ({ ip_address: record.ip_address })

const TEXT_FIELDS = ['state', 'city', 'postal_code'] as const
const NUMBER_FIELDS = ['latitude', 'longitude'] as const
const LOCATION_FIELDS = new Set<string>(['country_code', ...TEXT_FIELDS, ...NUMBER_FIELDS])

/**
 * What is wrong with a location as a fixture or a stored entry gives it: the field and the
 * problem, or undefined. `null` (location unknown) is a location.
 */
export function locationProblem(value: unknown): { field: string; problem: string } | undefined {
  if (value === null) return undefined
  if (!isPlainObject(value)) return { field: 'location', problem: 'must be an object or null' }
  const unknown = Object.keys(value).find((field) => !LOCATION_FIELDS.has(field))
  if (unknown !== undefined) return { field: `location.${unknown}`, problem: 'is not a location field (country_code, state, city, postal_code, latitude, longitude)' }
  if (typeof value.country_code !== 'string' || value.country_code === '') return { field: 'location.country_code', problem: 'must be a non-empty string' }
  const text = TEXT_FIELDS.find((field) => value[field] !== undefined && typeof value[field] !== 'string')
  if (text !== undefined) return { field: `location.${text}`, problem: 'must be a string' }
  const number = NUMBER_FIELDS.find((field) => value[field] !== undefined && !(typeof value[field] === 'number' && Number.isFinite(value[field])))
  if (number !== undefined) return { field: `location.${number}`, problem: 'must be a number' }
  return undefined
}

/** What makes a stored entry (from a data file or an import) unusable, or undefined. */
export function ipLocationRecordProblem(record: unknown): string | undefined {
  const base = storedRecordProblem(record)
  if (base !== undefined) return base
  const entry = record as Record<string, unknown>
  if (typeof entry.ip_address !== 'string' || (entry.ip_address !== ANY_ADDRESS && canonicalIp(entry.ip_address) !== entry.ip_address)) {
    return 'ip_address is missing or malformed'
  }
  const problem = locationProblem(entry.location)
  return problem === undefined ? undefined : `${problem.field} ${problem.problem}`
}
