/**
 * Which REST call each Cloud method makes: ti.cloud's method table (`commonjs/src/sdk/cloudapi.js`
 * of appcelerator-modules/ti.cloud 3.2.11) for the Users, SocialIntegrations and KeyValues objects.
 * Spec §3 (verb table).
 */

/**
 * How a method reads its arguments, after ti.cloud's executors:
 * - `data`: `(data, callback)`, both required (`defaultExecutor`);
 * - `optional`: `(data, callback)` or `(callback)` (`dataOptionalExecutor`);
 * - `none`: `(callback)`; no parameters are sent (`dataExcludedExecutor`).
 */
export type ArgumentShape = 'data' | 'optional' | 'none'

/** One Cloud method. */
export interface Endpoint {
  verb: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** The path after `/v1/`. */
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
