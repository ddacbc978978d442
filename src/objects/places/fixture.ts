import type { FixtureContext, FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { asField, fixtureEntries, fixtureOwnedFields, ownedRecordFields, type FixtureOwned } from '../../engine/fixture-fields.js'
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
export interface FixturePlace extends FixtureOwned, Partial<Record<(typeof PLACE_TEXTS)[number], string>> {
  name: string
  latitude?: number | string
  longitude?: number | string
}

const PLACE_FIELDS = ['name', ...PLACE_TEXTS, 'latitude', 'longitude', 'tags'] as const
const FIELDS = ['owner', ...PLACE_FIELDS, 'custom_fields', 'id', 'created_at']

/** Checks one list of `places` entries with the rules of places/create. */
function parseEntries(value: unknown, source: string, list: string): FixturePlace[] {
  return fixtureEntries(value, source, list, FIELDS, 'place', (raw, fail) => {
    const owned = fixtureOwnedFields(raw, fail)
    // A field of the wrong kind (an object for a text, a number in tags) is named with the API's own message.
    for (const field of PLACE_FIELDS) asField(field, fail, () => readPlaceFields({ [field]: raw[field] }, 'update'))
    const { fields, problems } = readPlaceFields(raw, 'create')
    if (problems.length > 0) fail(problems[0]!.field, problems.map(({ problem }) => problem).join(', '))
    return { ...(definedFields(fields) as PlaceFields & { name: string }), ...owned }
  })
}

/** The places' part of a fixture file (docs/fixtures.md "Places"): a `places` list, owners by username. */
export const placesFixture: FixturePart<FixturePlace[], 'places'> = {
  key: 'places',
  parse: parseEntries,
  records: async (entries, context) => {
    const records = entries.map((entry, index): PlaceRecord => {
      const { owner: _owner, id: _id, created_at: _created, custom_fields: _custom, tags: _tags, ...fields } = entry
      return { ...(fields as PlaceFields & { name: string }), ...ownedRecordFields(entry, context, index) }
    })
    return { [PLACES]: records }
  },
}

/**
 * Checks that `placeId` (lowercase) names a place of the same fixture or seed (its `places`), as a
 * check-in's or a status's `place_id` must (docs/fixtures.md "Check-ins", "Statuses and posts").
 *
 * @throws FixtureError `<list>[index].place_id: Invalid place id: no place "<id>" in this fixture (its "places")`.
 */
export function checkFixturePlace(context: FixtureContext, placeId: string, index: number): void {
  if (context.records(PLACES).some((place) => place.id === placeId)) return
  throw new FixtureError(context.source, index, 'place_id', `Invalid place id: no place "${placeId}" in this fixture (its "places")`, context.list)
}
