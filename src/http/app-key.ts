import { ApiError } from '../errors.js'
import { textParam, type Params } from '../param-values.js'

/** Which app keys a server answers (options `appKeys`, `defaultAppKey`; docs/api.md "App keys"). */
export interface AppKeyRule {
  /** The accepted app keys; empty accepts any non-empty key. */
  appKeys: ReadonlySet<string>
  /** The app key of a call that sends none, accepted even when `appKeys` does not list it. */
  defaultAppKey?: string | undefined
}

/** How many accepted keys a refusal lists by name; beyond that it gives their number. */
const LISTED_KEYS = 5

/**
 * Checks the app key, sent as the `key` parameter (docs/api.md "Parameters"): missing → the
 * default key, or without one 401 `Application key is not provided.`; a key the server does not
 * take (see {@link refusedKey}) → 401 `Invalid app key` (docs/api.md "App keys"). Each message
 * goes on with how to fix it.
 *
 * @returns the app key, which names the data set of the call.
 * @throws ApiError 401 as above.
 */
export function checkAppKey(params: Params, rule: AppKeyRule): string {
  const key = textParam(params, 'key') || rule.defaultAppKey
  if (!key) {
    throw new ApiError(
      401,
      'Application key is not provided. Send it as the key parameter (?key=YOUR_KEY), or start mock-cloud with --default-app-key KEY (option defaultAppKey) for calls that send none.',
    )
  }
  const refusal = refusedKey(key, rule)
  if (refusal) throw refusal
  return key
}

/**
 * The 401 `Invalid app key` for a key the server does not take (one `appKeys` does not list and
 * not the default key), naming the keys it takes (or how many); undefined for a key it takes.
 *
 * @example
 * refusedKey('WRONG', { appKeys: new Set(['TESTKEY']) })?.message
 * // 'Invalid app key: this server takes only TESTKEY (--app-key, option appKeys)'
 */
export function refusedKey(key: string, rule: AppKeyRule): ApiError | undefined {
  const { appKeys, defaultAppKey } = rule
  if (appKeys.size === 0 || appKeys.has(key) || key === defaultAppKey) return undefined
  const taken = [...appKeys, ...(defaultAppKey !== undefined && !appKeys.has(defaultAppKey) ? [defaultAppKey] : [])]
  const named = taken.length <= LISTED_KEYS ? taken.join(', ') : `its ${taken.length} keys`
  return new ApiError(401, `Invalid app key: this server takes only ${named} (--app-key, option appKeys)`)
}
