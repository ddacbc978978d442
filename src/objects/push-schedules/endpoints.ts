import type { Endpoint } from '../../engine/object.js'
import type { PushSchedulesService } from './service.js'

/** The endpoints under one prefix: update by PUT (node SDK) and POST (MBS SDKs). */
function under(prefix: string): Endpoint<PushSchedulesService>[] {
  return [
    { path: `${prefix}/create`, method_name: 'createPushSchedule', verbs: ['POST'], call: ({ service, params, caller }) => service.create(params, caller) },
    { path: `${prefix}/query`, method_name: 'queryPushSchedules', verbs: ['GET'], call: ({ service, params, caller }) => service.query(params, caller) },
    { path: `${prefix}/update`, method_name: 'updatePushSchedule', verbs: ['PUT', 'POST'], call: ({ service, params, caller }) => service.update(params, caller) },
    { path: `${prefix}/delete`, method_name: 'deletePushSchedules', verbs: ['DELETE'], call: ({ service, params, caller }) => service.delete(params, caller) },
  ]
}

/**
 * The PushSchedules endpoints (docs/push-schedules.md "Endpoints"), under `push_schedules` (node
 * SDK, ti.cloud) and `push_schedule` (MBS SDKs) alike.
 */
export const pushSchedulesEndpoints: readonly Endpoint<PushSchedulesService>[] = [...under('push_schedules'), ...under('push_schedule')]
