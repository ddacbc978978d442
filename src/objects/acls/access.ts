import { ApiError, invalidObjectId } from '../../errors.js'
import { isObjectId } from '../../ids.js'
import type { Principal } from '../../engine/object.js'
import { textParam, trimmed, type Params } from '../../param-values.js'
import { aclGrants, invalidAclId, invalidAclName, type AclRecord } from './record.js'

/** What the access rules need of the ACLs service (AclsService). */
interface AclSource {
  aclById(id: string): AclRecord | undefined
  aclByName(owner: string, name: string): AclRecord | undefined
  wire(acl: AclRecord, viewer: Principal | undefined): Record<string, unknown>
}

/** A stored record that may carry an ACL (a custom object, a user): the id of the ACL attached, if any. */
export interface AclHolder {
  readonly acl_id?: string | undefined
}

/**
 * The ACL id a record keeps after a write, from what {@link AclAccess.attachAcl} answered:
 * `stored` when it answered undefined (nothing sent), none for `null` (detached), else the new id.
 */
export function keptAclId(stored: string | undefined, attached: string | null | undefined): string | undefined {
  return attached === undefined ? stored : (attached ?? undefined)
}

/**
 * The one access mechanism of every ACL-capable object (docs/acls.md "Access to objects"); get
 * it as `context.service(acls).access`. The owner of an object and app admins always read and
 * write it. With an ACL attached, others read when it is `public_read` or lists them in
 * `readers`, write when it is `public_write` or lists them in `writers`; without a session only
 * `public_read` lets one read. Without an ACL (or when the attached ACL was deleted) everyone
 * reads and only the owner and admins write.
 */
export class AclAccess {
  constructor(private readonly source: AclSource) {}

  /** The ACL attached to `record`, or undefined (none attached, or it was deleted since). */
  aclOf(record: AclHolder): AclRecord | undefined {
    return record.acl_id === undefined ? undefined : this.source.aclById(record.acl_id)
  }

  /** Whether `caller` (undefined without a session) may read (show, query, search) an object. */
  canRead(caller: Principal | undefined, ownerId: string, aclId: string | undefined): boolean {
    if (caller !== undefined && (caller.admin || caller.id === ownerId)) return true
    const acl = aclId === undefined ? undefined : this.source.aclById(aclId)
    return acl === undefined || aclGrants(acl, caller?.id).read
  }

  /** Whether `caller` (undefined without a session) may write (update, delete) an object. */
  canWrite(caller: Principal | undefined, ownerId: string, aclId: string | undefined): boolean {
    if (caller === undefined) return false
    if (caller.admin || caller.id === ownerId) return true
    const acl = aclId === undefined ? undefined : this.source.aclById(aclId)
    return acl !== undefined && aclGrants(acl, caller.id).write
  }

  /**
   * The ACL a create or update attaches, from `acl_name` (among `acting`'s ACLs) or `acl_id`
   * (any ACL of the app): its id; `null` when an update sends `""` (detach); undefined when
   * neither is sent (create: no ACL; update: unchanged). On create `""` counts as not sent.
   * Without an acting user (users/create with no session) no `acl_name` is found.
   *
   * @throws ApiError 400 `Specify acl_name or acl_id, not both`, `Invalid ACL name`,
   *   `Invalid ACL id`, `Invalid object id: '<v>'` (malformed `acl_id`).
   */
  attachAcl(params: Params, acting: Principal | undefined, update: boolean): string | null | undefined {
    const rawName = textParam(params, 'acl_name')
    const rawId = textParam(params, 'acl_id')
    const name = trimmed(rawName)
    const id = trimmed(rawId)
    if (name !== undefined && id !== undefined) throw new ApiError(400, 'Specify acl_name or acl_id, not both')
    if (name !== undefined) {
      const acl = acting === undefined ? undefined : this.source.aclByName(acting.id, name)
      if (acl === undefined) throw invalidAclName()
      return acl.id
    }
    if (id !== undefined) {
      if (!isObjectId(id)) throw invalidObjectId(id)
      const acl = this.source.aclById(id)
      if (acl === undefined) throw invalidAclId()
      return acl.id
    }
    return update && (rawName !== undefined || rawId !== undefined) ? null : undefined
  }

  /** The `acls` field of an object's reply: `{ acls: [acl] }` while its ACL exists, else `{}`. */
  wireAcls(record: AclHolder, viewer: Principal | undefined): { acls?: Record<string, unknown>[] } {
    const acl = this.aclOf(record)
    return acl === undefined ? {} : { acls: [this.source.wire(acl, viewer)] }
  }
}
