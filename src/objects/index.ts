import type { AnyMockObject } from '../engine/object.js'
import type { AppSettings } from '../engine/settings.js'
import type { FixtureUser } from './users/fixture.js'
import { users } from './users/index.js'
import { acls } from './acls/index.js'
import type { FixtureAcl } from './acls/fixture.js'
import { keyValues } from './key-values/index.js'
import type { FixtureKeyValue } from './key-values/fixture.js'
import { customObjects } from './custom-objects/index.js'
import type { FixtureObjectEntry } from './custom-objects/fixture.js'

/**
 * Every ArrowDB object mock-cloud serves, in the order fixtures are loaded (Users first: other
 * objects name their owners by username). Adding an object is its folder and one line here
 * (docs/architecture.md).
 */
export const OBJECTS: readonly AnyMockObject[] = [users, acls, keyValues, customObjects]

/** One baseline of a fixture file, with each object's entries (docs/fixtures.md). */
export interface FixtureData {
  /** Users, passwords in plain text (docs/fixtures.md "Users"). */
  users?: FixtureUser[]
  /** ACLs, owners, readers and writers by username (docs/acls.md "Fixtures"). */
  acls?: FixtureAcl[]
  /** Key-values, owners by username (docs/fixtures.md "Key-values"). */
  keyvalues?: FixtureKeyValue[]
  /** Custom objects by class name, owners by username (docs/custom-objects.md "Fixtures"). */
  objects?: Record<string, FixtureObjectEntry[]>
  /** App settings of this baseline (docs/app-settings.md). */
  settings?: Partial<AppSettings>
}

/**
 * A fixture: the baseline of every app key that `apps` does not name, and baselines of their
 * own for the keys it names (docs/fixtures.md).
 *
 * @example
 * const fixture: Fixture = { users: [{ username: 'admin', password: 'admin-pass', admin: true }] }
 */
export interface Fixture extends FixtureData {
  apps?: Record<string, FixtureData>
}

export type { FixtureUser }
