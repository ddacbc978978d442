import type { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { ApiError } from '../errors.js'
import { adminKey, adminRoute } from './admin-route.js'
import { renderJson, renderSuccess } from './envelope.js'

/**
 * Export and import of data sets (docs/toolkit.md), the twins of `exportData` and `importData`:
 *
 * - `GET /__mock/data?key=K` answers K's data set itself, not an envelope, so the
 *   reply can be saved as a file: `{ "users": [...], "sessions": {...} }`; without
 *   `key`, every data set as `{ "apps": {...} }` (the `--data` file's layout).
 * - `PUT /__mock/data?key=K` with such a JSON body replaces K's data set (without
 *   `key`, all); a body that is not one answers 400 naming the problem, and nothing changes.
 */
export function adminDataRoutes(admin: Hono, cloud: Pick<MockCloud, 'exportData' | 'importData'>): void {
  adminRoute(admin, '/__mock/data', 'mockData', {
    GET: (c, params) => renderJson(c, params, 200, cloud.exportData(adminKey(params))),
    PUT: async (c, params) => {
      const text = await c.req.text()
      let data: unknown
      try {
        data = JSON.parse(text)
      } catch (error) {
        throw new ApiError(400, `Invalid data: the body is not JSON (${(error as Error).message}); send what GET /__mock/data gives`)
      }
      await cloud.importData(data, adminKey(params))
      return renderSuccess(c, params, 'mockData', {}, undefined)
    },
  })
}
