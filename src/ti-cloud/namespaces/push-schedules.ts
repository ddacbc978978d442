import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.PushSchedules` (docs/push-schedules.md): create, query and remove (admins), as ti.cloud
 * has them (no update); `schedule` may be an object (sent as JSON text), `ids` one id or several.
 */
export const PushSchedules = {
  create: { verb: 'POST', path: 'push_schedules/create.json', args: 'data' },
  query: { verb: 'GET', path: 'push_schedules/query.json', args: 'optional' },
  remove: { verb: 'DELETE', path: 'push_schedules/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.PushSchedules` as a type: each method of {@link PushSchedules} with the arguments its shape takes. */
export type CloudPushSchedules = Calls<typeof PushSchedules>
