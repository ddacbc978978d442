import { deprecatedSearch } from '../../engine/deprecated-search.js'
import type { CallResult, Endpoint } from '../../engine/object.js'
import type { UsersResult, UsersService } from './service.js'

/** A Users answer as the pipeline renders it: `users` become `response.users`. */
function reply({ users, ...rest }: UsersResult): CallResult {
  return users === undefined ? rest : { ...rest, response: { users } }
}

type Call = Parameters<Endpoint<UsersService>['call']>[0]

/** An endpoint whose service answer is a {@link UsersResult}. */
function endpoint(
  path: string,
  method_name: string,
  verbs: readonly string[],
  call: (call: Call & { caller: ReturnType<UsersService['caller']> }) => UsersResult | Promise<UsersResult>,
): Endpoint<UsersService> {
  return {
    path,
    method_name,
    verbs,
    call: async (given) => reply(await call(given as Call & { caller: ReturnType<UsersService['caller']> })),
  }
}

/**
 * The Users endpoints (docs/users.md), with the verbs every client sends and the method names
 * the real service answered with.
 */
export const usersEndpoints: readonly Endpoint<UsersService>[] = [
  endpoint('users/create', 'createUser', ['POST'], ({ service, params, caller }) => service.create(params, caller)),
  endpoint('users/login', 'loginUser', ['POST', 'GET'], ({ service, params }) => service.login(params)),
  endpoint('users/logout', 'logoutUser', ['GET', 'POST', 'DELETE'], ({ service, caller }) => service.logout(caller)),
  endpoint('users/show', 'showUsers', ['GET'], ({ service, params, caller }) => service.show(params, caller)),
  endpoint('users/show/me', 'showMe', ['GET'], ({ service, caller }) => service.showMe(caller)),
  endpoint('users/query', 'queryUsers', ['GET'], ({ service, params, caller }) => service.query(params, caller)),
  deprecatedSearch(endpoint('users/search', 'searchUsers', ['GET'], ({ service, params, caller }) => service.search(params, caller))),
  endpoint('users/count', 'usersCount', ['GET'], ({ service, params }) => service.count(params)),
  endpoint('users/update', 'updateUser', ['PUT', 'POST'], ({ service, params, caller }) => service.update(params, caller)),
  endpoint('users/delete', 'deleteUser', ['DELETE'], ({ service, params, caller }) => service.delete(params, caller)),
  endpoint('users/batch_delete', 'batchDelete', ['DELETE'], ({ service, params, caller }) => service.batchDelete(params, caller)),
  endpoint('users/request_reset_password', 'requestResetPassword', ['GET'], ({ service, params }) => service.flows.requestResetPassword(params)),
  endpoint('users/resend_confirmation', 'resendConfirmation', ['GET'], ({ service, params }) => service.flows.resendConfirmation(params)),
  endpoint('users/confirm_user', 'confirmUser', ['GET'], ({ service, params }) => service.flows.confirmUser(params)),
  endpoint('users/reset_password', 'resetPassword', ['GET', 'PUT', 'POST'], ({ service, params }) => service.flows.resetPassword(params)),
  endpoint('users/external_account_login', 'externalAccountLogin', ['POST'], ({ service, params }) => service.external.login(params)),
  endpoint('users/external_account_link', 'externalAccountLink', ['POST'], ({ service, params, caller }) => service.external.link(params, caller)),
  endpoint('users/external_account_unlink', 'externalAccountUnlink', ['POST', 'DELETE'], ({ service, params, caller }) =>
    service.external.unlink(params, caller),
  ),
]
