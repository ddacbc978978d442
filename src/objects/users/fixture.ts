import { FixtureError } from '../../fixtures.js'
import { isObjectId } from '../../ids.js'
import { FORBIDDEN_KEYS, isPlainObject } from '../../json.js'
import { parseIsoDate } from '../../query/date-value.js'
import { isValidEmail } from './email.js'
import { isBadFieldName, splitTags } from '../../engine/custom-fields.js'

/**
 * One user of a fixture, as {@link parseFixture} returns it: keys that were absent in the file
 * stay absent, present ones are normalised (`tags` an array of trimmed strings, `admin` a
 * boolean, `created_at` an ISO 8601 UTC string with milliseconds, null custom fields dropped).
 *
 * @example
 * const alice: FixtureUser = { username: 'alice', password: 'alice-pass', custom_fields: { age: 30 } }
 */
export interface FixtureUser {
  /** Required unless `email` is given. */
  username?: string
  /** Required unless `username` is given. */
  email?: string
  /** Plain text; the store hashes it. */
  password: string
  first_name?: string
  last_name?: string
  role?: string
  /** Fixtures are the only way to make a first admin (docs/fixtures.md "Users"). Default false. */
  admin?: boolean
  tags?: string[]
  custom_fields?: Record<string, unknown>
  /** 24 hex characters, lowercased (docs/api.md "Ids and dates"). Default: a new id. */
  id?: string
  /** ISO 8601 UTC with milliseconds, e.g. `2024-05-01T09:30:00.000Z`. Default: load time. */
  created_at?: string
}

const USER_KEYS = [
  'username', 'email', 'password', 'first_name', 'last_name', 'role',
  'admin', 'tags', 'custom_fields', 'id', 'created_at',
] as const

/**
 * Checks and normalises one list of fixture users (`users` or `apps.KEY.users`, docs/fixtures.md
 * "Users"): each user has a non-empty `password` and a `username` or an `email` (without a
 * `username`, also `first_name` and `last_name`); `email` looks like an address; `tags` is an array
 * of strings or a comma string (`"a, b"` → `["a", "b"]`); `admin` is a boolean or
 * `"true"`/`"false"`; `id` is 24 hex characters (lowercased); `created_at` is an ISO 8601 date;
 * `custom_fields` is an object (a `null` field is dropped, as on create); no other keys; no
 * duplicate usernames or emails (case-insensitive) or ids within one list.
 *
 * @throws {FixtureError} on the first problem found.
 * @example
 * parseUserList([{ username: 'alice', password: 'pw', tags: 'a, b' }], 'inline', 'users')[0].tags // ['a', 'b']
 */
export function parseUserList(raw: unknown, source: string, list: string): FixtureUser[] {
  const fail = (entry: number | undefined, field: string | undefined, problem: string): never => {
    throw new FixtureError(source, entry, field, problem, list)
  }
  if (!Array.isArray(raw)) fail(undefined, list, `"${list}" must be an array of users`)
  const users = (raw as unknown[]).map((entry, index) => parseUser(entry, index, fail))

  const seen = new Map<string, number>()
  users.forEach((user, index) => {
    for (const field of ['username', 'email', 'id'] as const) {
      const value = user[field]
      if (value === undefined) continue
      const key = `${field}\0${value.toLowerCase()}`
      const first = seen.get(key)
      if (first !== undefined) {
        const same = field === 'id' ? '' : ' (case-insensitive)'
        fail(index, field, `${JSON.stringify(value)} is already used by ${list}[${first}]${same}`)
      }
      seen.set(key, index)
    }
  })
  return users
}

type Fail = (entry: number | undefined, field: string | undefined, problem: string) => never

