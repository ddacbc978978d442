import { createHmac, randomFillSync, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * Salted password hashing in two profiles (docs/users.md "Passwords"), both never keeping the plain
 * password (replies never show it either: docs/users.md "Replies", kept by `view.ts`):
 *
 * - `fast` (the default): one HMAC-SHA-256 of the password keyed with a 16-byte random salt,
 *   `hmac-sha256$<salt hex>$<hash hex>`. A few microseconds, so sign-up- and login-heavy test
 *   suites and 100,000-user fixtures do not wait on hashing; a test mock guards no real secrets.
 * - `strict`: scrypt at a production-like cost, `scrypt$<N>$<r>$<p>$<salt hex>$<hash hex>`
 *   (about 10 ms a hash on a 2-core machine), for suites that want the real service's pace.
 *
 * The stored form names its scheme and parameters, so every stored hash verifies whichever
 * profile the server runs with (a `--data` file written under one profile works under the other).
 */

/** The password-hashing profiles, chosen by the `passwordHashing` option and `--password-hashing` flag. */
export const PASSWORD_HASHING = ['fast', 'strict'] as const

/** A password-hashing profile: `fast` (default) or `strict`. */
export type PasswordHashing = (typeof PASSWORD_HASHING)[number]

/** Turns a plain password into its stored form (see the profiles above). */
export type PasswordHasher = (password: string) => Promise<string>

const SALT_BYTES = 16
const KEY_LENGTH = 32
/** scrypt's N = 2^12: the cost mock-cloud used before the profiles, so older data files keep verifying. */
const STRICT_COST: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>> = { N: 4096, r: 8, p: 1 }

/** Salts for 256 hashes from one CSPRNG call: one call per salt cost more than the fast hash itself. */
const saltPool = Buffer.alloc(SALT_BYTES * 256)
let saltsUsed = saltPool.length

/** A fresh random salt, {@link SALT_BYTES} long, from the pool (refilled when used up). */
function newSalt(): Buffer {
  if (saltsUsed === saltPool.length) {
    randomFillSync(saltPool)
    saltsUsed = 0
  }
  saltsUsed += SALT_BYTES
  return Buffer.from(saltPool.subarray(saltsUsed - SALT_BYTES, saltsUsed))
}

const hashers: Record<PasswordHashing, PasswordHasher> = {
  fast: async (password) => {
    const salt = newSalt()
    return ['hmac-sha256', salt.toString('hex'), hmac(password, salt).toString('hex')].join('$')
  },
  strict: async (password) => {
    const salt = newSalt()
    const key = await derive(password, salt, STRICT_COST)
    const { N, r, p } = STRICT_COST
    return ['scrypt', N, r, p, salt.toString('hex'), key.toString('hex')].join('$')
  },
}

/**
 * The hash function of a profile.
 *
 * @param profile - `fast` or `strict`; undefined means `fast`.
 * @throws RangeError for any other value (a `passwordHashing` option from untyped code).
 * @example
 * const hash = await passwordHasher('strict')('alice-pass') // 'scrypt$4096$8$1$…$…'
 */
export function passwordHasher(profile: PasswordHashing = 'fast'): PasswordHasher {
  if (!PASSWORD_HASHING.includes(profile)) {
    throw new RangeError(`passwordHashing must be 'fast' or 'strict', got ${JSON.stringify(profile)}`)
  }
  return hashers[profile]
}

/**
 * Checks a password against a stored hash of either profile, in constant time.
 *
 * @returns false for a wrong password or a stored value that is not a hash of a known scheme.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, ...parts] = stored.split('$')
  if (scheme === 'hmac-sha256' && parts.length === 2) {
    const [salt = '', hash = ''] = parts
    return sameBytes(hmac(password, Buffer.from(salt, 'hex')), hash)
  }
  if (scheme === 'scrypt' && parts.length === 5) {
    const [N, r, p, salt = '', hash = ''] = parts
    const key = await derive(password, Buffer.from(salt, 'hex'), { N: Number(N), r: Number(r), p: Number(p) })
    return sameBytes(key, hash)
  }
  return false
}

function hmac(password: string, salt: Buffer): Buffer {
  return createHmac('sha256', salt).update(password, 'utf8').digest()
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

function sameBytes(key: Buffer, expectedHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'hex')
  return expected.length > 0 && key.length === expected.length && timingSafeEqual(key, expected)
}
