import type { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { ApiError } from '../errors.js'
import type { Params } from '../param-values.js'
import { adminKey, adminRoute } from './admin-route.js'
import { renderSuccess } from './envelope.js'
import { readParams } from './params.js'

/**
 * App settings of one app key over HTTP (docs/app-settings.md), the twins of
 * `cloud.settings(key)` and `cloud.setSettings(key, changes)`:
 *
 * - `GET /__mock/settings?key=K` → `response.settings`, the settings in force for K;
 * - `PUT /__mock/settings?key=K` with settings as parameters (a JSON body
 *   `{"legacyPaging": true}` or a form `legacyPaging=true`) changes them for K until its next
 *   reset; `null` puts a setting back. Answers the settings in force then. An unknown setting or
 *   a value it cannot take → 400, nothing changed.
 */
export function adminSettingsRoutes(admin: Hono, cloud: Pick<MockCloud, 'settings' | 'setSettings'>): void {
  adminRoute(admin, '/__mock/settings', 'mockSettings', {
    GET: (c, params) => renderSuccess(c, params, 'mockSettings', {}, { settings: cloud.settings(keyOf(params)) }),
    PUT: async (c, query) => {
      const params = await readParams(c, query)
      const { key: _key, pretty_json: _pretty, suppress_response_codes: _suppress, ...changes } = params
      const settings = await cloud.setSettings(keyOf(params), changes)
      return renderSuccess(c, params, 'mockSettings', {}, { settings })
    },
  })
}

/** Settings are per app key: the route needs one. */
function keyOf(params: Params): string {
  const key = adminKey(params)
  if (key === undefined) throw new ApiError(400, 'Invalid key parameter: app settings are per app key; give ?key=K')
  return key
}
