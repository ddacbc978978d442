import type { FixturePart } from '../../engine/fixture-part.js'
import { fixtureEntries, fixtureOwnedFields, fixtureText, ownedRecordFields, type FixtureOwned } from '../../engine/fixture-fields.js'
import { checkFixturePlace } from '../places/fixture.js'
import type { StatusRecord } from './record.js'

/**
 * One status as a fixture writes it (docs/fixtures.md "Statuses and posts"): its `owner` (a username
 * of the same baseline), `message` (required, as on statuses/create), optionally the `place_id` of a
 * place of the same fixture, `tags` (a list or a comma string) and `custom_fields`.
 *
 * @example
 * const status: FixtureStatus = { owner: 'alice', message: 'Out for lunch', tags: 'food' }
 */
export interface FixtureStatus extends FixtureOwned {
  message: string
  place_id?: string
}

const FIELDS = ['owner', 'message', 'place_id', 'tags', 'custom_fields', 'id', 'created_at']

/** Checks one list of `statuses` entries with the rules of statuses/create. */
function parseEntries(value: unknown, source: string, list: string): FixtureStatus[] {
  return fixtureEntries(value, source, list, FIELDS, 'status', (raw, fail) => {
    const owned = fixtureOwnedFields(raw, fail)
    if (typeof raw.message !== 'string' || raw.message.trim() === '') fail('message', "Message can't be blank")
    const placeId = fixtureText(raw, 'place_id', fail)
    return { ...owned, message: raw.message as string, ...(placeId !== undefined && { place_id: placeId.trim().toLowerCase() }) }
  })
}

/** The statuses' part of a fixture file (docs/fixtures.md "Statuses and posts"): a `statuses` list, owners by username. */
export const statusesFixture: FixturePart<FixtureStatus[], 'statuses'> = {
  key: 'statuses',
  parse: parseEntries,
  records: async (entries, context) => ({
    statuses: entries.map((entry, index): StatusRecord => {
      if (entry.place_id !== undefined) checkFixturePlace(context, entry.place_id, index)
      return { ...ownedRecordFields(entry, context, index), message: entry.message, ...(entry.place_id !== undefined && { place_id: entry.place_id }) }
    }),
  }),
}
