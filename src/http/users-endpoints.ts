import type { Params } from '../param-values.js'
import type { CallResult, Caller, UsersService } from '../users/service.js'

/** One API endpoint: its `method_name`, the verbs clients send, and the service call behind it. */
export interface Endpoint {
  method_name: string
  verbs: readonly string[]
  call: (service: UsersService, params: Params, caller: Caller) => CallResult | Promise<CallResult>
}

/**
 * The Users endpoints, by path under `/v1/` without `.json`, with the verbs of
 * the spec's verb table ("use in mock" column, spec §3) and the method names
 * of spec §2.4 and §11 "method_name"; the account flows (spec §3.12–§3.14) and
 * external accounts (spec §3.15) live in `users/account-flows.ts` and `users/external-accounts.ts`.
 */
export const usersEndpoints: Readonly<Record<string, Endpoint>> = {
  'users/create': { method_name: 'createUser', verbs: ['POST'], call: (s, p, c) => s.create(p, c) },
  'users/login': { method_name: 'loginUser', verbs: ['POST', 'GET'], call: (s, p) => s.login(p) },
  'users/logout': { method_name: 'logoutUser', verbs: ['GET', 'POST', 'DELETE'], call: (s, _p, c) => s.logout(c) },
  'users/show': { method_name: 'showUsers', verbs: ['GET'], call: (s, p, c) => s.show(p, c) },
  'users/show/me': { method_name: 'showMe', verbs: ['GET'], call: (s, _p, c) => s.showMe(c) },
  'users/query': { method_name: 'queryUsers', verbs: ['GET'], call: (s, p, c) => s.query(p, c) },
  'users/search': { method_name: 'searchUsers', verbs: ['GET'], call: (s, p, c) => s.search(p, c) },
  'users/count': { method_name: 'usersCount', verbs: ['GET'], call: (s, p) => s.count(p) },
  'users/update': { method_name: 'updateUser', verbs: ['PUT', 'POST'], call: (s, p, c) => s.update(p, c) },
  'users/delete': { method_name: 'deleteUser', verbs: ['DELETE'], call: (s, p, c) => s.delete(p, c) },
  'users/batch_delete': { method_name: 'batchDelete', verbs: ['DELETE'], call: (s, p, c) => s.batchDelete(p, c) },
  'users/request_reset_password': {
    method_name: 'requestResetPassword',
    verbs: ['GET'],
    call: (s, p) => s.flows.requestResetPassword(p),
  },
  'users/resend_confirmation': { method_name: 'resendConfirmation', verbs: ['GET'], call: (s, p) => s.flows.resendConfirmation(p) },
  'users/confirm_user': { method_name: 'confirmUser', verbs: ['GET'], call: (s, p) => s.flows.confirmUser(p) },
  'users/reset_password': { method_name: 'resetPassword', verbs: ['GET', 'PUT', 'POST'], call: (s, p) => s.flows.resetPassword(p) },
  'users/external_account_login': {
    method_name: 'externalAccountLogin',
    verbs: ['POST'],
    call: (s, p) => s.external.login(p),
  },
  'users/external_account_link': { method_name: 'externalAccountLink', verbs: ['POST'], call: (s, p, c) => s.external.link(p, c) },
  'users/external_account_unlink': {
    method_name: 'externalAccountUnlink',
    verbs: ['POST', 'DELETE'],
    call: (s, p, c) => s.external.unlink(p, c),
  },
}
