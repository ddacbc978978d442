import type { FixturePart } from '../../engine/fixture-part.js'
import { asField, fixtureCustomFields, fixtureEntries, fixtureIdAndDate, fixtureText } from '../../engine/fixture-fields.js'
import { mergeCustomFields } from '../../engine/custom-fields.js'
import { definedFields } from '../../json.js'
import { readPlaceFields, type PlaceFields } from './place-params.js'
import { PLACE_TEXTS, PLACES, type PlaceRecord } from './record.js'

/**
 * One place as a fixture writes it (docs/fixtures.md "Places"): its `owner` (a username of the same
 * baseline) and the fields places/create takes, under the same rules: a `name` and a location (an
 * address field, or both `latitude` and `longitude`, numbers or numeric text), `tags` as a list or a
 * comma string. {@link placesFixture} returns entries of this shape, normalised: coordinates as
 * numbers, tags as a list, blank texts left out.
 *
 * @example
 * const hq: FixturePlace = { owner: 'alice', name: 'HQ', latitude: 37.389, longitude: -122.05, tags: 'office' }
 */
export interface FixturePlace extends Partial<Record<(typeof PLACE_TEXTS)[number], string>> {
  owner: string
  name: string
  latitude?: number | string
  longitude?: number | string
  tags?: readonly string[] | string
  custom_fields?: Record<string, unknown>
  /** 24 hex characters; default a new id (check-ins and events name a place by it). */
  id?: string
  /** ISO 8601; default the load time. */
  created_at?: string
}

const PLACE_FIELDS = ['name', ...PLACE_TEXTS, 'latitude', 'longitude', 'tags'] as const
const FIELDS = ['owner', ...PLACE_FIELDS, 'custom_fields', 'id', 'created_at']

/** Checks one list of `places` entries with the rules of places/create. */
function parseEntries(value: unknown, source: string, list: string): FixturePlace[] {
  return fixtureEntries(value, source, list, FIELDS, 'place', (raw, fail) => {
    const owner = fixtureText(raw, 'owner', fail)
    if (owner === undefined) fail('owner', 'must be the username of a user of this fixture')
    // A field of the wrong kind (an object for a text, a number in tags) is named with the API's own message.
    for (const field of PLACE_FIELDS) asField(field, fail, () => readPlaceFields({ [field]: raw[field] }, 'update'))
    const { fields, problems } = readPlaceFields(raw, 'create')
    if (problems.length > 0) fail(problems[0]!.field, problems.map(({ problem }) => problem).join(', '))
    const custom_fields = fixtureCustomFields(raw.custom_fields, fail)
    return {
      owner: owner!,
      ...(definedFields(fields) as PlaceFields & { name: string }),
      ...(custom_fields !== undefined && { custom_fields }),
      ...fixtureIdAndDate(raw, fail),
    }
  })
}

/** The places' part of a fixture file (docs/fixtures.md "Places"): a `places` list, owners by username. */
export const placesFixture: FixturePart<FixturePlace[], 'places'> = {
  key: 'places',
  parse: parseEntries,
  records: async (entries, context) => {
    const records = entries.map(({ owner, id, created_at, custom_fields, ...fields }, index): PlaceRecord => {
      const created = created_at === undefined ? context.runtime.now() : new Date(created_at)
      return {
        ...(fields as PlaceFields & { name: string }),
        id: id ?? context.runtime.objectId(created),
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
        user_id: context.userId(owner, index, 'owner'),
        custom_fields: mergeCustomFields({}, custom_fields ?? {}),
      }
    })
    return { [PLACES]: records }
  },
}
