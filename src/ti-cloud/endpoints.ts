/**
 * What a Cloud method is: which REST call it makes and how it reads its arguments, after ti.cloud's
 * method table (`commonjs/src/sdk/cloudapi.js` of appcelerator-modules/ti.cloud 3.2.11). Each
 * namespace's table is in src/ti-cloud/namespaces/ (docs/users.md "Endpoints", verb table).
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

/** One namespace's table: its methods by name (`Cloud.Users.login` is `login`). */
export type Namespace = Readonly<Record<string, Endpoint>>
