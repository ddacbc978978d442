import { settled, type Cloud, type CloudCallback, type CloudResponse } from 'mock-cloud/ti-cloud'

/** What one piece of app code showed and received. */
export interface AppRun {
  /** The text of every `alert(...)` it made, in order. */
  alerts: string[]
  /** The argument of every Cloud callback of its calls, in the order the callbacks ran. */
  replies: CloudResponse[]
}

/** The globals a Titanium app's code sees, installed on `globalThis` for one test. */
export interface TitaniumGlobals extends AppRun {
  /**
   * Runs app code, waits until every Cloud callback it caused has run (`settled`), and gives the
   * alerts and callback arguments of that run only.
   */
  run(code: () => void): Promise<AppRun>
  /** Removes the globals again. */
  remove(): void
}

/**
 * The `Cloud` the app sees: `cloud` itself for reads and writes of its properties
 * (`Cloud.sessionId`...), but every callback given to a call (`Cloud.ACLs.create(data, cb)`,
 * `Cloud.sendRequest(params, cb)`) has its argument recorded in `replies` before it runs.
 */
function recordingCloud(cloud: Cloud, replies: CloudResponse[]): Cloud {
  const recorded = (call: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) =>
      call(
        ...args.map((arg) =>
          typeof arg === 'function'
            ? (e: CloudResponse) => {
                replies.push(e)
                ;(arg as CloudCallback)(e)
              }
            : arg,
        ),
      )
  const group = (calls: object) =>
    new Proxy(calls, {
      get: (target, name) => {
        const value: unknown = Reflect.get(target, name)
        return typeof value === 'function' ? recorded(value as (...args: unknown[]) => unknown) : value
      },
    })
  return new Proxy(cloud, {
    get: (target, name) => {
      const value: unknown = Reflect.get(target, name)
      if (typeof value === 'function') return recorded(value as (...args: unknown[]) => unknown)
      return typeof value === 'object' && value !== null ? group(value) : value
    },
  })
}

/**
 * Installs `Cloud` (recording what its callbacks receive), a capturing `alert` and any `extra`
 * globals (such as `savedUserInfo`), so code written for Titanium runs as written.
 */
export function installTitaniumGlobals(cloud: Cloud, extra: Record<string, unknown> = {}): TitaniumGlobals {
  const alerts: string[] = []
  const replies: CloudResponse[] = []
  const globals: Record<string, unknown> = {
    Cloud: recordingCloud(cloud, replies),
    alert: (message: unknown) => alerts.push(String(message)),
    ...extra,
  }
  Object.assign(globalThis, globals)
  return {
    alerts,
    replies,
    async run(code) {
      const before = { alerts: alerts.length, replies: replies.length }
      code()
      await settled(cloud)
      return { alerts: alerts.slice(before.alerts), replies: replies.slice(before.replies) }
    },
    remove() {
      for (const name of Object.keys(globals)) Reflect.deleteProperty(globalThis, name)
    },
  }
}

/**
 * Starts a Cloud call and resolves with what its callback receives.
 *
 * @example
 * const e = await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
 */
export function outcome(start: (callback: CloudCallback) => void): Promise<CloudResponse> {
  return new Promise((resolve) => start(resolve))
}
