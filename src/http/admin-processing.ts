import type { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { rawIdList } from '../engine/id-list.js'
import { adminKey, adminRoute, onlyParams } from './admin-route.js'
import { renderSuccess } from './envelope.js'
import { readParams } from './params.js'

/**
 * Uploads held by the `processing` app setting's `manual` mode over HTTP (docs/app-settings.md
 * "processing"), the twins of `unprocessed(key?)` and `release(ids?, key?)`:
 *
 * - `GET /__mock/processing[?key=K]` → `response.unprocessed`, the held uploads of K (or of every
 *   data set) as `{ key, object, id }`, their number in `meta.count`;
 * - `POST /__mock/processing[?key=K]` processes them: every held one, or those `ids` names (a
 *   comma list or a JSON array, in the query or the body) → `response.released`, the same shape.
 *   An id that is not held answers 400 and releases nothing.
 *
 * @example
 * // POST /__mock/processing?key=TESTKEY  {"ids": ["5f…"]} →
 * // {"meta":{"code":200,"status":"ok","method_name":"mockProcessing","count":1},
 * //  "response":{"released":[{"key":"TESTKEY","object":"photos","id":"5f…"}]}}
 */
export function adminProcessingRoutes(admin: Hono, cloud: Pick<MockCloud, 'unprocessed' | 'release'>): void {
  adminRoute(admin, '/__mock/processing', 'mockProcessing', {
    GET: (c, params) => {
      onlyParams(params, '/__mock/processing', ['key'])
      const unprocessed = cloud.unprocessed(adminKey(params))
      return renderSuccess(c, params, 'mockProcessing', { count: unprocessed.length }, { unprocessed })
    },
    POST: async (c, query) => {
      const params = await readParams(c, query)
      onlyParams(params, '/__mock/processing', ['key', 'ids'])
      const released = await cloud.release(rawIdList(params, 'ids'), adminKey(params))
      return renderSuccess(c, params, 'mockProcessing', { count: released.length }, { released })
    },
  })
}
