import type { WhereLimits } from '../query/where-limits.js'
import type { PasswordHasher } from './password-hashing.js'

/**
 * The server-wide configuration every object's service may read, fixed at start
 * (docs/command-line.md, docs/limits.md).
 */
export interface ServerConfig {
  /** The password-hashing profile's hash function; stored hashes of either profile verify. */
  readonly hashPassword: PasswordHasher
  /** Most custom fields one record may hold. */
  readonly maxCustomFields: number
  /** Size limits of a `where`. */
  readonly whereLimits: WhereLimits
}
