import type { FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { isObjectId } from '../../ids.js'
import { isPlainObject } from '../../json.js'
import { ACLS, type AclRecord } from './record.js'

/**
 * One ACL of a fixture (docs/fixtures.md "ACLs"): users named by username.
 *
 * @example
 * { name: 'friends', owner: 'alice', readers: ['bob'], writers: [], public_read: false, public_write: false }
 */
export interface FixtureAcl {
  name: string
  /** The owner's username. */
  owner: string
  /** Usernames; default none (the owner is always a reader and a writer). */
  readers?: string[]
  writers?: string[]
  /** Default false. */
  public_read?: boolean
  public_write?: boolean
  /** 24 hex characters, lowercased. Default: a new id. */
  id?: string
}

const KEYS = ['name', 'owner', 'readers', 'writers', 'public_read', 'public_write', 'id']

function parseAcls(value: unknown, source: string, list: string): FixtureAcl[] {
  const fail = (entry: number | undefined, field: string | undefined, problem: string): never => {
    throw new FixtureError(source, entry, field, problem, list)
  }
  if (!Array.isArray(value)) fail(undefined, list, `"${list}" must be an array of ACLs`)
  const seen = new Set<string>()
  return (value as unknown[]).map((raw, index) => {
    if (!isPlainObject(raw)) return fail(index, undefined, 'must be an object such as { "name": "friends", "owner": "alice" }')
    const extra = Object.keys(raw).find((key) => !KEYS.includes(key))
    if (extra !== undefined) fail(index, extra, `unknown key; the allowed keys are ${KEYS.join(', ')}`)
    const text = (field: string): string => {
      const item = raw[field]
      return typeof item === 'string' && item.trim() !== '' ? item.trim() : fail(index, field, 'must be a non-empty string')
    }
    const names = (field: string): string[] => {
      const item = raw[field] ?? []
      if (!Array.isArray(item) || !item.every((name) => typeof name === 'string' && name.trim() !== '')) {
        fail(index, field, 'must be an array of usernames')
      }
      return [...new Set((item as string[]).map((name) => name.trim()))]
    }
    const flag = (field: string): boolean => {
      const item = raw[field] ?? false
      return typeof item === 'boolean' ? item : fail(index, field, 'must be true or false')
    }
    const acl: FixtureAcl = {
      name: text('name'),
      owner: text('owner'),
      readers: names('readers'),
      writers: names('writers'),
      public_read: flag('public_read'),
      public_write: flag('public_write'),
    }
    if (raw.id !== undefined) {
      if (typeof raw.id !== 'string' || !isObjectId(raw.id)) fail(index, 'id', 'must be 24 hex characters')
      acl.id = (raw.id as string).toLowerCase()
    }
    const key = `${acl.owner.toLowerCase()}\u0000${acl.name}`
    if (seen.has(key)) fail(index, 'name', `"${acl.name}" is already an ACL of "${acl.owner}" in this list`)
    seen.add(key)
    return acl
  })
}

/**
 * Refuses seeded ACLs that clash with stored ones: the same id, or the same owner and name.
 *
 * @throws FixtureError naming the entry and the field.
 */
function checkClashes(records: readonly AclRecord[], stored: readonly AclRecord[], source: string): void {
  records.forEach((record, index) => {
    const clash = stored.find((acl) => acl.id === record.id || (acl.user_id === record.user_id && acl.name === record.name))
    if (clash === undefined) return
    const field = clash.id === record.id ? 'id' : 'name'
    throw new FixtureError(source, index, field, `"${record[field]}" is already taken by a stored ACL`, ACLS)
  })
}

/** The ACLs' part of a fixture file (docs/fixtures.md "ACLs"). */
export const aclsFixture: FixturePart<FixtureAcl[], typeof ACLS> = {
  key: ACLS,
  parse: parseAcls,
  records: async (entries, { runtime, userId }) => {
    const now = runtime.now()
    const records = entries.map((entry, index): AclRecord => {
      const owner = userId(entry.owner, index, 'owner')
      const ids = (field: 'readers' | 'writers') =>
        [...new Set((entry[field] ?? []).map((name) => userId(name, index, field)))].filter((id) => id !== owner)
      return {
        id: entry.id ?? runtime.objectId(now),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        name: entry.name,
        user_id: owner,
        readers: ids('readers'),
        writers: ids('writers'),
        public_read: entry.public_read ?? false,
        public_write: entry.public_write ?? false,
      }
    })
    return { [ACLS]: records }
  },
  checkClashes: (records, stored, source) => checkClashes(records as AclRecord[], stored as AclRecord[], source),
}
