import { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { adminAccess } from './admin-access.js'
import { adminBrowseRoutes } from './admin-browse.js'
import { adminClockRoutes } from './admin-clock.js'
import { adminDataRoutes } from './admin-data.js'
import { adminOutboxRoutes } from './admin-outbox.js'
import { adminProcessingRoutes } from './admin-processing.js'
import { faultRoutes } from './admin-faults.js'
import { journalRoutes } from './admin-journal.js'
import { adminKey, adminRoute, onlyParams } from './admin-route.js'
import { adminSettingsRoutes } from './admin-settings.js'
import { adminSnapshotRoutes } from './admin-snapshots.js'
import { adminUiRoutes } from './admin-ui.js'
import { refusedKey, type AppKeyRule } from './app-key.js'
import type { WhereLimits } from '../query/where-limits.js'
import { renderFailure, renderSuccess } from './envelope.js'
import { queryParams } from './params.js'
import { openApiRoutes } from './openapi.js'

/**
 * mock-cloud's own test-control routes under `/__mock/` (not part of ArrowDB):
 * `POST /__mock/reset` puts every data set back to the fixture baseline (and
 * empties their journal and faults), `POST /__mock/reset?key=K` only that app
 * key's; every other concern is in its own `admin-*.ts` file, added here with one
 * line, and described in `openapi.ts` (one entry per route). Routes about one data
 * set take its app key as `key`; without it they act on every data set (docs/toolkit.md).
 * Replies use the ArrowDB envelope (with `pretty_json` and
 * `suppress_response_codes`), so clients parse them the same way. Who may call
 * them: `admin-access.ts` (loopback clients, or any client with the admin token).
 *
 * A `key` the server refuses (options `appKeys`, `defaultAppKey`) gets the API's 401
 * `Invalid app key` (but as a filter of `GET /__mock/requests`).
 *
 * @param adminToken - when set, every client must present it (see `adminAccess`).
 * @param keys - the app keys the server takes.
 * @param whereLimits - the server's limits on a `where` (docs/limits.md), for the routes that filter records.
 */
export function adminRoutes(control: MockCloud, adminToken: string | undefined, keys: AppKeyRule, whereLimits: Partial<WhereLimits>): Hono {
  const admin = new Hono()
  admin.use('/__mock/*', adminAccess(adminToken))
  admin.use('/__mock/*', async (c, next) => {
    // A key the API refuses gets the API's 401 here too, so a test's mistyped key shows at
    // once; the journal's key filter is exempt: it may look for the calls that key made.
    const params = queryParams(c)
    const key = typeof params.key === 'string' ? params.key : undefined
    const refusal = key && !(c.req.method === 'GET' && c.req.path === '/__mock/requests') ? refusedKey(key, keys) : undefined
    if (refusal) return renderFailure(c, params, refusal, undefined)
    await next()
  })
  adminRoute(admin, '/__mock/reset', 'mockReset', {
    POST: async (c, params) => {
      onlyParams(params, '/__mock/reset', ['key'])
      await control.reset(adminKey(params))
      return renderSuccess(c, params, 'mockReset', {}, undefined)
    },
  })
  adminSnapshotRoutes(admin, control)
  adminDataRoutes(admin, control)
  adminClockRoutes(admin, control)
  adminSettingsRoutes(admin, control)
  adminOutboxRoutes(admin, control)
  adminProcessingRoutes(admin, control)
  journalRoutes(admin, control)
  faultRoutes(admin, control)
  adminBrowseRoutes(admin, control, whereLimits)
  adminUiRoutes(admin)
  openApiRoutes(admin)
  return admin
}
