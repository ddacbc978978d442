import { ApiError } from '../errors.js'
import { textParam, type Params } from '../param-values.js'

/**
 * Checks the app key, sent as the `key` parameter (docs/api.md "Parameters"): missing →
 * the default key, or without one 401 `Application key is not provided.`;
 * with a list of allowed keys, any other than those and the default →
 * 401 `Invalid app key` (docs/api.md "App keys").
 *
 * @param allowed - empty: every non-empty key is accepted.
 * @param defaultKey - the key of a call that sends none.
 * @returns the app key, which names the data set of the call.
 */
export function checkAppKey(params: Params, allowed: ReadonlySet<string>, defaultKey?: string): string {
  const key = textParam(params, 'key') || defaultKey
  if (!key) throw new ApiError(401, 'Application key is not provided.')
  if (allowed.size > 0 && !allowed.has(key) && key !== defaultKey) throw new ApiError(401, 'Invalid app key')
  return key
}
