import { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { adminClockRoutes } from './admin-clock.js'
import { adminDataRoutes } from './admin-data.js'
import { adminOutboxRoutes } from './admin-outbox.js'
import { adminKey, adminRoute } from './admin-route.js'
import { adminSnapshotRoutes } from './admin-snapshots.js'
import { renderSuccess } from './envelope.js'

/**
 * mock-cloud's own test-control routes under `/__mock/` (not part of ArrowDB):
 * `POST /__mock/reset` puts every data set back to the fixture baseline,
 * `POST /__mock/reset?key=K` only that app key's; snapshots, data export and
 * import, the clock and the outbox are in their own files. Routes about one data set take
 * its app key as `key`; without it they act on every data set (issue 4 §8).
 * Replies use the ArrowDB envelope (with `pretty_json` and
 * `suppress_response_codes`), so clients parse them the same way.
 */
export function adminRoutes(control: MockCloud): Hono {
  const admin = new Hono()
  adminRoute(admin, '/__mock/reset', 'mockReset', {
    POST: async (c, params) => {
      await control.reset(adminKey(params))
      return renderSuccess(c, params, 'mockReset', {}, undefined)
    },
  })
  adminSnapshotRoutes(admin, control)
  adminDataRoutes(admin, control)
  adminClockRoutes(admin, control)
  adminOutboxRoutes(admin, control)
  return admin
}
