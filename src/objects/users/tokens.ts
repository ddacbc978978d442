import type { DataSet } from '../../data-set.js'
import type { TokenPurpose } from '../../store/db.js'

/** How long an emailed token works: 24 hours, measured with the data set's clock (`runtime.now()`), in ms. */
export const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000

/** Random bytes in a token: 192 bits, 32 URL-safe characters in base64url. */
const TOKEN_BYTES = 24

/**
 * The one-use tokens of one data set's account flows (docs/users.md
 * "Account flows": a token works once; bad, used or expired →
 * 400 `Invalid or expired token.`). Tokens come from the data set's
 * `runtime.randomBytes`, so the test toolkit's seeded generator and clock govern them.
 * The caller persists the store after a change.
 */
export class AccountTokens {
  constructor(private readonly dataSet: DataSet) {}

  /**
   * A new token for `userId`; an earlier token of the same user and purpose
   * stops working (only the latest email's link works, as Devise does).
   *
   * @returns the token, e.g. `q3Vx…` (32 base64url characters).
   */
  issue(purpose: TokenPurpose, userId: string): string {
    const { runtime } = this.dataSet
    const tokens = this.dataSet.data.tokens
    for (const [token, record] of Object.entries(tokens)) {
      if (record.purpose === purpose && record.user_id === userId) delete tokens[token]
    }
    const token = runtime.randomBytes(TOKEN_BYTES).toString('base64url')
    const now = runtime.now()
    tokens[token] = {
      purpose,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS).toISOString(),
    }
    return token
  }

  /**
   * The user id a live token of this purpose stands for, without using it up;
   * undefined for an unknown, used, expired or other-purpose token.
   */
  peek(purpose: TokenPurpose, token: string | undefined): string | undefined {
    const tokens = this.dataSet.data.tokens
    if (!token || !Object.hasOwn(tokens, token)) return undefined
    const record = tokens[token]
    if (record?.purpose !== purpose) return undefined
    if (Date.parse(record.expires_at) <= this.dataSet.runtime.now().getTime()) return undefined
    return record.user_id
  }

  /** Voids every token of `userId`, of both purposes (their email or password changed). */
  voidAllOf(userId: string): void {
    const tokens = this.dataSet.data.tokens
    for (const [token, record] of Object.entries(tokens)) {
      if (record.user_id === userId) delete tokens[token]
    }
  }

  /** Uses a token up: it never works again. */
  spend(token: string): void {
    delete this.dataSet.data.tokens[token]
  }
}
