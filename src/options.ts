import type { AppSettings } from './engine/settings.js'
import type { Fixture } from './objects/index.js'
import type { Limits } from './limits.js'
import type { PasswordHashing } from './engine/password-hashing.js'

/**
 * Options of {@link createMockCloud} and `startMockCloud`.
 *
 * @example
 * const options: MockCloudOptions = { fixtures: 'fixtures/users.json', appKeys: ['TESTKEY'] }
 */
export interface MockCloudOptions {
  /**
   * The baseline data: a path to a fixture JSON file (`{ "users": [...] }`, see
   * `fixtures.ts`) or an already parsed fixture. Loaded at start and restored by
   * `reset()`. Default: no users.
   */
  fixtures?: string | Fixture
  /**
   * Keep the data in this JSON file (lowdb's file adapter) instead of memory.
   * Read once at start; every write is on disk before its reply (docs/command-line.md).
   * A missing file is created from the fixtures.
   */
  data?: string
  /**
   * The app keys the server answers. Empty or absent: any non-empty key.
   * Another key gets 401 `Invalid app key` (docs/api.md "App keys").
   */
  appKeys?: string[]
  /**
   * The app key of a call that sends none (docs/api.md "App keys"); it is accepted even
   * when `appKeys` does not list it. Absent: such a call gets 401 `Application key is not provided.`
   */
  defaultAppKey?: string
  /**
   * How passwords are hashed (docs/users.md "Passwords"): `fast` (default), one salted HMAC-SHA-256, a few
   * microseconds; `strict`, scrypt at a production-like cost (about 10 ms a hash). Either way
   * the plain password is never stored, and hashes made under either profile verify under both.
   */
  passwordHashing?: PasswordHashing
  /**
   * How long a session lives from login, by the server's clock (docs/app-settings.md): ms, or a
   * duration text such as `'30m'` or `'12h'`. An expired session counts as no session
   * (401, docs/api.md "Sessions"). Default: sessions never expire.
   */
  sessionLifetime?: number | string
  /**
   * Deterministic mode (docs/toolkit.md): ids, session ids and tokens come from generators
   * seeded with this value and the app key, and the clock starts frozen at
   * 2020-01-01T00:00:00Z, so the same calls give the same bytes on every run.
   * Default: the CSPRNG and the real time.
   */
  seed?: number | string
  /**
   * The app setting "New User Email Verification" (docs/users.md "Account flows"), off by default. On: a new user with
   * an email is unconfirmed (`confirmed_at` absent, no session from users/create) until the link
   * of the confirmation mail (see `outbox()`) is followed with users/confirm_user; until then
   * login answers 401 `You have to confirm your account before continuing.`
   */
  emailVerification?: boolean
  /**
   * Server-wide defaults of the app settings (docs/app-settings.md), e.g. `{ legacyPaging: true }`;
   * a fixture may set them per app key, and a test may change them per key at run time
   * (`setSettings`). `emailVerification` and `sessionLifetime` above are the same settings.
   */
  settings?: Partial<AppSettings>
  /**
   * Size limits on what one request may ask (docs/limits.md): `maxBodyBytes` (default 1 MiB; larger
   * bodies get 413), `maxCustomFields` (default 200 custom fields per user), `maxWhereDepth`
   * (default 32 levels), `maxWhereNodes` (default 10,000 values and operators) and
   * `maxRegexLength` (default 256 characters); beyond the last four, 400. Give only those to change.
   */
  limits?: Partial<Limits>
  /**
   * How many `/v1` calls the request journal keeps per app key before dropping the oldest
   * (docs/toolkit.md); 0 keeps none. Default 1000.
   */
  journalLimit?: number
  /**
   * A secret for the admin routes (`/__mock/*`): when set, every client must send it as
   * `Authorization: Bearer TOKEN` or `x-mock-admin-token: TOKEN`, from any address. Without
   * it only loopback clients may call them (docs/toolkit.md).
   */
  adminToken?: string
}
