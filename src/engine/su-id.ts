import { failedToAuthenticate, invalidObjectId, notAuthorized, userNotFound } from '../errors.js'
import { isObjectId } from '../ids.js'
import { textParam, trimmed, type Params } from '../param-values.js'
import type { Caller, Principal } from './object.js'

/**
 * Who a write of an object other than Users acts as (docs/api.md "su_id"): the caller, or the
 * user `su_id` names when the caller is an app admin; `su_id=""` counts as not given, and a
 * `su_id` naming the caller is the caller.
 *
 * @param find - the stored user with an id (lowercase), or undefined.
 * @throws ApiError 400 `Failed to authenticate user` without a live session, 400
 *   `Invalid object id: '<v>'` for a malformed `su_id`, 403 `You are not authorized to perform
 *   this action.` for a non-admin naming someone else, 404 `User not found.` for an unknown user.
 */
export function actingUser(params: Params, caller: Caller, find: (id: string) => Principal | undefined): Principal {
  const user = caller.user
  if (user === undefined) throw failedToAuthenticate()
  const suId = trimmed(textParam(params, 'su_id'))
  if (suId === undefined) return user
  if (!isObjectId(suId)) throw invalidObjectId(suId)
  const id = suId.toLowerCase()
  if (id === user.id) return user
  if (!user.admin) throw notAuthorized()
  const target = find(id)
  if (target === undefined) throw userNotFound()
  return target
}
