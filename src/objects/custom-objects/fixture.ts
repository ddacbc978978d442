import type { FixtureContext, FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { FORBIDDEN_KEYS, isPlainObject } from '../../json.js'
import { fixtureIdAndDate } from '../../engine/fixture-fields.js'
import type { StoredRecord } from '../../store/stored-record.js'
import { isBadFieldName, mergeCustomFields, splitTags } from '../../engine/custom-fields.js'
import { classCollection, isClassName } from './class-name.js'
import { RESERVED_KEYS, type CustomObjectRecord } from './record.js'

/**
 * One custom object as a fixture file writes it: `owner` (a username), optional `id`,
 * `created_at`, `tags` and `acl_name`, and the fields at the top level. {@link parseObjectsFixture}
 * returns entries of the same shape, normalised: `id` lowercased, `created_at` an ISO 8601 UTC
 * string, `tags` an array of trimmed strings (left out when empty), null fields dropped.
 *
 * @example
 * const car: FixtureObjectEntry = { owner: 'alice', make: 'mini', year: 2012, tags: 'red, small' }
 */
export interface FixtureObjectEntry {
  owner: string
  id?: string
  created_at?: string
  tags?: string[] | string
  /** An ACL of the owner in the same fixture (its `acls`), attached as `acl_name` on create does. */
  acl_name?: string
  [field: string]: unknown
}

/** The objects of a fixture by class name: `{ "cars": [{ "owner": "alice", "make": "mini" }] }`. */
export type FixtureObjects = Record<string, FixtureObjectEntry[]>

/**
 * Checks and normalises the `objects` of a fixture (docs/custom-objects.md "Fixtures"): an object
 * whose keys are class names and whose values are lists of entries; an entry names its `owner` by
 * username and may give `id` (24 hex), `created_at` (ISO 8601), `tags` (a list of strings or a
 * comma string) and `acl_name` (an ACL of the owner in the same fixture); its other keys are its fields, which must not be reserved names (`user`,
 * `updated_at`...) nor ones a client could not store (`a.b`, `$x`).
 *
 * @throws FixtureError naming the list (`objects.cars`), the entry and the field.
 */
export function parseObjectsFixture(value: unknown, source: string, list: string): FixtureObjects {
  if (!isPlainObject(value)) throw new FixtureError(source, undefined, list, `"${list}" must be an object of class names and lists`, list)
  const parsed: FixtureObjects = {}
  for (const [classname, entries] of Object.entries(value)) {
    const where = `${list}.${classname}`
    if (!isClassName(classname)) throw new FixtureError(source, undefined, where, 'not a class name (1 to 64 of A-Z a-z 0-9 _ -)', where)
    if (!Array.isArray(entries)) throw new FixtureError(source, undefined, where, `"${where}" must be an array of objects`, where)
    const ids = new Set<string>()
    parsed[classname] = entries.map((entry, index) => {
      const object = parseEntry(entry, (field, problem) => {
        throw new FixtureError(source, index, field, problem, where)
      })
      if (object.id !== undefined) {
        if (ids.has(object.id)) throw new FixtureError(source, index, 'id', `"${object.id}" is given twice`, where)
        ids.add(object.id)
      }
      return object
    })
  }
  return parsed
}

function parseEntry(entry: unknown, fail: (field: string | undefined, problem: string) => never): FixtureObjectEntry {
  if (!isPlainObject(entry)) fail(undefined, 'must be an object')
  const { owner, id, created_at, tags, acl_name, ...rest } = entry as Record<string, unknown>
  if (typeof owner !== 'string' || owner === '') fail('owner', 'must be the username of a user of this fixture')
  const object: FixtureObjectEntry = { owner: owner as string }
  Object.assign(object, fixtureIdAndDate({ id, created_at }, fail))
  if (tags !== undefined) {
    const list = typeof tags === 'string' ? splitTags(tags) : Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? splitTags(tags) : undefined
    if (list === undefined) fail('tags', 'must be a list of strings or a comma-separated string')
    if (list!.length > 0) object.tags = list
  }
  if (acl_name !== undefined) {
    if (typeof acl_name !== 'string' || acl_name === '') fail('acl_name', 'must be the name of an ACL of the owner in this fixture')
    object.acl_name = acl_name as string
  }
  for (const [name, field] of Object.entries(rest)) {
    if (RESERVED_KEYS.has(name) || FORBIDDEN_KEYS.has(name)) fail(name, 'is reserved: it cannot be a field')
    if (isBadFieldName(name)) fail(name, 'is not a field name a client could store')
    if (field !== null) object[name] = field
  }
  return object
}

/**
 * The id of the owner an entry names, or a FixtureError naming the entry in its class's list
 * (`objects.cars[0].owner`), where `context.userId` would name it in `objects`.
 */
function ownerId(context: FixtureContext, username: string, entry: number, list: string): string {
  try {
    return context.userId(username, entry, 'owner')
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error
    throw new FixtureError(error.file, entry, 'owner', error.problem, list)
  }
}

/** The id of the ACL an entry names: one of its owner's in the same fixture, as `acl_name` on create finds it. */
function aclId(context: FixtureContext, ownerId: string, entry: FixtureObjectEntry, index: number, classname: string): string {
  const acl = (context.records('acls') as readonly (StoredRecord & { name?: string; user_id?: string })[]).find(
    (candidate) => candidate.user_id === ownerId && candidate.name === entry.acl_name,
  )
  if (acl === undefined) {
    const problem = `no ACL ${JSON.stringify(entry.acl_name)} of ${JSON.stringify(entry.owner)} in this fixture (its "acls")`
    throw new FixtureError(context.source, index, 'acl_name', problem, `${context.list}.${classname}`)
  }
  return acl.id
}

/** The custom objects' part of a fixture file: key `objects` (docs/custom-objects.md "Fixtures"). */
export const customObjectsFixture: FixturePart<FixtureObjects, 'objects'> = {
  key: 'objects',
  parse: parseObjectsFixture,
  async records(classes, context) {
    const collections: Record<string, StoredRecord[]> = {}
    const now = context.runtime.now()
    for (const [classname, entries] of Object.entries(classes)) {
      collections[classCollection(classname)] = entries.map((entry, index): CustomObjectRecord => {
        const { owner, id, created_at, tags, acl_name, ...fields } = entry
        const created = created_at === undefined ? now : new Date(created_at)
        const record: CustomObjectRecord = {
          id: id ?? context.runtime.objectId(created),
          created_at: created.toISOString(),
          updated_at: created.toISOString(),
          user_id: ownerId(context, owner, index, `${context.list}.${classname}`),
          fields: mergeCustomFields({}, fields),
          ...(tags !== undefined && { tags: splitTags(tags) }),
        }
        return acl_name === undefined ? record : { ...record, acl_id: aclId(context, record.user_id, entry, index, classname) }
      })
    }
    return collections
  },
}
