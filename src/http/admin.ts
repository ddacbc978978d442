import { Hono } from 'hono'

/**
 * mock-cloud's own test-control routes under `/__mock/` (not part of ArrowDB):
 * `POST /__mock/reset` puts the data back to the fixture baseline.
 * Replies use the ArrowDB envelope so clients parse them the same way.
 */
export function adminRoutes(control: { reset(): Promise<void> }): Hono {
  const admin = new Hono()
  admin.post('/__mock/reset', async (c) => {
    await control.reset()
    return c.json({ meta: { code: 200, status: 'ok', method_name: 'mockReset' } })
  })
  return admin
}
