import type { FixturePart } from '../../engine/fixture-part.js'
import { fixtureEntries, fixtureOwnedFields, fixtureText, ownedRecordFields, type FixtureOwned } from '../../engine/fixture-fields.js'
import { checkFixturePlace } from '../places/fixture.js'
import { CHECKINS, NO_PLACE_OR_EVENT, type CheckinRecord } from './record.js'

/**
 * One check-in as a fixture writes it (docs/fixtures.md "Check-ins"): its `owner` (a username of
 * the same baseline), the `place_id` of a place of the same fixture (its `places`, given an `id`),
 * and what checkins/create also takes: `message`, `tags` (a list or a comma string), `custom_fields`.
 *
 * @example
 * const visit: FixtureCheckin = { owner: 'alice', place_id: '5f0c0c0c0c0c0c0c0c0c0c01', message: 'here' }
 */
export interface FixtureCheckin extends FixtureOwned {
  place_id: string
  message?: string
}

const FIELDS = ['owner', 'place_id', 'message', 'tags', 'custom_fields', 'id', 'created_at']

/** Checks one list of `checkins` entries with the rules of checkins/create. */
function parseEntries(value: unknown, source: string, list: string): FixtureCheckin[] {
  return fixtureEntries(value, source, list, FIELDS, 'check-in', (raw, fail) => {
    const owned = fixtureOwnedFields(raw, fail)
    const placeId = fixtureText(raw, 'place_id', fail)
    // The API's words for a check-in naming no place (events cannot be seeded, so no event_id).
    if (placeId === undefined) fail('place_id', NO_PLACE_OR_EVENT)
    const message = fixtureText(raw, 'message', fail)
    return { ...owned, place_id: placeId!.trim().toLowerCase(), ...(message !== undefined && { message }) }
  })
}

/** The check-ins' part of a fixture file (docs/fixtures.md "Check-ins"): a `checkins` list, owners by username. */
export const checkinsFixture: FixturePart<FixtureCheckin[], 'checkins'> = {
  key: 'checkins',
  parse: parseEntries,
  records: async (entries, context) => {
    const records = entries.map((entry, index): CheckinRecord => {
      const { place_id, message } = entry
      checkFixturePlace(context, place_id, index)
      return { ...ownedRecordFields(entry, context, index), place_id, ...(message !== undefined && { message }) }
    })
    return { [CHECKINS]: records }
  },
}
