import type { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import type { FaultSpec } from '../faults.js'
import { adminKey, adminRoute, onlyParams } from './admin-route.js'
import { renderSuccess } from './envelope.js'
import { readParams } from './params.js'

/**
 * Faults over HTTP (docs/toolkit.md), twins of `fault()`, `faults()` and `clearFaults()`:
 *
 * - `POST /__mock/faults[?key=K]` with a JSON (or form) body `{ "method_name" | "path",
 *   "times", "ttl", "error": {"code","message"}, "delay", "drop" }` → `response.faults`
 *   holding the new fault (its `id`); `key` in the body wins over the query's.
 * - `GET /__mock/faults[?key=K]` → the live faults (of K, or all), `meta.count`.
 * - `DELETE /__mock/faults[?key=K]` removes them → `meta.count` removed.
 */
export function faultRoutes(admin: Hono, cloud: Pick<MockCloud, 'fault' | 'faults' | 'clearFaults'>): void {
  adminRoute(admin, '/__mock/faults', 'mockFaults', {
    GET: (c, params) => {
      onlyParams(params, '/__mock/faults', ['key'])
      const faults = cloud.faults(adminKey(params))
      return renderSuccess(c, params, 'mockFaults', { count: faults.length }, { faults })
    },
    POST: async (c, params) => {
      onlyParams(params, '/__mock/faults', ['key'])
      const body = await readParams(c, {})
      const key = adminKey(params)
      // fault() checks every field of what it is given, whatever its type says.
      const id = cloud.fault({ ...(key !== undefined && { key }), ...body } as FaultSpec)
      const faults = cloud.faults().filter((fault) => fault.id === id)
      return renderSuccess(c, params, 'mockAddFault', {}, { faults })
    },
    DELETE: (c, params) => {
      onlyParams(params, '/__mock/faults', ['key'])
      return renderSuccess(c, params, 'mockClearFaults', { count: cloud.clearFaults(adminKey(params)) }, undefined)
    },
  })
}
