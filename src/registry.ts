import type { Baseline, Baselines } from './data-sets.js'
import type { FixtureContext, FixturePart } from './engine/fixture-part.js'
import type { AnyMockObject } from './engine/object.js'
import type { ServerConfig } from './engine/server-config.js'
import { FixtureError, loadFixtureFileWith, parseFixtureWith, type FixtureTree, type FixtureBaseline } from './fixtures.js'
import type { MockCloudOptions } from './options.js'
import type { Runtimes } from './runtime.js'
import type { RecordChecks } from './store/db.js'
import type { StoredRecord } from './store/stored-record.js'

/**
 * What the registry of objects gives the generic parts (docs/architecture.md): the fixture parts,
 * the record checks of the data file, the baselines made from a fixture. Nothing here names an object.
 */

/** The fixture parts of the registry's objects, in its order. */
export function fixtureParts(objects: readonly AnyMockObject[]): FixturePart[] {
  return objects.flatMap((object) => (object.fixture ? [object.fixture] : []))
}

/** The record checks of a data file or an import: each collection by the object that owns it. */
export function recordChecks(objects: readonly AnyMockObject[]): RecordChecks {
  return {
    problem(collection, record) {
      const owner = objects.find((object) => object.collections.owns(collection))
      if (owner === undefined) return `(collection) is not a collection of any object mock-cloud serves`
      return owner.collections.recordProblem(record, collection)
    },
  }
}

/** The fixture of the `fixtures` option: a file to read, a fixture given in code, or none. */
export async function readFixture(objects: readonly AnyMockObject[], fixtures: MockCloudOptions['fixtures']): Promise<FixtureTree> {
  if (fixtures === undefined) return {}
  if (typeof fixtures === 'string') return loadFixtureFileWith(fixtureParts(objects), fixtures)
  return parseFixtureWith(fixtureParts(objects), fixtures, 'fixtures option')
}

/**
 * The stored records a parsed fixture makes: the baseline of every key and those of the keys
 * `apps` names, each part made in the registry's order (Users first, so owners named by username
 * are found).
 *
 * @param source - names the fixture in error messages (its file, or `seed`).
 * @param folder - where relative paths in entries start: the fixture file's folder, else the current directory.
 * @param seeding - for a seed: the app key it goes to (undefined: every key), whose runtime makes
 *   the ids, and the users already stored where each baseline's records go (by app key, undefined
 *   for the records of every key), so a seeded entry may name a user the data set already has.
 * @throws FixtureError for a reference that names nothing.
 */
export async function baselinesOf(
  objects: readonly AnyMockObject[],
  fixture: FixtureTree,
  runtimes: Runtimes,
  server: ServerConfig,
  source: string,
  folder: string,
  seeding?: { key?: string | undefined; storedUsers(appKey: string | undefined): readonly StoredRecord[] },
): Promise<Baselines> {
  const parts = fixtureParts(objects)
  const made = (baseline: FixtureBaseline, prefix: string, appKey: string | undefined, fallback: Baseline | undefined) =>
    baselineOf(parts, baseline, { prefix, source, folder, runtime: runtimes.of(appKey), server, fallback, stored: seeding?.storedUsers(appKey) ?? [] })
  const all = await made(fixture, '', seeding?.key, undefined)
  const apps = new Map<string, Baseline>()
  for (const [appKey, app] of Object.entries(fixture.apps ?? {})) apps.set(appKey, await made(app, `apps.${appKey}.`, appKey, all))
  return { all, apps }
}

/** Where one baseline of a fixture is made, and the users its entries may name. */
interface BaselinePlace {
  prefix: string
  source: string
  folder: string
  runtime: FixtureContext['runtime']
  server: ServerConfig
  /** The top-level baseline, whose users an `apps.KEY` baseline without users of its own names. */
  fallback: Baseline | undefined
  /** Users already stored where the records go (a seed); looked up after the fixture's own. */
  stored: readonly StoredRecord[]
}

/** The ids of stored users by username (stored lowercase); the first user of a name wins. */
function idsByUsername(users: readonly StoredRecord[]): Map<string, string> {
  const ids = new Map<string, string>()
  for (const user of users as readonly (StoredRecord & { username?: string })[]) {
    if (user.username !== undefined && !ids.has(user.username)) ids.set(user.username, user.id)
  }
  return ids
}

async function baselineOf(parts: readonly FixturePart[], fixture: FixtureBaseline, place: BaselinePlace): Promise<Baseline> {
  const { prefix, source, folder, runtime, server, fallback, stored } = place
  const collections: Record<string, readonly StoredRecord[]> = Object.create(null) as Record<string, readonly StoredRecord[]>
  // Ids by username of the users list in use, made once per list: a search per entry made
  // 10,000 objects of 10,000 users cost seconds to load.
  let usernames: { list: readonly StoredRecord[]; ids: Map<string, string> } | undefined
  const userIdOf = (username: string): string | undefined => {
    const users = collections.users ?? fallback?.collections.users ?? []
    if (usernames?.list !== users) usernames = { list: users, ids: idsByUsername(users) }
    return usernames.ids.get(username.toLowerCase())
  }
  // The users a seed joins, by username, made on the first entry that needs them.
  let storedIds: Map<string, string> | undefined
  const storedIdOf = (username: string): string | undefined => (storedIds ??= idsByUsername(stored)).get(username.toLowerCase())
  for (const part of parts) {
    const entries = fixture[part.key]
    if (entries === undefined) continue
    const list = `${prefix}${part.key}`
    const context: FixtureContext = {
      runtime,
      server,
      source,
      folder,
      list,
      records: (collection) => collections[collection] ?? fallback?.collections[collection] ?? [],
      userId(username, entry, field) {
        const id = userIdOf(username) ?? storedIdOf(username)
        if (id === undefined) {
          const where = stored.length > 0 ? 'in this fixture or the data set' : 'in this fixture'
          throw new FixtureError(source, entry, field, `no user ${JSON.stringify(username)} ${where}`, list)
        }
        return id
      },
    }
    Object.assign(collections, await part.records(entries, context))
  }
  return { collections, settings: fixture.settings ?? {} }
}

/**
 * Refuses seeded records that clash with the stored records they would join: the same id in a
 * collection, or another unique key the owning object's fixture part checks.
 *
 * @throws FixtureError naming the entry and field of the first clash.
 */
export function checkSeedClashes(
  objects: readonly AnyMockObject[],
  pairs: readonly [Readonly<Record<string, readonly StoredRecord[]>>, Readonly<Record<string, readonly StoredRecord[]>>][],
  source: string,
): void {
  for (const [added, stored] of pairs) {
    for (const [name, records] of Object.entries(added)) {
      const into = stored[name] ?? []
      const part = objects.find((object) => object.collections.owns(name))?.fixture
      if (part?.checkClashes) {
        part.checkClashes(records, into, source)
        continue
      }
      const ids = new Set(into.map((record) => record.id))
      const index = records.findIndex((record) => ids.has(record.id))
      if (index >= 0) throw new FixtureError(source, index, 'id', `"${records[index]!.id}" is already taken by a stored record`, name)
    }
  }
}
