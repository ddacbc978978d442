import type { Runtime } from '../runtime.js'
import type { StoredRecord } from '../store/stored-record.js'
import type { ServerConfig } from './server-config.js'

/**
 * An object's part of a fixture file (docs/fixtures.md): the key its entries sit under, at the
 * top level and in `apps.KEY`, how they are checked, and how they become stored records.
 *
 * @typeParam E - the entries as a fixture writes them; {@link parse} returns them checked and
 *   normalised, in the same shape. The public `Fixture` type holds `{ [K]?: E }` for every part.
 * @typeParam K - the fixture file's key, as a literal type.
 */
export interface FixturePart<E = unknown, K extends string = string> {
  /** The fixture file's key: `users`, `objects`, `acls`, `keyvalues`. */
  readonly key: K
  /**
   * Checks and normalises the value under {@link key}.
   *
   * @param list - where the value is, for messages: `acls` or `apps.KEY.acls`.
   * @throws FixtureError naming `source`, the entry and the field, e.g. `f.json: acls[2].name: must be a non-empty string`.
   */
  parse(value: unknown, source: string, list: string): E
  /**
   * The stored records the entries make, by collection name. Parts are made in the registry's
   * order, Users first, so `context.userId` finds the users of the same baseline.
   *
   * @throws FixtureError for a reference that names nothing (an owner's unknown username).
   */
  records(entries: E, context: FixtureContext): Promise<Readonly<Record<string, readonly StoredRecord[]>>>
  /**
   * Refuses seeded records that clash with stored ones of the same collection on a unique key
   * besides the id (which is checked for every collection).
   *
   * @throws FixtureError naming the entry and the field of the first clash.
   */
  checkClashes?(records: readonly StoredRecord[], stored: readonly StoredRecord[], source: string): void
}

/** What a fixture part may use to make records. */
export interface FixtureContext {
  readonly runtime: Runtime
  readonly server: ServerConfig
  readonly source: string
  /**
   * The folder a relative path in an entry starts from (a file's bytes, docs/fixtures.md "Files"):
   * the fixture file's folder, or the current directory for a fixture given in code or a seed.
   */
  readonly folder: string
  /** Where the entries are: `acls` or `apps.KEY.acls`. */
  readonly list: string
  /**
   * The id of the user named `username` in the same baseline (the users of `apps.KEY` for a key's
   * baseline, else the top-level users).
   *
   * @throws FixtureError `<list>[entry].<field>: no user "<username>" in this fixture`.
   */
  userId(username: string, entry: number, field: string): string
  /**
   * The records of `collection` made so far for the same baseline by the parts before this one
   * (the registry's order), e.g. the `acls` a custom object's entry names.
   */
  records(collection: string): readonly StoredRecord[]
}

/**
 * The fixture entries of a list of object descriptors, as a type: `{ [K]?: E }` for each
 * descriptor whose `fixture` is a `FixturePart<E, K>` (docs/fixtures.md). The descriptors must
 * keep their fixture part's type (declared with `satisfies MockObject<S>`, not annotated).
 *
 * @example
 * type Data = FixtureEntries<readonly [typeof users, typeof acls]> // { users?: FixtureUser[]; acls?: FixtureAcl[] }
 */
export type FixtureEntries<Objects extends readonly unknown[]> = {
  [P in PartOf<Objects[number]> as P['key']]?: P extends FixturePart<infer E, string> ? E : never
}

/** The fixture part of a descriptor type, or never. */
type PartOf<O> = O extends { readonly fixture: infer P extends FixturePart<unknown, string> } ? P : never
