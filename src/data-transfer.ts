import type { DataSets } from './data-sets.js'
import { ApiError } from './errors.js'
import { isPlainObject } from './json.js'
import { appDataProblem, DATA_FORMAT, storeDataProblem, type AppData, type RecordChecks, type StoreData } from './store/db.js'

/**
 * Export and import of data sets as JSON files (docs/toolkit.md "Snapshots", `GET`/`PUT /__mock/data`).
 *
 * The format is the data file's (`--data`), so an export reads back exactly:
 * one data set is `{ "users": [...], "sessions": {...}, "tokens": {...}, "outbox": [...] }` as one entry of the
 * data file's `apps` (users as stored: lowercased names, ISO dates, the salted
 * `password_hash`, never a plain password); every data set is the whole data file
 * `{ "apps": { "KEY": {...} } }`.
 */

/**
 * A copy of `key`'s data set (made from its baseline if not used yet), or
 * without a key of every data set in use as `{ apps }`.
 *
 * @example
 * const file = exportData(cloud.dataSets, 'TESTKEY') // { users: [...], sessions: {...} }
 */
export function exportData(dataSets: DataSets, key?: string): AppData | StoreData {
  // Deep copies of the live data, made once: stored records are shared values that the caller
  // must not be able to change (a capture first would copy the users' index and sessions for nothing).
  if (key !== undefined) return structuredClone(dataSets.data(key))
  return structuredClone({ format: DATA_FORMAT, apps: Object.fromEntries(dataSets.keys().map((appKey) => [appKey, dataSets.data(appKey)])) })
}

/**
 * Replaces `key`'s data set with `data` (one data set), or without a key every
 * data set with `data`'s `apps` (those it does not name start from their
 * baselines on next use). Sessions in `data` stay valid.
 *
 * @throws ApiError 400 naming the first problem (`users[2].id is missing or
 *   malformed`); nothing changes then.
 */
export async function importData(dataSets: DataSets, checks: RecordChecks, data: unknown, key?: string): Promise<void> {
  const problem = key !== undefined ? inDataSet(appDataProblem(data, checks)) : allProblem(data, checks)
  if (problem !== undefined) {
    const what = key !== undefined ? `a data set ({"collections": {"users": [...]}, "sessions": {...}})` : 'data sets ({"apps": {"KEY": {...}}})'
    throw new ApiError(400, `Invalid data: ${problem}; expected ${what} as GET /__mock/data${key !== undefined ? '?key=K' : ''} gives it`)
  }
  // A deep copy: the caller keeps `data` and may change it afterwards.
  await dataSets.replace(structuredClone(data) as AppData | StoreData, key)
}

/** What makes `data` no set of every data set; one data set sent without a key gets its own advice. */
function allProblem(data: unknown, checks: RecordChecks): string | undefined {
  if (isPlainObject(data) && data.apps === undefined && data.collections !== undefined) {
    return 'it is one data set ("collections" without "apps"); send it with ?key=K'
  }
  return storeDataProblem(data, checks)
}

/** `appDataProblem`'s path suffix as a sentence: `users[0].id is ...`, `the data set must be ...`. */
function inDataSet(problem: string | undefined): string | undefined {
  if (problem === undefined) return undefined
  return problem.startsWith('.') ? problem.slice(1) : `the data set${problem}`
}
