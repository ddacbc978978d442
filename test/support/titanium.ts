import type { Cloud, CloudCallback, CloudResponse } from 'mock-cloud/ti-cloud'

/** The globals a Titanium app's code sees, installed on `globalThis` for one test. */
export interface TitaniumGlobals {
  /** The text of every `alert(...)`, in order. */
  alerts: string[]
  /** Removes the globals again. */
  remove(): void
}

/**
 * Installs `Cloud`, a capturing `alert` and any `extra` globals (such as `savedUserInfo`), so
 * code written for Titanium runs as written.
 */
export function installTitaniumGlobals(cloud: Cloud, extra: Record<string, unknown> = {}): TitaniumGlobals {
  const alerts: string[] = []
  const globals: Record<string, unknown> = { Cloud: cloud, alert: (message: unknown) => alerts.push(String(message)), ...extra }
  Object.assign(globalThis, globals)
  return {
    alerts,
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
