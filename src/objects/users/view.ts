import { toWireDate } from '../../dates.js'
import type { Principal } from '../../engine/object.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import type { UserRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/** A user as the client sees it in `response.users` (docs/users.md "Replies"). */
export type WireUser = Record<string, unknown>

/** The `acls` part of a user's reply, from the ACLs' access mechanism (docs/users.md "ACLs"): `{ acls: [acl] }` or `{}`. */
export type WireUserAcls = { acls?: Record<string, unknown>[] }

/**
 * Renders a stored user for the wire, in the key order of the real service's
 * replies (docs/api.md "Envelope", docs/users.md "Replies"): unset names, username, role and tags omitted;
 * `external_accounts`, `custom_fields` and `stats` always present; `photo_id`
 * when the user has a primary photo; `admin` as
 * the string "true"/"false"; dates in the wire format; `acls` last, when given; never the
 * password hash or `acl_id` (docs/users.md "Replies").
 *
 * @param showEmail - false hides `email` (docs/users.md "Replies").
 * @param acls - the ACL attached, as Users' own replies show it (docs/users.md "ACLs"); embedded
 *   users (owners in other objects' replies) are rendered without it.
 */
export function toWireUser(user: UserRecord, showEmail: boolean, acls: WireUserAcls = {}): WireUser {
  const wire: WireUser = { id: user.id }
  if (user.first_name !== undefined) wire.first_name = user.first_name
  if (user.last_name !== undefined) wire.last_name = user.last_name
  const dates = wireDatesOf(user)
  wire.created_at = dates.created_at
  wire.updated_at = dates.updated_at
  wire.external_accounts = user.external_accounts.map((account) => ({ ...account }))
  if (dates.confirmed_at !== undefined) wire.confirmed_at = dates.confirmed_at
  if (user.username !== undefined) wire.username = user.username
  if (showEmail && user.email !== undefined) wire.email = user.email
  if (user.role !== undefined) wire.role = user.role
  wire.admin = user.admin ? 'true' : 'false'
  if (user.tags !== undefined) wire.tags = [...user.tags]
  wire.custom_fields = wireCustomFields(user.custom_fields)
  // The pipeline embeds the photo itself as `photo` in Users' own replies (docs/users.md "Photos").
  if (user.photo !== undefined) wire.photo_id = user.photo.id
  // An uploaded primary photo is a Photos object the user owns (docs/users.md "Replies").
  const uploaded = user.photo?.uploaded_bytes
  wire.stats = { photos: { total_count: uploaded === undefined ? 0 : 1 }, storage: { used: uploaded ?? 0 } }
  if (acls.acls !== undefined) wire.acls = acls.acls
  return wire
}

interface WireDates {
  created_at: string
  updated_at: string
  confirmed_at: string | undefined
}

/**
 * The wire form of each stored record's dates, made on its first rendering: a date's conversion
 * was a seventh of a `users/query`. Records are values, never changed (a write replaces
 * one), so the cache cannot go stale.
 */
const wireDatesOf = perRecord(
  (user: UserRecord): WireDates => ({
    created_at: toWireDate(user.created_at),
    updated_at: toWireDate(user.updated_at),
    confirmed_at: user.confirmed_at === undefined ? undefined : toWireDate(user.confirmed_at),
  }),
)

/**
 * A user as `viewer` (the caller's user, undefined without a session) sees them: the email only
 * when {@link canSeeEmail}. Every reply that shows a user someone else asked about, Users' lists
 * and other objects' embedded owners alike, renders them through it.
 */
export function wireUserFor(viewer: Principal | undefined, user: UserRecord, acls: WireUserAcls = {}): WireUser {
  return toWireUser(user, canSeeEmail(viewer, user), acls)
}

/** Who may see a user's email: the user themself and admins (docs/users.md "Replies"). */
function canSeeEmail(viewer: Principal | undefined, user: UserRecord): boolean {
  return viewer !== undefined && (viewer.admin || viewer.id === user.id)
}
