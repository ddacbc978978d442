import { readFile } from 'node:fs/promises'
import type { FixturePart } from './engine/fixture-part.js'
import type { AppSettings } from './engine/settings.js'
import { FORBIDDEN_KEYS, isPlainObject, jsonProblem } from './json.js'
import { parseSettings } from './engine/settings-input.js'

/**
 * Fixture files: the baseline of every data set (docs/fixtures.md). A fixture is loaded at start
 * and restored by `reset()`; this module reads the file and the parts common to every object
 * (`apps`, `settings`), and hands each object's key to that object's {@link FixturePart}.
 *
 * ```json
 * { "users": [ { "username": "alice", "password": "alice-pass" } ],
 *   "acls": [ { "name": "friends", "owner": "alice" } ],
 *   "settings": { "legacyPaging": false },
 *   "apps": { "OTHER": { "users": [ ... ], "settings": { "emailVerification": true } } } }
 * ```
 *
 * Every mistake is a {@link FixtureError} naming the file, the entry and the field, so a typo
 * fails the start instead of silently producing different data.
 */

/** The entries of one baseline, by object key (`users`, `acls`, ...), with its app settings. */
export interface FixtureBaseline {
  readonly [part: string]: unknown
  /** App settings of this baseline (docs/app-settings.md). */
  readonly settings?: Partial<AppSettings>
}

/**
 * A parsed fixture: the baseline of every app key that `apps` does not name, and per app key
 * baselines of their own.
 *
 * @example
 * const fixture: FixtureTree = { users: [{ username: 'admin', password: 'admin-pass', admin: true }] }
 */
export interface FixtureTree extends FixtureBaseline {
  readonly apps?: Readonly<Record<string, FixtureBaseline>>
}

/**
 * A fixture file that cannot be used. The message reads
 * `FILE: users[INDEX].FIELD: what is wrong`, e.g.
 * `fixtures/users.json: users[2].email: "bob@" is not a valid email address`.
 *
 * @example
 * try { await loadFixtureFile('fixtures/users.json') }
 * catch (err) { if (err instanceof FixtureError) console.error(err.message) }
 */
export class FixtureError extends Error {
  /** The file (or the `source` given to {@link parseFixture}). */
  readonly file: string
  /** Index in {@link list}, or undefined when the problem is not in one entry. */
  readonly entry: number | undefined
  /** The list the entry is in: `users`, `apps.KEY.users`, `objects.cars`, ... */
  readonly list: string
  /** The field, `custom_fields.NAME` inside custom fields, or undefined. */
  readonly field: string | undefined
  /** What is wrong, without the place: `no user "zed" in this fixture`. */
  readonly problem: string

  constructor(file: string, entry: number | undefined, field: string | undefined, problem: string, list = 'users') {
    const where = entry === undefined ? (field ?? '') : `${list}[${entry}]${field === undefined ? '' : `.${field}`}`
    super(`${file}: ${where === '' ? '' : `${where}: `}${problem}`)
    this.name = 'FixtureError'
    this.file = file
    this.entry = entry
    this.list = list
    this.field = field
    this.problem = problem
  }
}

/**
 * Checks and normalises the content of a fixture file (docs/fixtures.md): the top level holds
 * the objects' keys (each checked by its {@link FixturePart}), `settings`, and `apps` giving app
 * keys baselines of their own (`{ "KEY": { "users": [...], "settings": {...} } }`); no other keys;
 * the keys `__proto__`, `constructor` and `prototype` are refused anywhere.
 *
 * @param json - the parsed JSON.
 * @param source - names the file in error messages.
 * @param parts - the registry's fixture parts.
 * @throws {FixtureError} on the first problem found.
 */
export function parseFixtureWith(parts: readonly FixturePart[], json: unknown, source: string): FixtureTree {
  const fail = (field: string | undefined, problem: string): never => {
    throw new FixtureError(source, undefined, field, problem)
  }
  const keys = parts.map((part) => part.key)
  const allowed = [...keys, 'settings', 'apps'].map((key) => JSON.stringify(key)).join(', ')
  if (!isPlainObject(json)) fail(undefined, `the file must hold a JSON object such as { "users": [...] }; its keys may be ${allowed}`)
  const top = json as Record<string, unknown>
  for (const key of Object.keys(top)) {
    if (![...keys, 'settings', 'apps'].includes(key)) fail(undefined, `unknown key ${JSON.stringify(key)} at the top level; the allowed keys are ${allowed}`)
  }
  const fixture: Record<string, unknown> = parseBaseline(parts, top, source, '')
  if (top.apps === undefined) return fixture
  if (!isPlainObject(top.apps)) fail('apps', '"apps" must be an object { "APP KEY": { "users": [...] } }')
  const apps: Record<string, FixtureBaseline> = {}
  for (const [key, app] of Object.entries(top.apps as Record<string, unknown>)) {
    if (key.trim() === '' || FORBIDDEN_KEYS.has(key)) fail('apps', `${JSON.stringify(key)} cannot be an app key`)
    const where = `apps.${key}`
    if (!isPlainObject(app)) fail(where, `must be an object such as { "users": [...] }`)
    const extra = Object.keys(app as object).find((name) => ![...keys, 'settings'].includes(name))
    if (extra !== undefined) fail(where, `unknown key ${JSON.stringify(extra)}; the allowed keys are ${[...keys, 'settings'].join(', ')}`)
    apps[key] = parseBaseline(parts, app as Record<string, unknown>, source, `${where}.`)
  }
  fixture.apps = apps
  return fixture
}

/** The parts and settings of one baseline (the top level, or `apps.KEY` with `prefix` `apps.KEY.`). */
function parseBaseline(parts: readonly FixturePart[], raw: Record<string, unknown>, source: string, prefix: string): Record<string, unknown> {
  const baseline: Record<string, unknown> = {}
  for (const part of parts) {
    if (raw[part.key] !== undefined) baseline[part.key] = part.parse(raw[part.key], source, `${prefix}${part.key}`)
  }
  if (raw.settings !== undefined) {
    const settings = parseSettings(raw.settings)
    if (typeof settings === 'string') throw new FixtureError(source, undefined, `${prefix}settings`, settings)
    baseline.settings = settings
  }
  return baseline
}

/**
 * Reads a fixture file and parses it with {@link parseFixtureWith}.
 *
 * @param path - the file, relative to the current directory or absolute; it also names the
 *   file in error messages.
 * @throws {FixtureError} when the file is missing or unreadable, is not valid JSON (the message
 *   gives line and column), or breaks a rule of {@link parseFixtureWith}.
 * @example
 * const fixture = await loadFixtureFile('fixtures/users.json')
 */
export async function loadFixtureFileWith(parts: readonly FixturePart[], path: string): Promise<FixtureTree> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'ENOENT'
      ? `file not found (a relative path starts from the current directory, ${process.cwd()})`
      : code === 'EISDIR' ? 'is a directory, not a file'
      : code === 'EACCES' ? 'permission denied'
      : `cannot read the file (${(err as Error).message})`
    throw new FixtureError(path, undefined, undefined, why)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new FixtureError(path, undefined, undefined, jsonProblem(text, (err as Error).message))
  }
  return parseFixtureWith(parts, json, path)
}

