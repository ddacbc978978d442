import type { DataSet } from './data-set.js'

/**
 * Sessions of one data set, kept in the store so a `--data` file keeps them
 * across restarts (spec §1.3, §11 "session ids"). Ids are 144 random bits from
 * the CSPRNG, base64url (24 URL-safe characters), opaque to clients.
 */
export class Sessions {
  constructor(private readonly dataSet: DataSet) {}

  /** Starts a session for `userId` and returns its id. The caller persists the store. */
  start(userId: string): string {
    const { runtime } = this.dataSet
    const id = runtime.randomBytes(18).toString('base64url')
    this.dataSet.data.sessions[id] = { user_id: userId, created_at: runtime.now().toISOString() }
    return id
  }

  /** The user id behind a live session, or undefined (an unknown id counts as no session, spec §11). */
  userIdOf(sessionId: string | undefined): string | undefined {
    if (!sessionId || !Object.hasOwn(this.dataSet.data.sessions, sessionId)) return undefined
    return this.dataSet.data.sessions[sessionId]?.user_id
  }

  /** Ends one session (logout, spec §3.3). */
  end(sessionId: string): void {
    delete this.dataSet.data.sessions[sessionId]
  }

  /** Ends every session of these users (their accounts were deleted, spec §11 "delete self"). */
  endAllOf(userIds: ReadonlySet<string>): void {
    const sessions = this.dataSet.data.sessions
    for (const [id, session] of Object.entries(sessions)) {
      if (userIds.has(session.user_id)) delete sessions[id]
    }
  }
}
