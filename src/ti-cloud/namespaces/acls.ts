import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.ACLs` (docs/acls.md): ti.cloud's calls of the ACLs object, plus `query` and `count`
 * (mock-cloud's additions; ti.cloud has neither).
 */
export const ACLs = {
  create: { verb: 'POST', path: 'acls/create.json', args: 'data' },
  show: { verb: 'GET', path: 'acls/show.json', args: 'data' },
  update: { verb: 'PUT', path: 'acls/update.json', args: 'data' },
  /** Drops the ACL: DELETE `acls/delete.json`. */
  remove: { verb: 'DELETE', path: 'acls/delete.json', args: 'data' },
  addUser: { verb: 'POST', path: 'acls/add.json', args: 'data' },
  /** Takes users out of the lists: DELETE `acls/remove.json`. */
  removeUser: { verb: 'DELETE', path: 'acls/remove.json', args: 'data' },
  checkUser: { verb: 'GET', path: 'acls/check.json', args: 'data' },
  /** Not in ti.cloud 3.2.11; GET `acls/query.json`. */
  query: { verb: 'GET', path: 'acls/query.json', args: 'optional' },
  /** Not in ti.cloud 3.2.11; GET `acls/count.json`. */
  count: { verb: 'GET', path: 'acls/count.json', args: 'optional' },
} as const satisfies Namespace

/** `Cloud.ACLs` as a type: each method of {@link ACLs} with the arguments its shape takes. */
export type CloudACLs = Calls<typeof ACLs>
