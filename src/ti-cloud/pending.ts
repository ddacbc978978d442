import type { Cloud } from './types.js'

/** The calls of each Cloud whose callback has not run yet. */
const PENDING = new WeakMap<Cloud, Set<Promise<void>>>()

/**
 * Registers a Cloud made by `createCloud`, so that `settled` knows it.
 *
 * @returns `track(job)`: counts one call as pending until `job` (its request and callback) is over.
 */
export function registerCloud(cloud: Cloud): (job: Promise<void>) => void {
  const pending = new Set<Promise<void>>()
  PENDING.set(cloud, pending)
  return (job) => {
    pending.add(job)
    void job.finally(() => pending.delete(job))
  }
}

/**
 * Resolves once every call this Cloud has made has delivered its callback — including the calls
 * those callbacks made, and theirs. For tests: run the app code, `await settled(Cloud)`, then
 * check what it did. (Not part of ti.cloud: Titanium apps never wait for a Cloud call.)
 *
 * @throws TypeError when `cloud` was not made by `createCloud`.
 * @example
 * Cloud.Users.login({ login: 'alice', password: 'alice-pass' }, (e) => alert(e.success))
 * await settled(Cloud)
 */
export async function settled(cloud: Cloud): Promise<void> {
  const pending = PENDING.get(cloud)
  if (!pending) throw new TypeError('settled() takes a Cloud made by createCloud()')
  while (pending.size > 0) await Promise.all(pending)
}
