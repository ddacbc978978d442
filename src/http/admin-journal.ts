import type { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { adminKey, adminRoute, onlyParams } from './admin-route.js'
import { ENVELOPE_PARAMS, renderSuccess } from './envelope.js'

/**
 * The request journal over HTTP (docs/toolkit.md), twins of `requests()` and `clearRequests()`:
 *
 * - `GET /__mock/requests?key=K&method_name=loginUser&status=401&since=2024-03-01T10:00:00Z`
 *   → `response.requests`, oldest first, `meta.count`; every filter optional; `status` matches the
 *   HTTP status or `meta.code`.
 * - `DELETE /__mock/requests?key=K` forgets K's calls (without `key`, all) → `meta.count` removed.
 */
export function journalRoutes(admin: Hono, cloud: Pick<MockCloud, 'requests' | 'clearRequests'>): void {
  adminRoute(admin, '/__mock/requests', 'mockRequests', {
    GET: (c, params) => {
      onlyParams(params, '/__mock/requests', ['key', 'method_name', 'status', 'since'])
      const filter = Object.fromEntries(Object.entries(params).filter(([name]) => !ENVELOPE_PARAMS.has(name)))
      const requests = cloud.requests(filter)
      return renderSuccess(c, params, 'mockRequests', { count: requests.length }, { requests })
    },
    DELETE: (c, params) => {
      onlyParams(params, '/__mock/requests', ['key'])
      return renderSuccess(c, params, 'mockClearRequests', { count: cloud.clearRequests(adminKey(params)) }, undefined)
    },
  })
}
