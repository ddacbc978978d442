import type { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { ApiError, requiredField } from '../errors.js'
import { textParam, type Params } from '../param-values.js'
import { adminRoute } from './admin-route.js'
import { renderSuccess } from './envelope.js'
import { readParams } from './params.js'

const ACTIONS = ['freeze', 'unfreeze', 'set', 'advance'] as const

/**
 * The server's clock over HTTP (docs/toolkit.md), the twin of `cloud.clock`:
 *
 * - `GET /__mock/clock` → `response.clock` = `{ now: ISO, frozen }`
 * - `POST /__mock/clock` with parameters (query, form or JSON body):
 *   `action=freeze`, `action=unfreeze`, `action=set&iso=2030-01-01T00:00:00Z`
 *   (or `iso` alone), `action=advance&by=25h` (`by` in ms or as `'30m'`, `'2 days'`);
 *   answers the clock as it is then. A bad action, date or duration → 400.
 *
 * The clock is the server's: every app key's data set sees it.
 */
export function adminClockRoutes(admin: Hono, cloud: Pick<MockCloud, 'clock'>): void {
  const { clock } = cloud
  adminRoute(admin, '/__mock/clock', 'mockClock', {
    GET: (c, params) => renderSuccess(c, params, 'mockClock', {}, { clock: clock.state() }),
    POST: async (c, query) => {
      const params = await readParams(c, query)
      const action = textParam(params, 'action') ?? (params.iso !== undefined ? 'set' : undefined)
      if (action === 'freeze') clock.freeze()
      else if (action === 'unfreeze') clock.unfreeze()
      else if (action === 'set') clock.set(required(params, 'iso'))
      else if (action === 'advance') clock.advance(required(params, 'by'))
      else throw new ApiError(400, `Invalid action parameter: expected one of ${ACTIONS.join(', ')}${action === undefined ? '' : `, got ${JSON.stringify(action)}`}`)
      return renderSuccess(c, params, 'mockClock', {}, { clock: clock.state() })
    },
  })
}

function required(params: Params, name: string): string {
  const value = textParam(params, name)
  if (!value) throw requiredField(name)
  return value
}
