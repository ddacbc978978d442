/**
 * Which REST call each Cloud method makes: ti.cloud's method table (`commonjs/src/sdk/cloudapi.js`
 * of appcelerator-modules/ti.cloud 3.2.11) for the Users, SocialIntegrations, KeyValues and ACLs objects.
 * docs/users.md "Endpoints" (verb table).
 */

/**
 * How a method reads its arguments, after ti.cloud's executors:
 * - `data`: `(data, callback)`, both required (`defaultExecutor`);
 * - `optional`: `(data, callback)` or `(callback)` (`dataOptionalExecutor`);
 * - `none`: `(callback)`; no parameters are sent (`dataExcludedExecutor`);
 * - `classname`: `(data, callback)`, both required, `data.classname` a string that goes into the
 *   path in place of `:classname` and is not sent as a parameter (`classnameRequiredExecutor`).
 */
export type ArgumentShape = 'data' | 'optional' | 'none' | 'classname'

/** One Cloud method. */
export interface Endpoint {
  verb: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** The path after `/v1/`; `:classname` is the class of a `classname` call. */
  path: string
  args: ArgumentShape
  /** The session is dropped once the reply arrives, whatever it says (logout and remove). */
  endsSession?: true
}

/** `Cloud.Users`. `count` and `batchDelete` are mock-cloud's additions (ti.cloud has neither). */
export const USERS = {
  create: { verb: 'POST', path: 'users/create.json', args: 'data' },
  login: { verb: 'POST', path: 'users/login.json', args: 'data' },
  show: { verb: 'GET', path: 'users/show.json', args: 'data' },
  showMe: { verb: 'GET', path: 'users/show/me.json', args: 'none' },
  search: { verb: 'GET', path: 'users/search.json', args: 'optional' },
  query: { verb: 'GET', path: 'users/query.json', args: 'optional' },
  update: { verb: 'PUT', path: 'users/update.json', args: 'data' },
  logout: { verb: 'GET', path: 'users/logout.json', args: 'optional', endsSession: true },
  remove: { verb: 'DELETE', path: 'users/delete.json', args: 'optional', endsSession: true },
  requestResetPassword: { verb: 'GET', path: 'users/request_reset_password.json', args: 'data' },
  resendConfirmation: { verb: 'GET', path: 'users/resend_confirmation.json', args: 'data' },
  count: { verb: 'GET', path: 'users/count.json', args: 'optional' },
  batchDelete: { verb: 'DELETE', path: 'users/batch_delete.json', args: 'optional' },
} as const satisfies Record<string, Endpoint>

/** `Cloud.SocialIntegrations`: ti.cloud puts the external-account calls under `users/`. */
export const SOCIAL_INTEGRATIONS = {
  externalAccountLogin: { verb: 'POST', path: 'users/external_account_login.json', args: 'data' },
  externalAccountLink: { verb: 'POST', path: 'users/external_account_link.json', args: 'data' },
  externalAccountUnlink: { verb: 'DELETE', path: 'users/external_account_unlink.json', args: 'data' },
  searchFacebookFriends: { verb: 'GET', path: 'social/facebook/search_friends.json', args: 'optional' },
} as const satisfies Record<string, Endpoint>

/** `Cloud.KeyValues` (docs/key-values.md): ti.cloud names incrby `increment` and delete `remove`. */
export const KEY_VALUES = {
  set: { verb: 'PUT', path: 'keyvalues/set.json', args: 'data' },
  get: { verb: 'GET', path: 'keyvalues/get.json', args: 'data' },
  append: { verb: 'PUT', path: 'keyvalues/append.json', args: 'data' },
  increment: { verb: 'PUT', path: 'keyvalues/incrby.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'keyvalues/delete.json', args: 'data' },
} as const satisfies Record<string, Endpoint>

/**
 * `Cloud.ACLs` (docs/acls.md): `remove` drops the ACL (`delete.json`), `removeUser` takes users out
 * of its lists (`remove.json`). `query` and `count` are mock-cloud's additions (ti.cloud has neither).
 */
export const ACLS = {
  create: { verb: 'POST', path: 'acls/create.json', args: 'data' },
  show: { verb: 'GET', path: 'acls/show.json', args: 'data' },
  update: { verb: 'PUT', path: 'acls/update.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'acls/delete.json', args: 'data' },
  addUser: { verb: 'POST', path: 'acls/add.json', args: 'data' },
  removeUser: { verb: 'DELETE', path: 'acls/remove.json', args: 'data' },
  checkUser: { verb: 'GET', path: 'acls/check.json', args: 'data' },
  query: { verb: 'GET', path: 'acls/query.json', args: 'optional' },
  count: { verb: 'GET', path: 'acls/count.json', args: 'optional' },
} as const satisfies Record<string, Endpoint>

/** `Cloud.Objects`: custom objects of the class `data.classname` names (ti.cloud has no count or batch calls). */
export const OBJECTS = {
  create: { verb: 'POST', path: 'objects/:classname/create.json', args: 'classname' },
  show: { verb: 'GET', path: 'objects/:classname/show.json', args: 'classname' },
  update: { verb: 'PUT', path: 'objects/:classname/update.json', args: 'classname' },
  remove: { verb: 'DELETE', path: 'objects/:classname/delete.json', args: 'classname' },
  query: { verb: 'GET', path: 'objects/:classname/query.json', args: 'classname' },
} as const satisfies Record<string, Endpoint>
