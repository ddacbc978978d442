import type { UserRecord } from '../../src/objects/users/record.js'

/** Number `n` as a 24-hex-digit object id, so ids sort as their numbers do (`hexId(20)` < `hexId(500)`). */
export const hexId = (n: number): string => n.toString(16).padStart(24, '0')

/**
 * A stored user record (as the collection holds it, below the service) with id `hexId(n)`, fixed
 * dates, no custom fields or external accounts, and a placeholder hash no password matches;
 * `fields` are added over it.
 *
 * @example
 * userRecord(7, { username: 'ann' })
 */
export function userRecord(n: number, fields: Partial<UserRecord> = {}): UserRecord {
  return {
    id: hexId(n),
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
    admin: false,
    custom_fields: {},
    external_accounts: [],
    password_hash: 'hmac-sha256$00$00',
    ...fields,
  }
}
