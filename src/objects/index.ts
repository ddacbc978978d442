import type { FixtureEntries } from '../engine/fixture-part.js'
import type { AnyMockObject } from '../engine/object.js'
import type { AppSettings } from '../engine/settings.js'
import { users } from './users/index.js'
import { acls } from './acls/index.js'
import { keyValues } from './key-values/index.js'
import { customObjects } from './custom-objects/index.js'
import { emails } from './emails/index.js'
import { geolocation } from './geolocation/index.js'
import { geoFences } from './geo-fences/index.js'
import { logs } from './logs/index.js'
import { files } from './files/index.js'
import { photos } from './photos/index.js'
import { photoCollections } from './photo-collections/index.js'
import { pushNotifications } from './push-notifications/index.js'
import { pushSchedules } from './push-schedules/index.js'
import { places } from './places/index.js'
import { friends } from './friends/index.js'
import { posts } from './posts/index.js'
import { reviews } from './reviews/index.js'
import { events } from './events/index.js'
import { chats } from './chats/index.js'
import { likes } from './likes/index.js'
import { messages } from './messages/index.js'
import { checkins } from './checkins/index.js'
import { statuses } from './statuses/index.js'
import { socialIntegrations } from './social-integrations/index.js'

/**
 * Every ArrowDB object mock-cloud serves, in the order fixtures are loaded (Users first: other
 * objects name their owners by username). Adding an object is its folder, its import and its
 * entry here (docs/architecture.md "Adding an object"); the `Fixture` type follows.
 */
const REGISTERED = [users, acls, keyValues, customObjects, emails, geolocation, geoFences, logs, files, photos, photoCollections, pushNotifications, pushSchedules, places, events, checkins, friends, posts, reviews, chats, likes, messages, statuses, socialIntegrations] as const

/** The registered descriptors, as the generic code sees them. */
export const OBJECTS: readonly AnyMockObject[] = REGISTERED

/**
 * One baseline of a fixture file (docs/fixtures.md): each registered object's entries under its
 * fixture key (`users`, `acls`, `keyvalues`, `objects`, ..., documented in the object's docs page
 * under "Fixtures"), and the app settings of this baseline (docs/app-settings.md).
 */
export interface FixtureData extends FixtureEntries<typeof REGISTERED> {
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

export type { FixtureUser } from './users/fixture.js'