function parseUser(raw: unknown, index: number, fail: Fail): FixtureUser {
  if (!isPlainObject(raw)) return fail(index, undefined, `each user must be an object, got ${describe(raw)}`)
  const entry = raw as Record<string, unknown>
  for (const key of Object.keys(entry)) {
    if (FORBIDDEN_KEYS.has(key)) fail(index, key, 'this key is not allowed')
    if (!(USER_KEYS as readonly string[]).includes(key)) fail(index, key, `unknown key; allowed keys are ${USER_KEYS.join(', ')}`)
  }
  const user: FixtureUser = { password: '' }

  const text = (field: (typeof USER_KEYS)[number]): string | undefined => {
    const value = entry[field]
    if (value === undefined) return undefined
    if (typeof value !== 'string' || value.trim() === '') return fail(index, field, `must be a non-empty string, got ${describe(value)}`)
    return value
  }

  const password = text('password')
  if (password === undefined) return fail(index, 'password', 'is required (plain text; the mock hashes it)')
  user.password = password

  const username = text('username')
  if (username !== undefined) user.username = username
  const email = text('email')
  if (email !== undefined) {
    // The create endpoint's rule, so a fixture holds no user the API would refuse.
    if (!isValidEmail(email)) fail(index, 'email', `${JSON.stringify(email)} is not a valid email address`)
    user.email = email
  }
  if (username === undefined && email === undefined) fail(index, undefined, 'a user needs a "username" or an "email"')

  for (const field of ['first_name', 'last_name', 'role'] as const) {
    const value = text(field)
    if (value !== undefined) user[field] = value
  }
  // users/create's rule (docs/users.md "Writes"): else every users/update of this user would fail.
  if (username === undefined && (user.first_name === undefined || user.last_name === undefined)) {
    const missing = user.first_name === undefined ? 'first_name' : 'last_name'
    fail(index, missing, 'is required for a user without a "username" (as users/create requires)')
  }

  const admin = entry.admin
  if (admin !== undefined) {
    if (admin === true || admin === 'true') user.admin = true
    else if (admin === false || admin === 'false') user.admin = false
    else fail(index, 'admin', `must be true or false, got ${describe(admin)}`)
  }

  if (entry.tags !== undefined) user.tags = parseTags(entry.tags, index, fail)

  if (entry.custom_fields !== undefined) {
    const fields = entry.custom_fields
    if (!isPlainObject(fields)) return fail(index, 'custom_fields', `must be an object, got ${describe(fields)}`)
    const kept: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
      checkNoForbiddenKeys(name, value, index, fail)
      if (name.trim() === '') fail(index, 'custom_fields', 'a custom field name must not be empty')
      // The API silently drops these names (docs/api.md "Custom fields"); in a fixture they are a mistake worth reporting.
      if (isBadFieldName(name)) {
        fail(index, `custom_fields.${name}`, 'a custom field name must not start with "$" or contain "."')
      }
      // A null custom field is not stored (docs/api.md "Custom fields").
      if (value !== null) kept[name] = value
    }
    user.custom_fields = kept
  }

  const id = entry.id
  if (id !== undefined) {
    if (typeof id !== 'string' || !isObjectId(id)) {
      fail(index, 'id', `${describe(id)} is not an id: use 24 hex characters, e.g. "5f0c0a0b0c0d0e0f10111213"`)
    }
    user.id = (id as string).toLowerCase()
  }

  const createdAt = entry.created_at
  if (createdAt !== undefined) {
    const instant = typeof createdAt === 'string' ? parseIsoDate(createdAt) : undefined
    if (instant === undefined) {
      fail(index, 'created_at', `${describe(createdAt)} is not a date: use ISO 8601, e.g. "2024-05-01T09:30:00Z"`)
    }
    user.created_at = (instant as Date).toISOString()
  }
  return user
}

function parseTags(value: unknown, index: number, fail: Fail): string[] {
  if (typeof value === 'string') return splitTags(value)
  if (!Array.isArray(value)) return fail(index, 'tags', `must be an array of strings or a comma-separated string, got ${describe(value)}`)
  return value.map((tag: unknown, position) => {
    if (typeof tag !== 'string' || tag.trim() === '') {
      return fail(index, `tags[${position}]`, `must be a non-empty string, got ${describe(tag)}`)
    }
    return tag.trim()
  })
}

function checkNoForbiddenKeys(path: string, value: unknown, index: number, fail: Fail): void {
  const name = path.split('.').pop() ?? path
  if (FORBIDDEN_KEYS.has(name)) fail(index, `custom_fields.${path}`, `the name ${JSON.stringify(name)} is not allowed`)
  if (Array.isArray(value)) value.forEach((item, i) => checkNoForbiddenKeys(`${path}[${i}]`, item, index, fail))
  else if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      checkNoForbiddenKeys(`${path}.${key}`, inner, index, fail)
    }
  }
}


function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  const json = JSON.stringify(value)
  const shown = json.length > 60 ? `${json.slice(0, 57)}...` : json
  return Array.isArray(value) ? `the array ${shown}` : typeof value === 'object' && value !== null ? `the object ${shown}` : shown
}
