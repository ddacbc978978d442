import { ApiError } from '../errors.js'
import { FixtureError } from '../fixtures.js'
import { isObjectId } from '../ids.js'
import { isPlainObject } from '../json.js'
import { parseIsoDate } from '../query/date-value.js'
import type { StoredRecord } from '../store/stored-record.js'
import { isBadFieldName, mergeCustomFields, parseTags, splitTags } from './custom-fields.js'
import type { FixtureContext } from './fixture-part.js'

/** Throws the FixtureError of one entry's field (or of the whole entry, `field` undefined). */
export type EntryFail = (field: string | undefined, problem: string) => never

/**
 * Checks a fixture list whose entries are objects with the keys `fields` only (docs/fixtures.md),
 * each read by `entry`.
 *
 * @param kind - what an entry is, for the message on an unknown key: `file`, `photo`.
 * @throws FixtureError `<source>: <list>[<index>].<field>: <problem>` on the first problem.
 * @example
 * fixtureEntries(value, 'f.json', 'files', ['owner', 'name'], 'file', (raw, fail) => ({ owner: String(raw.owner) }))
 */
export function fixtureEntries<E>(
  value: unknown,
  source: string,
  list: string,
  fields: readonly string[],
  kind: string,
  entry: (raw: Readonly<Record<string, unknown>>, fail: EntryFail) => E,
): E[] {
  if (!Array.isArray(value)) throw new FixtureError(source, undefined, list, 'must be a list', list)
  return value.map((raw: unknown, index) => {
    const fail: EntryFail = (field, problem) => {
      throw new FixtureError(source, index, field, problem, list)
    }
    if (!isPlainObject(raw)) fail(undefined, 'must be an object')
    const unknown = Object.keys(raw as object).find((field) => !fields.includes(field))
    if (unknown !== undefined) fail(unknown, `is not a ${kind} field (${fields.join(', ')})`)
    return entry(raw as Record<string, unknown>, fail)
  })
}

/**
 * An entry's optional `id` (24 hex, lowercased) and `created_at` (ISO 8601, as an ISO UTC string),
 * as `{ id?, created_at? }`.
 */
export function fixtureIdAndDate(raw: Readonly<Record<string, unknown>>, fail: EntryFail): { id?: string; created_at?: string } {
  const { id, created_at } = raw
  const read: { id?: string; created_at?: string } = {}
  if (id !== undefined) {
    if (typeof id !== 'string' || !isObjectId(id)) fail('id', 'must be 24 hex characters')
    read.id = (id as string).toLowerCase()
  }
  if (created_at !== undefined) {
    const date = typeof created_at === 'string' ? parseIsoDate(created_at) : undefined
    if (date === undefined) fail('created_at', 'must be an ISO 8601 date')
    read.created_at = date!.toISOString()
  }
  return read
}

/**
 * An entry's optional `custom_fields`: an object whose names a client could store (not empty,
 * no `$` at the start, no `.`); undefined when absent.
 */
export function fixtureCustomFields(value: unknown, fail: EntryFail): Record<string, unknown> | undefined {
  if (value === undefined) return undefined
  if (!isPlainObject(value)) fail('custom_fields', 'must be an object')
  const bad = Object.keys(value as object).find(isBadFieldName)
  if (bad !== undefined) fail(`custom_fields.${bad}`, 'is not a field name a client could store')
  return value as Record<string, unknown>
}

/** An entry's optional text field `name`: a non-empty string, or undefined when absent. */
export function fixtureText(raw: Readonly<Record<string, unknown>>, name: string, fail: EntryFail): string | undefined {
  const value = raw[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '') fail(name, 'must be a non-empty string')
  return value as string
}

/**
 * `read()`, an API parameter rule applied to an entry's field, with its ApiError turned into the
 * entry's FixtureError on `field` (the API's message as the problem).
 *
 * @example
 * const type = asField('type', fail, () => deviceType(raw.type)) // f.json: push_subscriptions[0].type: Invalid push type: pager
 */
export function asField<T>(field: string, fail: EntryFail, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof ApiError) fail(field, error.message)
    throw error
  }
}

/**
 * What every owned object's entry may give besides its own fields (docs/fixtures.md): `owner` (a
 * username, required), `tags` (a list or a comma string, read as the API reads `tags`),
 * `custom_fields`, `id` and `created_at`; each absent one left out.
 *
 * @throws FixtureError (through `fail`) naming the field of the first problem.
 */
export function fixtureOwnedFields(raw: Readonly<Record<string, unknown>>, fail: EntryFail): FixtureOwned {
  const owner = fixtureText(raw, 'owner', fail)
  if (owner === undefined) fail('owner', 'must be the username of a user of this fixture')
  const tags = raw.tags === undefined ? undefined : asField('tags', fail, () => parseTags(raw.tags))
  const custom_fields = fixtureCustomFields(raw.custom_fields, fail)
  return {
    owner: owner!,
    ...(tags !== undefined && { tags }),
    ...(custom_fields !== undefined && { custom_fields }),
    ...fixtureIdAndDate(raw, fail),
  }
}

/** The fields {@link fixtureOwnedFields} reads, normalised: tags a list, `id` lowercase, `created_at` ISO 8601 UTC. */
export interface FixtureOwned {
  owner: string
  tags?: readonly string[] | string
  custom_fields?: Record<string, unknown>
  id?: string
  created_at?: string
}

/**
 * The stored fields an owned entry of {@link fixtureOwnedFields} makes: `id` (given or new),
 * `created_at` = `updated_at` (given or the load time), `user_id` of the owner, `custom_fields` as
 * a create stores them, `tags` when given.
 *
 * @throws FixtureError `<list>[index].owner: no user "<username>" in this fixture`.
 */
export function ownedRecordFields(entry: FixtureOwned, context: FixtureContext, index: number): OwnedRecordFields {
  const created = entry.created_at === undefined ? context.runtime.now() : new Date(entry.created_at)
  return {
    id: entry.id ?? context.runtime.objectId(created),
    created_at: created.toISOString(),
    updated_at: created.toISOString(),
    user_id: context.userId(entry.owner, index, 'owner'),
    custom_fields: mergeCustomFields({}, entry.custom_fields ?? {}),
    ...(entry.tags !== undefined && { tags: splitTags(entry.tags) }),
  }
}

/** The record fields of {@link ownedRecordFields}. */
export interface OwnedRecordFields extends StoredRecord {
  user_id: string
  custom_fields: Record<string, unknown>
  tags?: string[]
}
