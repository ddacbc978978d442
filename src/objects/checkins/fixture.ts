import type { FixturePart } from '../../engine/fixture-part.js'
import { asField, fixtureCustomFields, fixtureEntries, fixtureIdAndDate, fixtureText } from '../../engine/fixture-fields.js'
import { mergeCustomFields, parseTags, splitTags } from '../../engine/custom-fields.js'
import { FixtureError } from '../../fixtures.js'
import { PLACES } from '../places/record.js'
import { CHECKINS, type CheckinRecord } from './record.js'

/**
 * One check-in as a fixture writes it (docs/fixtures.md "Check-ins"): its `owner` (a username of
 * the same baseline), the `place_id` of a place of the same fixture (its `places`, given an `id`),
 * and what checkins/create also takes: `message`, `tags` (a list or a comma string), `custom_fields`.
 *
 * @example
 * const visit: FixtureCheckin = { owner: 'alice', place_id: '5f0c0c0c0c0c0c0c0c0c0c01', message: 'here' }
 */
export interface FixtureCheckin {
  owner: string
  place_id: string
  message?: string
  tags?: readonly string[] | string
  custom_fields?: Record<string, unknown>
  /** 24 hex characters; default a new id (likes in a test name a check-in by it). */
  id?: string
  /** ISO 8601; default the load time. */
  created_at?: string
}

const FIELDS = ['owner', 'place_id', 'message', 'tags', 'custom_fields', 'id', 'created_at']

/** Checks one list of `checkins` entries with the rules of checkins/create. */
function parseEntries(value: unknown, source: string, list: string): FixtureCheckin[] {
  return fixtureEntries(value, source, list, FIELDS, 'check-in', (raw, fail) => {
    const owner = fixtureText(raw, 'owner', fail)
    if (owner === undefined) fail('owner', 'must be the username of a user of this fixture')
    const placeId = fixtureText(raw, 'place_id', fail)
    // The API's words for a check-in naming no place (events cannot be seeded, so no event_id).
    if (placeId === undefined) fail('place_id', 'Place or event is required')
    const message = raw.message === undefined ? undefined : fixtureText(raw, 'message', fail)
    const tags = raw.tags === undefined ? undefined : asField('tags', fail, () => parseTags(raw.tags))
    const custom_fields = fixtureCustomFields(raw.custom_fields, fail)
    return {
      owner: owner!,
      place_id: placeId!.trim().toLowerCase(),
      ...(message !== undefined && { message }),
      ...(tags !== undefined && { tags }),
      ...(custom_fields !== undefined && { custom_fields }),
      ...fixtureIdAndDate(raw, fail),
    }
  })
}

/** The check-ins' part of a fixture file (docs/fixtures.md "Check-ins"): a `checkins` list, owners by username. */
export const checkinsFixture: FixturePart<FixtureCheckin[], 'checkins'> = {
  key: 'checkins',
  parse: parseEntries,
  records: async (entries, context) => {
    const places = new Set(context.records(PLACES).map((place) => place.id))
    const records = entries.map(({ owner, place_id, id, created_at, custom_fields, tags, message }, index): CheckinRecord => {
      if (!places.has(place_id)) throw new FixtureError(context.source, index, 'place_id', `Invalid place id: no place "${place_id}" in this fixture (its "places")`, context.list)
      const created = created_at === undefined ? context.runtime.now() : new Date(created_at)
      return {
        id: id ?? context.runtime.objectId(created),
        created_at: created.toISOString(),
        updated_at: created.toISOString(),
        user_id: context.userId(owner, index, 'owner'),
        place_id,
        ...(message !== undefined && { message }),
        ...(tags !== undefined && { tags: splitTags(tags) }),
        custom_fields: mergeCustomFields({}, custom_fields ?? {}),
      }
    })
    return { [CHECKINS]: records }
  },
}
