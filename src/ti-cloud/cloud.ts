import { requireArgument, sortArguments } from './arguments.js'
import { cleanParameters } from './encoding.js'
import type { Endpoint, Namespace } from './endpoints.js'
import * as namespaces from './namespaces/index.js'
import { registerCloud } from './pending.js'
import { exchange } from './reply.js'
import { buildRequest } from './request.js'
import { toCloudResponse } from './response.js'
import type { Calls, Cloud, CloudCallback, CloudData, CloudNamespaces, CreateCloudOptions, SendRequestParams } from './types.js'

/** ti.cloud's answer when no app key is configured (`noAppKeyError` in `constants.js`); no request is made. */
const NO_APP_KEY = { meta: { status: 'fail', code: 409, message: 'Application key is not provided.' } }

function typeName(value: unknown): string {
  return value === null ? 'null' : typeof value
}

/** Checks the options of `createCloud`; `url` must be a base URL `<base>/v1/...` can be appended to. */
function checkOptions(options: unknown): { baseUrl: string; key: string | undefined } {
  const example = 'e.g. createCloud({ url: server.url, key: "TESTKEY" })'
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`createCloud needs an options object with url and key, ${example}; got ${typeName(options)}`)
  }
  const { url, key } = options as Record<string, unknown>
  if (typeof url !== 'string') {
    throw new TypeError(`createCloud: url must be the server's base URL as a string, ${example}; got ${typeName(url)}`)
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new TypeError(`createCloud: url "${url}" is not an absolute URL; give the server's base URL, such as http://127.0.0.1:8080`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`createCloud: url "${url}" must start with http:// or https://`)
  }
  if (url.endsWith('/') || parsed.search || parsed.hash) {
    throw new TypeError(
      `createCloud: url "${url}" must have no trailing slash, query or fragment: ti.cloud appends /v1/<method>.json?key=... to it as it is`,
    )
  }
  if (key !== undefined && typeof key !== 'string') {
    throw new TypeError(`createCloud: key must be the app key as a string; got ${typeName(key)}`)
  }
  return { baseUrl: url, key }
}

/**
 * Makes a `Cloud` object for Node that behaves like Titanium's `ti.cloud` module (3.2.11) and
 * talks to a mock-cloud server (or any ArrowDB-compatible one), so app code written against
 * `Cloud.Users` runs unmodified in tests. Each Cloud has its own session.
 *
 * Wire behaviour, as ti.cloud (docs/api.md "Parameters"): `?key=` and `&_session_id=` on the URL,
 * `suppress_response_codes=true` on every call, parameters in the URL for GET/DELETE and as a
 * form body for POST/PUT, objects as JSON text, booleans as `1`/`0`. The session is taken from
 * any reply's `meta.session_id` and dropped after `Users.logout` and `Users.remove`.
 *
 * Like ti.cloud, a call changes the `data` object it was given (objects become JSON text,
 * `suppress_response_codes` is added), a callback that throws is not caught (the error is
 * rethrown as an uncaught exception), and the SDK keeps a second copy of the session: setting
 * `Cloud.sessionId = null` does not log out; `Users.logout` does.
 *
 * @throws TypeError for missing or malformed options (url not an http(s) base URL, key not a string).
 * @example
 * import { createCloud, settled } from 'mock-cloud/ti-cloud'
 * const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
 * Cloud.Users.login({ login: 'alice', password: 'alice-pass' }, (e) => {
 *   if (e.success) console.log(e.users[0].username, Cloud.sessionId)
 *   else console.log(e.code, e.message)
 * })
 * await settled(Cloud)
 */
