import type { Runtime } from './runtime.js'
import type { AppData } from './store/db.js'

/**
 * One app key's data set as the services see it (docs/api.md "App keys":
 * each app key names an isolated data set). `data` is looked up on every use,
 * because a reset replaces it wholesale: never keep a reference to it across an `await`.
 */
export interface DataSet {
  /** The app key that names this data set. */
  readonly key: string
  /** Its users and sessions, made from the baseline on first use. */
  readonly data: AppData
  /** The clock and randomness of the server. */
  readonly runtime: Runtime
  /** Persists the store (the `--data` file, atomically); resolves once the write is on disk (docs/command-line.md). */
  write(): Promise<void>
}
