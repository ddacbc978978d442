import { readFile, realpath } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Low, Memory } from 'lowdb'
import { isObjectId } from '../ids.js'
import { FORBIDDEN_KEYS, isPlainObject, jsonProblem } from '../json.js'
import type { MailRecord } from '../outbox.js'
import { isPushRecord, type PushRecord } from '../push-outbox.js'
import type { AppSettings } from '../engine/settings.js'
import type { StoredRecord } from './stored-record.js'
import { JsonFile } from './json-file.js'
import { LockError, lockDataFile } from './lock.js'

/**
 * A live session: who it belongs to and when it started (ISO 8601, UTC).
 * Keyed by the opaque session id in {@link AppData.sessions} (docs/api.md "Sessions").
 */
export interface SessionRecord {
  user_id: string
  created_at: string
}

/** What an emailed one-use token is for: confirming an email or resetting a password (docs/users.md "Account flows"). */
export type TokenPurpose = 'confirmation' | 'reset_password'

/**
 * An emailed one-use token of the account flows, keyed by the token in {@link AppData.tokens} so a
 * `--data` file keeps pending flows across restarts. Dates are ISO 8601 strings in UTC.
 */
export interface TokenRecord {
  purpose: TokenPurpose
  user_id: string
  created_at: string
  expires_at: string
}

/**
 * The stored collections of one data set by name (`users`, `acls`, `objects:cars`), each in
 * insertion order; written only through `Collection`. Null-prototype: any collection name
 * (a custom class called `constructor`) is a plain name.
 */
export type Collections = Record<string, StoredRecord[]>

/** Everything mock-cloud keeps for one app key's data set (docs/toolkit.md "Isolation by app key"). */
export interface AppData {
  collections: Collections
  sessions: Record<string, SessionRecord>
  /** Emailed one-use tokens of the account flows, by token. */
  tokens: Record<string, TokenRecord>
  /** Mails the real service would have sent, oldest first (`outbox.ts`). */
  outbox: MailRecord[]
  /** Pushes the real service would have delivered, oldest first (`push-outbox.ts`). */
  pushes: PushRecord[]
  /** App settings changed at run time for this key (docs/app-settings.md); a reset drops them. */
  settings?: Partial<AppSettings>
}

/** The data file's format, written at its top level; a file without it is a 0.2 file, migrated when read. */
export const DATA_FORMAT = 3

/**
 * Everything mock-cloud keeps: the data set of each app key used so far. This is also the
 * layout of a `--data` JSON file: `{ "format": 3, "apps": { "KEY": { "collections": { "users": [...] }, "sessions": {...}, "tokens": {...}, "outbox": [...], "pushes": [...] } } }`.
 */
export interface StoreData {
  format?: number
  apps: Record<string, AppData>
}

/** Checks stored records of the collections an object owns (the registry, passed in: the store names no object). */
export interface RecordChecks {
  /** What makes `record` of the collection named `collection` unusable (`field is missing or malformed`), or undefined; a collection no object owns is a problem too. */
  problem(collection: string, record: unknown): string | undefined
}

/** What to do about a data file mock-cloud cannot use; it may be a file of the user's, never to be deleted on our word. */
const ADVICE = 'give --data (option data) the path of a new or empty file (mock-cloud fills it) or of one mock-cloud wrote'

/** The store: lowdb over memory, or over a JSON file with `--data`. */
export type Store = Low<StoreData>

