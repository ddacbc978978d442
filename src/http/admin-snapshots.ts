import type { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { adminKey, adminRoute } from './admin-route.js'
import { renderSuccess } from './envelope.js'

/**
 * Named snapshots over HTTP (docs/toolkit.md), the twins of `snapshot`, `restore`,
 * `snapshots` and `deleteSnapshot` on the cloud object:
 *
 * - `POST /__mock/snapshots/NAME[?key=K]` takes one (K's data set, or all) → `response.snapshot`
 * - `POST /__mock/snapshots/NAME/restore[?key=K]` puts it back
 * - `GET /__mock/snapshots` lists them → `response.snapshots`
 * - `DELETE /__mock/snapshots/NAME[?key=K]` forgets it (or K's part)
 *
 * An unknown name answers 404 naming the snapshots there are.
 */
export function adminSnapshotRoutes(admin: Hono, cloud: Pick<MockCloud, 'snapshot' | 'restore' | 'snapshots' | 'deleteSnapshot'>): void {
  adminRoute(admin, '/__mock/snapshots', 'mockSnapshots', {
    GET: (c, params) => renderSuccess(c, params, 'mockSnapshots', {}, { snapshots: cloud.snapshots() }),
  })
  adminRoute(admin, '/__mock/snapshots/:name', 'mockSnapshot', {
    POST: async (c, params) => {
      const snapshot = await cloud.snapshot(c.req.param('name') ?? '', adminKey(params))
      return renderSuccess(c, params, 'mockSnapshot', {}, { snapshot })
    },
    DELETE: (c, params) => {
      cloud.deleteSnapshot(c.req.param('name') ?? '', adminKey(params))
      return renderSuccess(c, params, 'mockDeleteSnapshot', {}, undefined)
    },
  })
  adminRoute(admin, '/__mock/snapshots/:name/restore', 'mockRestore', {
    POST: async (c, params) => {
      await cloud.restore(c.req.param('name') ?? '', adminKey(params))
      return renderSuccess(c, params, 'mockRestore', {}, undefined)
    },
  })
}
