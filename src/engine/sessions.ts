import type { DataSet } from '../data-set.js'
import type { SessionRecord } from '../store/db.js'

/**
 * Sessions of one data set, kept in the store so a `--data` file keeps them
 * across restarts (docs/api.md "Sessions"). Ids are 144 random bits from
 * the CSPRNG (a seeded generator in deterministic mode), base64url (24 URL-safe
 * characters), opaque to clients.
 */
export class Sessions {
  /**
   * @param lifetime - ms from login after which a session has expired, by the server's clock
   *   (the `sessionLifetime` app setting, read on every lookup); null: sessions never expire.
   */
  constructor(
    private readonly dataSet: DataSet,
    private readonly lifetime: () => number | null = () => null,
  ) {}

  /** Starts a session for `userId` and returns its id. The caller persists the store. */
  start(userId: string): string {
    const { runtime } = this.dataSet
    const id = runtime.randomBytes(18).toString('base64url')
    this.dataSet.data.sessions[id] = { user_id: userId, created_at: runtime.now().toISOString() }
    return id
  }

  /**
   * Hands a live session over to `userId`: the id stays, the session now
   * belongs to that user and counts from now for its lifetime (users/create
   * while signed in: docs/users.md "Sessions"). The caller persists the store.
   */
  handOver(sessionId: string, userId: string): void {
    this.dataSet.data.sessions[sessionId] = { user_id: userId, created_at: this.dataSet.runtime.now().toISOString() }
  }

  /**
   * The user id behind a live session, or undefined: an unknown, ended or
   * expired id counts as no session (docs/api.md "Sessions").
   */
  userIdOf(sessionId: string | undefined): string | undefined {
    if (!sessionId || !Object.hasOwn(this.dataSet.data.sessions, sessionId)) return undefined
    const session = this.dataSet.data.sessions[sessionId]
    if (!session || this.expired(session.created_at)) return undefined
    return session.user_id
  }

  /** The live sessions, oldest first, as `[session id, record]` pairs: ended and expired ones are left out. */
  live(): [string, SessionRecord][] {
    return Object.entries(this.dataSet.data.sessions).filter(([, session]) => !this.expired(session.created_at))
  }

  private expired(createdAt: string): boolean {
    const lifetime = this.lifetime()
    return lifetime !== null && this.dataSet.runtime.now().getTime() >= Date.parse(createdAt) + lifetime
  }

  /** Ends one session (logout, docs/api.md "Sessions"). */
  end(sessionId: string): void {
    delete this.dataSet.data.sessions[sessionId]
  }

  /**
   * Ends every session of `userId` but `keep` (their password changed:
   * docs/users.md "Sessions"); without `keep`, all of them.
   */
  endOthersOf(userId: string, keep?: string): void {
    const sessions = this.dataSet.data.sessions
    for (const [id, session] of Object.entries(sessions)) {
      if (session.user_id === userId && id !== keep) delete sessions[id]
    }
  }

  /** Ends every session of these users (their accounts were deleted, docs/users.md "Writes"). */
  endAllOf(userIds: ReadonlySet<string>): void {
    const sessions = this.dataSet.data.sessions
    for (const [id, session] of Object.entries(sessions)) {
      if (userIds.has(session.user_id)) delete sessions[id]
    }
  }
}
