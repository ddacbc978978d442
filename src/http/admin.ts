import { Hono } from 'hono'
import { wrongVerb } from '../errors.js'
import { renderFailure, renderSuccess } from './envelope.js'
import { queryParams } from './params.js'

/**
 * mock-cloud's own test-control routes under `/__mock/` (not part of ArrowDB):
 * `POST /__mock/reset` puts the data back to the fixture baseline.
 * Replies use the ArrowDB envelope (with `pretty_json` and
 * `suppress_response_codes`), so clients parse them the same way.
 */
export function adminRoutes(control: { reset(): Promise<void> }): Hono {
  const admin = new Hono()
  admin.all('/__mock/reset', async (c) => {
    if (c.req.method !== 'POST') {
      c.header('Allow', 'POST')
      return renderFailure(c, queryParams(c), wrongVerb('__mock/reset', ['POST'], c.req.method), 'mockReset')
    }
    await control.reset()
    return renderSuccess(c, queryParams(c), 'mockReset', {}, undefined)
  })
  return admin
}