/**
 * Thrown when the `--data` file cannot be used: unreadable, not JSON, or not
 * of the {@link StoreData} shape. The message names the file and the position.
 */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`)
    this.name = 'DataFileError'
  }
}

/**
 * Opens the store. With `file`, our JSON file adapter ({@link JsonFile}): the file is read
 * once here and never again (per-request reads drop concurrent writes); each write is atomic
 * (temp file + rename) and keeps the file's permission bits. A missing file starts
 * (or an empty one: `touch data.json` is a natural first step) from `initial` and is written at once, readable by its owner alone (0600;
 * docs/reliability.md). Without `file`, lowdb's Memory adapter.
 * The file is locked first (`FILE.lock`, see `lock.ts`) until {@link closeStore}, so a
 * second server on the same file refuses to start instead of overwriting the first's writes.
 *
 * The store starts with no data set; each app key's is made on first use.
 *
 * @throws DataFileError when another live process holds the file's lock, when the file
 *   exists but is not a valid data file (a syntax error named by line and column), or when
 *   it cannot be created. The file is never changed then.
 */
export async function openStore(checks: RecordChecks, file?: string): Promise<Store> {
  // Null-prototype: any app key is a plain name, "constructor" and "__proto__" included.
  const initial: StoreData = { format: DATA_FORMAT, apps: Object.create(null) as StoreData['apps'] }
  if (!file) return new Low<StoreData>(new Memory<StoreData>(), initial)
  // Through symlinks, so that two names of one file share one lock and writes keep the link.
  const real = await realPathOf(file)
  let release: () => Promise<void>
  try {
    release = await lockDataFile(real)
  } catch (error) {
    if (error instanceof LockError) throw new DataFileError(file, error.message)
    throw error
  }
  try {
    const db = await readStore(file, real, initial, checks)
    releases.set(db, release)
    return db
  } catch (error) {
    await release()
    throw error
  }
}

/**
 * Waits for the last write to reach the file and gives up the data file's lock (another
 * server may then open it). Safe to call more than once; a memory store has nothing to release.
 */
export async function closeStore(store: Store): Promise<void> {
  await store.write()
  await releases.get(store)?.()
}

/** The release of each file store's lock, by store. */
const releases = new WeakMap<Store, () => Promise<void>>()

/**
 * The file a data-file path names, symlinks resolved; a file not yet created
 * resolves through its folder. Unresolvable paths are kept as given, for the
 * open to report.
 */
async function realPathOf(file: string): Promise<string> {
  try {
    return await realpath(file)
  } catch {
    return realpath(dirname(file)).then(
      (folder) => join(folder, basename(file)),
      () => file,
    )
  }
}

/**
 * Reads (or creates) a data file under its lock; see {@link openStore}.
 *
 * @param file - the path as given, for messages.
 * @param real - the same file with symlinks resolved, for reading and writing.
 */
async function readStore(file: string, real: string, initial: StoreData, checks: RecordChecks): Promise<Store> {
  const adapter = new JsonFile<StoreData>(real)
  const db = new Low<StoreData>(adapter, initial)
  try {
    await db.read()
  } catch (error) {
    // The position of a syntax error as a line and column, which an editor can jump to.
    if (error instanceof SyntaxError) {
      throw new DataFileError(file, `${jsonProblem(await readFile(real, 'utf8'), error.message)}; ${ADVICE}`)
    }
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (error as Error).message
    throw new DataFileError(file, `not a readable JSON data file (${reason}); ${ADVICE}`)
  }
  // lowdb keeps `initial` when the file holds `null` or another falsy value; that file is not ours to overwrite.
  if (adapter.found && db.data === initial) throw new DataFileError(file, `not a mock-cloud data file: it holds no object; ${ADVICE}`)
  if (db.data === initial) {
    try {
      await db.write()
    } catch (error) {
      throw new DataFileError(file, `cannot be created (${(error as Error).message}); check that its folder exists and is writable`)
    }
    return db
  }
  const migrated = migrated02(db.data)
  const problem = storeDataProblem(db.data, checks)
  if (problem !== undefined) throw new DataFileError(file, `not a mock-cloud data file: ${problem}; ${ADVICE}`)
  db.data.apps = Object.assign(Object.create(null) as StoreData['apps'], db.data.apps)
  for (const app of Object.values(db.data.apps)) {
    app.collections = Object.assign(Object.create(null) as Collections, app.collections)
    // Files written before the account flows have no tokens or outbox yet, nor before pushes a push outbox.
    app.tokens ??= {}
    app.outbox ??= []
    app.pushes ??= []
  }
  // A migrated file is written back in the new format at once, so an older mock-cloud refuses it instead of losing data.
  if (migrated) await db.write()
  return db
}

/**
 * Moves a data file written by mock-cloud 0.2 (each data set's `users` at its top) to the
 * current format (`collections.users`), in place. Returns whether it changed anything.
 */
function migrated02(data: unknown): boolean {
  if (!isPlainObject(data) || !isPlainObject(data.apps) || data.format !== undefined) return false
  for (const app of Object.values(data.apps)) {
    if (isPlainObject(app) && app.collections === undefined && Array.isArray(app.users)) {
      app.collections = { users: app.users }
      delete app.users
    }
  }
  data.format = DATA_FORMAT
  return true
}

/**
 * What makes a parsed data file unusable, or undefined when it is a {@link StoreData}: checked
 * once at start so that no request later meets a half-formed record (a 500 on every call), and on
 * an import of every data set (`PUT /__mock/data`).
 *
 * @example
 * storeDataProblem({ apps: { K: { collections: {}, sessions: [] } } }, checks) // 'apps["K"].sessions must be an object'
 */
export function storeDataProblem(data: unknown, checks: RecordChecks): string | undefined {
  if (!isPlainObject(data)) return 'expected {"apps": {...}}'
  // A fixture file has "users" alone, with plain-text passwords; mock-cloud 0.1 wrote "users" and "sessions".
  if (data.apps === undefined && data.users !== undefined) {
    return data.sessions === undefined
      ? 'it has "users" but no "apps" (a fixture file? pass it with --fixtures)'
      : 'it holds one data set for every app key, as mock-cloud 0.1 wrote it, not one per app key ("apps")'
  }
  if (data.format !== undefined && data.format !== DATA_FORMAT) {
    return `it is in format ${JSON.stringify(data.format)}, and this mock-cloud reads format ${DATA_FORMAT}`
  }
  if (!isPlainObject(data.apps)) return '"apps" must be an object of app keys'
  for (const [key, app] of Object.entries(data.apps)) {
    const problem = appDataProblem(app, checks)
    if (problem !== undefined) return `apps[${JSON.stringify(key)}]${problem}`
  }
  return undefined
}

/**
 * What makes one app key's data set ({@link AppData}) unusable, as a path suffix and the problem,
 * or undefined; also checks an import of one data set (`PUT /__mock/data?key=K`).
 *
 * @example
 * appDataProblem({ collections: { users: [{}] }, sessions: {} }, checks) // '.collections.users[0].id is missing or malformed'
 */
export function appDataProblem(app: unknown, checks: RecordChecks): string | undefined {
  if (!isPlainObject(app)) return ' must be {"collections": {...}, "sessions": {...}}'
  const { collections, sessions, tokens, outbox, pushes, settings } = app as Partial<AppData>
  if (!isPlainObject(collections)) return '.collections must be an object of record lists'
  for (const [name, records] of Object.entries(collections)) {
    if (!Array.isArray(records)) return `.collections[${JSON.stringify(name)}] must be an array`
    const ids = new Set<string>()
    for (const [index, record] of records.entries()) {
      const problem = checks.problem(name, record)
      if (problem !== undefined) return `.collections[${JSON.stringify(name)}][${index}].${problem}`
      const id = (record as StoredRecord).id
      if (ids.has(id)) return `.collections[${JSON.stringify(name)}][${index}].id is used twice`
      ids.add(id)
    }
  }
  if (!isPlainObject(sessions)) return '.sessions must be an object'
  for (const [id, session] of Object.entries(sessions)) {
    if (!isPlainObject(session) || typeof session.user_id !== 'string' || !isDate(session.created_at)) {
      return `.sessions[${JSON.stringify(id)}] must be {"user_id": "...", "created_at": "ISO date"}`
    }
  }
  if (tokens !== undefined) {
    if (!isPlainObject(tokens)) return '.tokens must be an object'
    const bad = Object.entries(tokens).find(([, token]) => !isTokenRecord(token))
    if (bad !== undefined) return `.tokens[${JSON.stringify(bad[0])}] is malformed`
  }
  if (outbox !== undefined) {
    if (!Array.isArray(outbox)) return '.outbox must be an array'
    const bad = outbox.findIndex((mail) => !isMailRecord(mail))
    if (bad >= 0) return `.outbox[${bad}] is malformed`
  }
  if (pushes !== undefined) {
    if (!Array.isArray(pushes)) return '.pushes must be an array'
    const bad = pushes.findIndex((push) => !isPushRecord(push))
    if (bad >= 0) return `.pushes[${bad}] is malformed`
  }
  if (settings !== undefined && !isPlainObject(settings)) return '.settings must be an object'
  return undefined
}

/**
 * A stored-record check built from the check of an object's own fields: what every stored record
 * has ({@link storedRecordProblem}) first, then the first of the object's fields that
 * `fieldProblem` names, as `FIELD is missing or malformed`.
 *
 * @example
 * export const fileRecordProblem = recordCheck((record) => (typeof record.name === 'string' ? undefined : 'name'))
 */
export function recordCheck(fieldProblem: (record: Record<string, unknown>) => string | undefined): (record: unknown) => string | undefined {
  return (record) => {
    const base = storedRecordProblem(record)
    if (base !== undefined) return base
    const field = fieldProblem(record as Record<string, unknown>)
    return field === undefined ? undefined : `${field} is missing or malformed`
  }
}

/**
 * Whether `record` has what every stored record has: a 24-hex id and ISO dates `created_at` and
 * `updated_at`; the first field that is missing or malformed, or undefined. Objects' own record
 * checks start with it.
 */
export function storedRecordProblem(record: unknown): string | undefined {
  if (!isPlainObject(record)) return '(entry) is missing or malformed'
  if (typeof record.id !== 'string' || !isObjectId(record.id)) return 'id is missing or malformed'
  const date = (['created_at', 'updated_at'] as const).find((field) => !isDate(record[field]))
  return date === undefined ? undefined : `${date} is missing or malformed`
}

function isDate(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value))
}

function isTokenRecord(token: unknown): boolean {
  return (
    isPlainObject(token) &&
    (token.purpose === 'confirmation' || token.purpose === 'reset_password') &&
    typeof token.user_id === 'string' &&
    isDate(token.created_at) &&
    isDate(token.expires_at)
  )
}

function isMailRecord(mail: unknown): boolean {
  if (!isPlainObject(mail) || !isDate(mail.created_at)) return false
  if (mail.kind === 'template') return isTemplateMail(mail)
  const text = ['to', 'user_id', 'subject', 'kind']
  const optional = ['template', 'token', 'link']
  return text.every((field) => typeof mail[field] === 'string') && optional.every((field) => mail[field] === undefined || typeof mail[field] === 'string')
}

/** A mail sent from an email template (docs/emails.md "The outbox"). */
function isTemplateMail(mail: Record<string, unknown>): boolean {
  const isText = (value: unknown) => typeof value === 'string'
  return (
    ['template', 'from', 'subject'].every((field) => isText(mail[field])) &&
    Array.isArray(mail.to) &&
    mail.to.every(isText) &&
    ['plain', 'html', 'multipart'].includes(mail.content_type as string) &&
    ['html', 'text', 'session_user_id'].every((field) => mail[field] === undefined || isText(mail[field])) &&
    isPlainObject(mail.params) &&
    Object.values(mail.params).every(isText) &&
    (mail.unfilled === undefined || (Array.isArray(mail.unfilled) && mail.unfilled.every(isText)))
  )
}
