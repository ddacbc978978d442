import type { Hono } from 'hono'
import type { MockCloud } from '../app.js'
import { adminKey, adminRoute } from './admin-route.js'
import { renderSuccess } from './envelope.js'

/**
 * The outboxes over HTTP, twins of `outbox(key?)` and `pushes(key?)` on the cloud object:
 * `GET /__mock/outbox[?key=K]` lists the mails the real service would have
 * sent (confirmation, password reset, welcome), of app key K or of every app
 * key, as `response.mails` with their number in `meta.count`, so a test can
 * finish a reset or confirmation flow over HTTP (docs/users.md
 * "Account flows").
 *
 * @example
 * // GET /__mock/outbox?key=TESTKEY →
 * // {"meta":{"code":200,"status":"ok","method_name":"mockOutbox","count":1},
 * //  "response":{"mails":[{"key":"TESTKEY","kind":"reset_password","to":"alice@example.com","token":"…","link":"…",…}]}}
 */
export function adminOutboxRoutes(admin: Hono, cloud: Pick<MockCloud, 'outbox' | 'pushes'>): void {
  adminRoute(admin, '/__mock/outbox', 'mockOutbox', {
    GET: (c, params) => {
      const mails = cloud.outbox(adminKey(params))
      return renderSuccess(c, params, 'mockOutbox', { count: mails.length }, { mails })
    },
  })
  // The push outbox, the twin of `pushes(key?)` (docs/push-notifications.md "The push outbox").
  adminRoute(admin, '/__mock/pushes', 'mockPushes', {
    GET: (c, params) => {
      const pushes = cloud.pushes(adminKey(params))
      return renderSuccess(c, params, 'mockPushes', { count: pushes.length }, { pushes })
    },
  })
}