export function createCloud(options: CreateCloudOptions): Cloud {
  const { baseUrl, key } = checkOptions(options)
  /** The copy of the session ti.cloud's SDK object keeps besides `Cloud.sessionId` (`this.session_id` in api.js). */
  let sdkSessionId: unknown

  /** ti.cloud's `ACS.reset()`. */
  function dropSession(): void {
    delete cloud.sessionId
    sdkSessionId = undefined
  }

  function deliver(event: Record<string, unknown>, callback: CloudCallback): void {
    const response = toCloudResponse(event)
    if (cloud.debug) {
      if (response.success) console.info(JSON.stringify(response))
      else console.error(`${String(response.code)}: ${String(response.message)}`)
    }
    callback(response)
  }

  /** ti.cloud's `baseExecutor` and `sendRequest`: one call of `path` with these parameters. */
  function send(path: string, verb: string, data: CloudData | null, callback: CloudCallback): void {
    if (cloud.debug) console.info(`ACS Request: { url: "${path}", verb: "${verb}", data: ${JSON.stringify(data)} })`)
    if (!key) {
      deliver(NO_APP_KEY, callback)
      return
    }
    const method = verb ? verb.toUpperCase() : 'GET'
    const params = data ?? {}
    params.suppress_response_codes = 'true'
    const request = buildRequest({ baseUrl, key, sessionId: cloud.sessionId || sdkSessionId }, method, path, cleanParameters(params))
    if (cloud.debug) {
      console.info(`${method}: ${request.url}`)
      console.info('header: {}')
      console.info(`data: ${JSON.stringify(request.body === undefined ? {} : params)}`)
    }
    track(
      exchange(request).then((reply) => {
        const meta = reply.event.meta as Record<string, unknown> | undefined
        if (reply.loaded && meta?.session_id) {
          cloud.sessionId = meta.session_id as string
          sdkSessionId = meta.session_id
        }
        try {
          deliver(reply.event, callback)
        } catch (error) {
          // In Titanium an error in a callback is uncaught; so it is here (the test runner reports it).
          queueMicrotask(() => {
            throw error
          })
        }
      }),
    )
  }

  function call(endpoint: Endpoint, args: readonly unknown[]): void {
    const { data, callback } = sortArguments(endpoint.args, args)
    if (endpoint.args === 'classname') {
      classCall(endpoint, data, callback)
      return
    }
    requireArgument('data', data, 'object')
    if (endpoint.endsSession) {
      // ti.cloud drops the session whatever the reply says, before the app's callback runs, and
      // does not check that callback until it calls it.
      send(endpoint.path, endpoint.verb, data as CloudData | null, (e) => {
        dropSession()
        ;(callback as CloudCallback)(e)
      })
      return
    }
    requireArgument('callback', callback, 'function')
    send(endpoint.path, endpoint.verb, data as CloudData | null, callback as CloudCallback)
  }

  /**
   * ti.cloud's `classnameRequiredExecutor`: `data.classname` must be a string; it goes into the
   * path and is left out of the parameters, then put back, so the app's object keeps it.
   */
  function classCall(endpoint: Endpoint, data: unknown, callback: unknown): void {
    if (typeof data !== 'object' || data === null) {
      requireArgument('data', data, 'object')
      requireArgument('callback', callback, 'function')
      send(endpoint.path.replace('/:classname', ''), endpoint.verb, data as null, callback as CloudCallback)
      return
    }
    const params = data as CloudData
    requireArgument('data.classname', params.classname, 'string')
    const classname = params.classname as string
    requireArgument('callback', callback, 'function')
    delete params.classname
    try {
      send(endpoint.path.replace(':classname', classname), endpoint.verb, params, callback as CloudCallback)
    } finally {
      params.classname = classname
    }
  }

  function bind<T extends Namespace>(table: T): Calls<T> {
    const calls: Record<string, (...args: unknown[]) => void> = {}
    for (const [name, endpoint] of Object.entries(table)) calls[name] = (...args) => call(endpoint, args)
    return calls as Calls<T>
  }

  /** Every namespace of src/ti-cloud/namespaces/, bound to this Cloud. */
  const bound = Object.fromEntries(Object.entries(namespaces).map(([name, table]) => [name, bind(table)])) as unknown as CloudNamespaces

  const cloud: Cloud = {
    debug: false,
    ...bound,
    sendRequest(params: SendRequestParams, callback: CloudCallback): void {
      requireArgument('params', params, 'object')
      requireArgument('url', params.url, 'string')
      requireArgument('method', params.method, 'string')
      requireArgument('callback', callback, 'function')
      if (params.data) requireArgument('data', params.data, 'object')
      send(params.url, params.method, params.data ? params.data : {}, callback)
    },
  }
  const track = registerCloud(cloud)
  return cloud
}
