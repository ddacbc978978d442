import type { QueryDoc } from '../../engine/query-run.js'
import { toWireDate } from '../../dates.js'
import type { AclRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/** An ACL as clients see it in `response.acls` (docs/acls.md "Replies"). */
export type WireAcl = Record<string, unknown>

/** The list as replies show it: the ids given, then the owner. */
const withOwner = (ids: readonly string[], owner: string): string[] => [...ids, owner]

/**
 * Renders a stored ACL: `public_read`/`public_write` as JSON booleans; `readers` and `writers`
 * (given ids, then the owner) omitted while the matching flag is on; `user_id` and the embedded
 * owner `user` (undefined when the owner is no longer stored: then `user` is left out).
 */
export function toWireAcl(acl: AclRecord, user: Record<string, unknown> | undefined): WireAcl {
  const wire: WireAcl = { id: acl.id, name: acl.name, public_read: acl.public_read, public_write: acl.public_write }
  if (!acl.public_read) wire.readers = withOwner(acl.readers, acl.user_id)
  if (!acl.public_write) wire.writers = withOwner(acl.writers, acl.user_id)
  wire.user_id = acl.user_id
  wire.created_at = toWireDate(acl.created_at)
  wire.updated_at = toWireDate(acl.updated_at)
  if (user !== undefined) wire.user = user
  return wire
}

/**
 * The document a `where` or `order` of acls/query sees (docs/acls.md "Endpoints"): every reply field,
 * dates as `Date`s, `id` also as `_id`, the lists with the owner. Cached per stored record.
 */
export const aclQueryDoc = perRecord((acl: AclRecord): QueryDoc => {
  return {
    id: acl.id,
    _id: acl.id,
    name: acl.name,
    public_read: acl.public_read,
    public_write: acl.public_write,
    readers: withOwner(acl.readers, acl.user_id),
    writers: withOwner(acl.writers, acl.user_id),
    user_id: acl.user_id,
    created_at: new Date(acl.created_at),
    updated_at: new Date(acl.updated_at),
  }
})
