import type { ArgumentShape, Namespace } from './endpoints.js'
import type * as namespaces from './namespaces/index.js'

/**
 * The public shapes of `mock-cloud/ti-cloud`: the `Cloud` object Titanium's `ti.cloud` module
 * (appcelerator-modules/ti.cloud 3.2.11) gives an app, and the object its callbacks receive.
 */

/**
 * The parameters of one call, as an app passes them: strings, numbers, booleans (sent as
 * `1`/`0`), objects and arrays (sent as JSON text); `null`/`undefined` values are left out.
 * `photo` or `file` holding a `Blob` or bytes is uploaded as a file (multipart; docs/api.md "Parameters").
 */
export type CloudData = Record<string, unknown>

/** `meta` of a reply: `code`, `status`, `method_name` and extras such as `session_id`, `count`. */
export interface CloudMeta {
  code: number
  status: string
  method_name?: string
  [extra: string]: unknown
}

/**
 * What every callback receives (ti.cloud's `CloudResponse`). On success: the reply's
 * `response` keys (`users`, ...) with `success: true`, `error: false` and `meta` added. On
 * failure: `success: false`, `error: true`, `code` (`meta.code`) and `message` (`meta.message`),
 * and no `meta`. After a failure with no reply envelope (server unreachable, not JSON), `code`
 * is `undefined` and `message` says what happened, as in ti.cloud.
 */
export interface CloudResponse {
  success: boolean
  error: boolean
  meta?: CloudMeta
  code?: number
  message?: string
  /** The data keys of the reply: `users`, ... (their shape depends on the endpoint). */
  [data: string]: any
}

/** A callback of a Cloud call. */
export type CloudCallback = (e: CloudResponse) => void

/** A call that needs its parameters: `Cloud.Users.login(data, callback)`. */
export type DataCall = (data: CloudData, callback: CloudCallback) => void

/** A call whose parameters may be left out: `Cloud.Users.query(callback)` or `(data, callback)`. */
export interface OptionalDataCall {
  (data: CloudData, callback: CloudCallback): void
  (callback: CloudCallback): void
}

/** A call that takes no parameters: `Cloud.Users.showMe(callback)`. */
export type NoDataCall = (callback: CloudCallback) => void

/** The call a method's argument shape makes (src/ti-cloud/endpoints.ts). */
export type CallOf<A extends ArgumentShape> = A extends 'data' | 'classname' ? DataCall : A extends 'none' ? NoDataCall : OptionalDataCall

/** A namespace's methods, from its table: `Calls<typeof Users>` is `Cloud.Users`. */
export type Calls<T extends Namespace> = { -readonly [K in keyof T]: CallOf<T[K]['args']> }

/**
 * Every namespace of the `Cloud` object (`Cloud.Users`, `Cloud.Objects`, ...): one member per
 * table of src/ti-cloud/namespaces/, documented in its file.
 */
export type CloudNamespaces = { readonly [N in keyof Namespaces]: Calls<Namespaces[N]> }

type Namespaces = typeof namespaces

/** The parameters of `Cloud.sendRequest`. */
export interface SendRequestParams {
  /** The path after `/v1/`, e.g. `users/login.json`. */
  url: string
  /** `GET`, `POST`, `PUT` or `DELETE` (any case). */
  method: string
  data?: CloudData | null
}

/** The `Cloud` object (`require('ti.cloud')` in a Titanium app): its namespaces, and these members. */
export interface Cloud extends CloudNamespaces {
  /**
   * The session: set from any reply's `meta.session_id`, sent as `_session_id` on every call,
   * deleted after `Users.logout` and `Users.remove`. An app may set it (to restore a session).
   */
  sessionId?: string | null
  /** Log every request and reply with `console.info` / `console.error`, as ti.cloud's `Ti.API`. */
  debug: boolean
  /**
   * Undefined until the app sets it, as in ti.cloud (which never sets it); accepted and ignored
   * once set, as in ti.cloud since 2.3.6: the URL given to `createCloud` decides (docs/clients.md
   * "Testing Titanium app code in Node").
   */
  useSecure?: boolean
  /** Calls any endpoint: `Cloud.sendRequest({ url: 'users/login.json', method: 'POST', data }, cb)`. */
  sendRequest(params: SendRequestParams, callback: CloudCallback): void
}

/** Options of `createCloud`. */
export interface CreateCloudOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:8080` (`RunningMockCloud.url`): no trailing slash. */
  url: string
  /**
   * The app key, sent as `?key=` on every call (tiapp.xml `acs-api-key`). Without one every call
   * fails with code 409 `Application key is not provided.`, as in ti.cloud.
   */
  key?: string
}
