import { Hono } from 'hono'
import { wrongVerb } from '../errors.js'
import { renderFailure, renderSuccess } from './envelope.js'
import { textParam } from '../param-values.js'
import { queryParams } from './params.js'

/**
 * mock-cloud's own test-control routes under `/__mock/` (not part of ArrowDB):
 * `POST /__mock/reset` puts every data set back to the fixture baseline,
 * `POST /__mock/reset?key=K` only that app key's.
 * Replies use the ArrowDB envelope (with `pretty_json` and
 * `suppress_response_codes`), so clients parse them the same way.
 */
export function adminRoutes(control: { reset(key?: string): Promise<void> }): Hono {
  const admin = new Hono()
  admin.all('/__mock/reset', async (c) => {
    if (c.req.method !== 'POST') {
      c.header('Allow', 'POST')
      return renderFailure(c, queryParams(c), wrongVerb('__mock/reset', ['POST'], c.req.method), 'mockReset')
    }
    const params = queryParams(c)
    await control.reset(textParam(params, 'key') || undefined)
    return renderSuccess(c, params, 'mockReset', {}, undefined)
  })
  return admin
}
