import { randomBytes } from 'node:crypto'
import { newObjectId } from './ids.js'

/**
 * What the service takes from the world outside: the time and randomness.
 * One per server, so that the test toolkit can put a clock the test controls
 * and a seeded generator in its place (issue "test toolkit": clock,
 * deterministic mode) without touching the rules that use them.
 */
export interface Runtime {
  /** The current time. */
  now(): Date
  /** `size` random bytes; from the CSPRNG unless the server runs deterministic (spec §11 "session ids"). */
  randomBytes(size: number): Buffer
  /** A new ObjectId-layout id whose time part is `at` (spec §11 "ids"). */
  objectId(at: Date): string
}

/** The real clock and the CSPRNG. */
export const systemRuntime: Runtime = {
  now: () => new Date(),
  randomBytes: (size) => randomBytes(size),
  objectId: (at) => newObjectId(at.getTime()),
}
