import { failedToAuthenticate, invalidObjectId, notAuthorized, userNotFound } from '../errors.js'
import { isObjectId } from '../ids.js'
import { textParam, trimmed, type Params } from '../param-values.js'
import { describeValue } from './id-list.js'
import type { Caller, Principal } from './object.js'

/**
 * Who a write of an object other than Users acts as (docs/api.md "su_id"): the caller, or the
 * user `su_id` names when the caller is an app admin. A parameter that is blank counts as not
 * given; with several `names` (Key-values also reads `user_id`), the first one given is read.
 *
 * @param find - the stored user with an id (lowercase), or undefined.
 * @throws ApiError 400 `Failed to authenticate user` without a live session, and the refusals of
 *   {@link userNamed}; 400 `Invalid <name> parameter: expected text, ...` for a list or an object.
 */
export function actingUser(
  params: Params,
  caller: Caller,
  find: (id: string) => Principal | undefined,
  names: readonly string[] = ['su_id'],
): Principal {
  const user = caller.user
  if (user === undefined) throw failedToAuthenticate()
  const name = names.find((candidate) => trimmed(textParam(params, candidate)) !== undefined)
  return name === undefined ? user : userNamed(params[name], user, find)
}

/**
 * The user an admin power's id parameter names (`su_id` and its other names, Key-values' `get`
 * with `user_id`), seen from `caller`: the caller themself when it is their own id, any stored
 * user for an admin (docs/api.md "su_id"). Every object reads the parameter its own way, then
 * calls this.
 *
 * @param value - the parameter as sent; text is trimmed, and ids compare in lowercase.
 * @param find - the stored user with an id (lowercase), or undefined.
 * @throws ApiError 400 `Invalid object id: '<value as sent>'` for anything but a 24-hex id,
 *   403 `You are not authorized to perform this action.` for a non-admin naming someone else,
 *   404 `User not found.` for an id of no stored user.
 */
export function userNamed<P extends Principal>(value: unknown, caller: P, find: (id: string) => P | undefined): P {
  const text = typeof value === 'string' ? trimmed(value) : undefined
  if (text === undefined || !isObjectId(text)) throw invalidObjectId(describeValue(value))
  const id = text.toLowerCase()
  if (id === caller.id) return caller
  if (!caller.admin) throw notAuthorized()
  const target = find(id)
  if (target === undefined) throw userNotFound()
  return target
}

/**
 * The signed-in caller of an object other than Users (docs/api.md "Sessions").
 *
 * @throws ApiError 400 `Failed to authenticate user` without a live session.
 */
export function signedIn(caller: Caller): Principal {
  if (caller.user === undefined) throw failedToAuthenticate()
  return caller.user
}

/**
 * The signed-in caller of an admin-only method that first asks for a session (docs/api.md "Sessions").
 *
 * @throws ApiError 400 `Failed to authenticate user` without a live session; 403 `You are not
 *   authorized to perform this action.` for anyone but an admin.
 */
export function signedInAdmin(caller: Caller): Principal {
  const user = signedIn(caller)
  if (!user.admin) throw notAuthorized()
  return user
}

/**
 * The caller of an admin-only method that answers 403 with or without a session (docs/api.md "Sessions").
 *
 * @throws ApiError 403 `You are not authorized to perform this action.` for anyone but an admin.
 */
export function adminOnly(caller: Caller): Principal {
  if (caller.user?.admin !== true) throw notAuthorized()
  return caller.user
}
