import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Users` (docs/users.md): ti.cloud's calls of the Users object, plus `count` and
 * `batchDelete` (mock-cloud's additions; ti.cloud has neither).
 */
export const Users = {
  create: { verb: 'POST', path: 'users/create.json', args: 'data' },
  login: { verb: 'POST', path: 'users/login.json', args: 'data' },
  show: { verb: 'GET', path: 'users/show.json', args: 'data' },
  showMe: { verb: 'GET', path: 'users/show/me.json', args: 'none' },
  search: { verb: 'GET', path: 'users/search.json', args: 'optional' },
  query: { verb: 'GET', path: 'users/query.json', args: 'optional' },
  update: { verb: 'PUT', path: 'users/update.json', args: 'data' },
  /** Ends the session: it is dropped once the reply arrives, whatever the reply says. */
  logout: { verb: 'GET', path: 'users/logout.json', args: 'optional', endsSession: true },
  /** Deletes the signed-in user; the session is dropped once the reply arrives, whatever it says. */
  remove: { verb: 'DELETE', path: 'users/delete.json', args: 'optional', endsSession: true },
  requestResetPassword: { verb: 'GET', path: 'users/request_reset_password.json', args: 'data' },
  resendConfirmation: { verb: 'GET', path: 'users/resend_confirmation.json', args: 'data' },
  /** Not in ti.cloud 3.2.11 (its apps use `sendRequest`); GET `users/count.json`. */
  count: { verb: 'GET', path: 'users/count.json', args: 'optional' },
  /** Not in ti.cloud 3.2.11 (its apps use `sendRequest`); DELETE `users/batch_delete.json`. */
  batchDelete: { verb: 'DELETE', path: 'users/batch_delete.json', args: 'optional' },
} as const satisfies Namespace

/** `Cloud.Users` as a type: each method of {@link Users} with the arguments its shape takes. */
export type CloudUsers = Calls<typeof Users>
