import { ApiError } from '../../errors.js'
import type { StoredRecord } from '../../store/stored-record.js'

/**
 * A stored ACL (docs/acls.md): its name (unique per owner), its owner's id, the user ids given as
 * readers and writers in the order given (the owner is never stored in them: replies and checks
 * add it), and the public flags. The lists are kept while a flag is on (replies only hide them).
 */
export interface AclRecord extends StoredRecord {
  readonly name: string
  readonly user_id: string
  readonly readers: readonly string[]
  readonly writers: readonly string[]
  readonly public_read: boolean
  readonly public_write: boolean
}

/** The name of the ACLs' collection in a data set. */
export const ACLS = 'acls'

/**
 * What the ACL lets user `userId` do, by its own rule (docs/acls.md "Access to objects"): its owner reads and
 * writes; others read when `public_read` or listed in `readers`, write when `public_write` or
 * listed in `writers` (writing does not imply reading).
 */
export function aclGrants(acl: AclRecord, userId: string | undefined): { read: boolean; write: boolean } {
  const owner = userId !== undefined && userId === acl.user_id
  return {
    read: owner || acl.public_read || (userId !== undefined && acl.readers.includes(userId)),
    write: owner || acl.public_write || (userId !== undefined && acl.writers.includes(userId)),
  }
}

/** 400 for an ACL `name` that names none of the acting user's ACLs (docs/acls.md "Errors"). */
export const invalidAclName = (): ApiError => new ApiError(400, 'Invalid ACL name')

/** 400 for an ACL `id` that names no ACL (docs/acls.md "Errors"). */
export const invalidAclId = (): ApiError => new ApiError(400, 'Invalid ACL id')
