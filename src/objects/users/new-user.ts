import type { Runtime } from '../../runtime.js'
import { mergeCustomFields } from '../../engine/custom-fields.js'
import { storedCase, type UserRecord } from './record.js'

/** What a new user is made of, from users/create or from a fixture entry. */
interface NewUserFields {
  username?: string | undefined
  email?: string | undefined
  first_name?: string | undefined
  last_name?: string | undefined
  role?: string | undefined
  admin?: boolean | undefined
  tags?: string[] | undefined
  custom_fields?: Record<string, unknown> | undefined
  /** Fixtures may fix the id; otherwise a new time-ordered one (docs/api.md "Ids and dates"). */
  id?: string | undefined
  /** Fixtures may fix the creation time; otherwise `now`. */
  created_at?: Date | undefined
}

/**
 * A stored user from its fields: username and email in {@link storedCase} (docs/users.md
 * "Case"), unset fields left out, `confirmed_at` = `created_at` since email
 * verification is off (docs/users.md "Replies"), `null` custom fields not stored.
 *
 * @param passwordHash - from `hashPassword`; the plain password never reaches the store.
 * @param now - the time of the call.
 * @param objectId - makes the id when `fields` has none (docs/api.md "Ids and dates").
 */
export function newUserRecord(
  fields: NewUserFields,
  passwordHash: string,
  now: Date,
  objectId: Runtime['objectId'],
): UserRecord {
  const created = (fields.created_at ?? now).toISOString()
  const user: UserRecord = {
    id: fields.id?.toLowerCase() ?? objectId(fields.created_at ?? now),
    created_at: created,
    updated_at: created,
    confirmed_at: created,
    admin: fields.admin ?? false,
    custom_fields: mergeCustomFields({}, fields.custom_fields ?? {}),
    external_accounts: [],
    password_hash: passwordHash,
  }
  if (fields.username !== undefined) user.username = storedCase(fields.username)
  if (fields.email !== undefined) user.email = storedCase(fields.email)
  if (fields.first_name !== undefined) user.first_name = fields.first_name
  if (fields.last_name !== undefined) user.last_name = fields.last_name
  if (fields.role !== undefined) user.role = fields.role
  if (fields.tags !== undefined) user.tags = [...fields.tags]
  return user
}
