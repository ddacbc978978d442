import type { DataSet } from '../../data-set.js'
import { Collection } from '../../store/collection.js'
import { ACLS, type AclRecord } from './record.js'

/** The unique key of an ACL besides its id: its owner and name (names are per owner). */
const ownerAndName = (owner: string, name: string): string => `${owner}\u0000${name}`

const uniqueKeys = (acl: AclRecord) => ({ owned: ownerAndName(acl.user_id, acl.name) })

/** The stored ACLs: a {@link Collection} indexed by id and by owner and name. */
export class AclCollection extends Collection<AclRecord> {
  constructor(dataSet: DataSet) {
    super(dataSet, ACLS, uniqueKeys)
  }

  /** The ACL `owner` owns under `name` (exact, case-sensitive), or undefined. */
  byOwnerAndName(owner: string, name: string): AclRecord | undefined {
    return this.by('owned', ownerAndName(owner, name))
  }
}
