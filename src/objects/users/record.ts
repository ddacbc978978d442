import type { PhotoRecord } from './photo.js'

/**
 * A user as mock-cloud stores it (spec §4). This is the store's shape, not
 * the wire's: see `users/view.ts` for what a client sees.
 *
 * Dates are ISO 8601 strings in UTC with milliseconds (`2026-01-02T03:04:05.678Z`),
 * so a JSON data file round-trips them; the wire format is produced at render time.
 */
export interface UserRecord {
  /** 24 lowercase hex characters, ObjectId layout (spec §11 "ids"). */
  id: string
  created_at: string
  updated_at: string
  /** Set at create while email verification is off (spec §11 "unset fields"). */
  confirmed_at?: string
  /** Stored lowercased (spec §11 "case"). */
  username?: string
  /** Stored lowercased (spec §11 "case"). */
  email?: string
  first_name?: string
  last_name?: string
  role?: string
  admin: boolean
  tags?: string[]
  /** User-defined values with the types given; dates as `{ "$date": ISO }` (spec §5.8, `custom-dates.ts`). */
  custom_fields: Record<string, unknown>
  external_accounts: ExternalAccount[]
  /** The primary photo (spec §3.1 `photo`, `photo_id`; `users/photo.ts`). */
  photo?: PhotoRecord
  /** Salted hash from `engine/password-hashing.ts`; never rendered. */
  password_hash: string
}

/** An external (social) account linked to a user (spec §4, §11 "external accounts"). */
export interface ExternalAccount {
  external_id: string
  external_type: string
  token: string
}

/**
 * `username` and `email` as stored and looked up: lowercased, so login and
 * uniqueness ignore case (spec §11 "case").
 *
 * @example
 * storedCase('Alice@Example.com') // 'alice@example.com'
 */
export function storedCase(value: string): string {
  return value.toLowerCase()
}
