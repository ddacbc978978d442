import type { PrimaryPhotoRef } from '../../engine/primary-photo.js'

/**
 * A user as mock-cloud stores it (docs/users.md "Replies"). This is the store's shape, not
 * the wire's: see `users/view.ts` for what a client sees.
 *
 * Dates are ISO 8601 strings in UTC with milliseconds (`2026-01-02T03:04:05.678Z`),
 * so a JSON data file round-trips them; the wire format is produced at render time.
 */
export interface UserRecord {
  /** 24 lowercase hex characters, ObjectId layout (docs/api.md "Ids and dates"). */
  id: string
  created_at: string
  updated_at: string
  /** Set at create while email verification is off (docs/users.md "Replies"). */
  confirmed_at?: string
  /** Stored lowercased (docs/users.md "Case"). */
  username?: string
  /** Stored lowercased (docs/users.md "Case"). */
  email?: string
  first_name?: string
  last_name?: string
  role?: string
  admin: boolean
  tags?: string[]
  /** User-defined values with the types given; dates as `{ "$date": ISO }` (docs/api.md "Custom fields"). */
  custom_fields: Record<string, unknown>
  external_accounts: ExternalAccount[]
  /** The primary photo, a Photos object (docs/users.md "Photos"). */
  photo?: PrimaryPhotoRef
  /**
   * The ACL attached with `acl_name` / `acl_id` (docs/users.md "ACLs"): shown in replies as
   * `acls`, never enforced.
   */
  acl_id?: string
  /** Salted hash from `engine/password-hashing.ts`; never rendered. */
  password_hash: string
}

/** An external (social) account linked to a user (docs/users.md "Replies", "External accounts"). */
export interface ExternalAccount {
  external_id: string
  external_type: string
  token: string
}

/**
 * `username` and `email` as stored and looked up: lowercased, so login and
 * uniqueness ignore case (docs/users.md "Case").
 *
 * @example
 * storedCase('Alice@Example.com') // 'alice@example.com'
 */
export function storedCase(value: string): string {
  return value.toLowerCase()
}
