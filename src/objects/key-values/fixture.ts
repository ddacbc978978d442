import type { FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { isPlainObject } from '../../json.js'
import { KEYVALUES, pairKey, type KeyValueRecord } from './record.js'

/** One checked `keyvalues` entry of a fixture (docs/fixtures.md "Key-values"). */
export interface FixtureKeyValue {
  name: string
  value: string | number
  /** The owner's username; for a private pair, the user whose store holds it. */
  owner: string
  /** True: the owner's private store. Default false (the public store). */
  access_private?: boolean
}

const FIELDS = new Set(['name', 'value', 'owner', 'access_private'])

/** Checks one list of `keyvalues` entries. */
function parseEntries(value: unknown, source: string, list: string): FixtureKeyValue[] {
  if (!Array.isArray(value)) throw new FixtureError(source, undefined, list, 'must be a list', list)
  return value.map((entry: unknown, index) => {
    const fail = (field: string | undefined, problem: string) => new FixtureError(source, index, field, problem, list)
    if (!isPlainObject(entry)) throw fail(undefined, 'must be an object')
    const unknown = Object.keys(entry).find((field) => !FIELDS.has(field))
    if (unknown !== undefined) throw fail(unknown, 'is not a key-value field (name, value, owner, access_private)')
    const { name, value, owner, access_private = false } = entry
    if (typeof name !== 'string' || name === '' || [...name].length > 256) throw fail('name', 'must be a non-empty string of at most 256 characters')
    if (!(typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))) throw fail('value', 'must be a string or a number')
    if (typeof owner !== 'string' || owner === '') throw fail('owner', 'must be a username')
    if (typeof access_private !== 'boolean') throw fail('access_private', 'must be true or false')
    return { name, value, owner, access_private }
  })
}

/**
 * The key-values' part of a fixture file (docs/fixtures.md "Key-values"): `keyvalues` lists of
 * `{ name, value, owner, access_private }`, owners named by username; text and number values.
 */
export const keyValuesFixture: FixturePart<FixtureKeyValue[], typeof KEYVALUES> = {
  key: KEYVALUES,
  parse: parseEntries,
  records: async (entries, context) => {
    const now = context.runtime.now()
    const seen = new Set<string>()
    const records = entries.map((entry, index): KeyValueRecord => {
      const user_id = context.userId(entry.owner, index, 'owner')
      const access_private = entry.access_private ?? false
      const key = pairKey(access_private, user_id, entry.name)
      if (seen.has(key)) throw new FixtureError(context.source, index, 'name', `"${entry.name}" is already in this store`, context.list)
      seen.add(key)
      return {
        id: context.runtime.objectId(now),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        name: entry.name,
        value: entry.value,
        type: 'string',
        access_private,
        user_id,
      }
    })
    return { [KEYVALUES]: records }
  },
  checkClashes: (records, stored, source) => {
    const key = (pair: KeyValueRecord) => pairKey(pair.access_private, pair.user_id, pair.name)
    const taken = new Set((stored as KeyValueRecord[]).map(key))
    ;(records as KeyValueRecord[]).forEach((record, index) => {
      if (taken.has(key(record))) throw new FixtureError(source, index, 'name', `"${record.name}" is already in this store`, KEYVALUES)
    })
  },
}
