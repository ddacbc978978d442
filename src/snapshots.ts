import { ApiError } from './errors.js'
import type { CapturedState, DataSets } from './data-sets.js'

/** A snapshot as `GET /__mock/snapshots` and {@link Snapshots.list} describe it. */
export interface SnapshotInfo {
  name: string
  /** The app keys whose data sets it holds, in order of first use. */
  keys: string[]
  /** True when it was taken of every data set (without a key). */
  allKeys: boolean
}

/**
 * Named snapshots of data sets, in memory (never in the `--data` file), for
 * tests that build a state once and return to it (docs/toolkit.md).
 *
 * A name is one snapshot of the whole server or of single keys:
 * `save(name)` takes every data set in use (and replaces what `name` held);
 * `save(name, key)` takes or replaces only `key`'s part of `name`, so test files
 * running in parallel on their own keys can all use the name `'clean'`.
 *
 * @example
 * await snapshots.save('logged-in', 'KEY_A')
 * // ... the test changes KEY_A's users ...
 * await snapshots.restore('logged-in', 'KEY_A')
 */
export class Snapshots {
  private readonly saved = new Map<string, CapturedState>()

  constructor(private readonly dataSets: DataSets) {}

  /** Takes `key`'s data set, or without a key every data set, under `name`. */
  save(name: string, key?: string): SnapshotInfo {
    const state = this.dataSets.capture(key)
    const existing = this.saved.get(name)
    if (key !== undefined && existing) existing.apps.set(key, state.apps.get(key)!)
    else this.saved.set(name, state)
    return this.info(name)
  }

  /**
   * Puts `name` back: `key`'s data set, or without a key every one it holds (a
   * snapshot of all also drops data sets made since: they start from the baseline again).
   *
   * @throws ApiError 404 when there is no snapshot `name`, or it holds nothing for `key`.
   */
  async restore(name: string, key?: string): Promise<void> {
    const state = this.find(name, key)
    await this.dataSets.putBack(state, key)
  }

  /**
   * Forgets `name`, or only `key`'s part of it.
   *
   * @throws ApiError 404 as {@link restore}.
   */
  delete(name: string, key?: string): void {
    const state = this.find(name, key, true)
    if (key === undefined) this.saved.delete(name)
    else {
      state.apps.delete(key)
      if (state.apps.size === 0 && !state.everyKey) this.saved.delete(name)
    }
  }

  /** Every snapshot, in order of creation. */
  list(): SnapshotInfo[] {
    return [...this.saved.keys()].map((name) => this.info(name))
  }

  /** `name`'s state; with `key`, one that can restore `key` (or, `exact`, that holds it). */
  private find(name: string, key: string | undefined, exact = false): CapturedState {
    const state = this.saved.get(name)
    if (!state) {
      const known = [...this.saved.keys()].map((known) => JSON.stringify(known)).join(', ')
      throw new ApiError(404, `No snapshot named ${JSON.stringify(name)}; ${known ? `snapshots: ${known}` : 'none was taken'}`)
    }
    if (key !== undefined && !state.apps.has(key) && (exact || !state.everyKey)) {
      throw new ApiError(404, `Snapshot ${JSON.stringify(name)} holds no data set of app key ${JSON.stringify(key)}; it holds ${[...state.apps.keys()].map((k) => JSON.stringify(k)).join(', ') || 'none'}`)
    }
    return state
  }

  private info(name: string): SnapshotInfo {
    const state = this.saved.get(name)!
    return { name, keys: [...state.apps.keys()], allKeys: state.everyKey !== undefined }
  }
}
