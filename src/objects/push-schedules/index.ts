import type { MockObject } from '../../engine/object.js'
import { pushSchedulesEndpoints } from './endpoints.js'
import { PUSH_SCHEDULES, pushScheduleProblem } from './record.js'
import { PushSchedulesService } from './service.js'

/**
 * The PushSchedules object (docs/push-schedules.md): pushes stored for later by admins, sent
 * into the push outbox when the server clock passes their time.
 */
export const pushSchedules = {
  name: 'push-schedules',
  title: 'PushSchedules',
  segments: ['push_schedules', 'push_schedule'],
  endpoints: pushSchedulesEndpoints,
  service: (context) => new PushSchedulesService(context),
  due: (service) => service.fireDue(),
  collections: {
    owns: (name) => name === PUSH_SCHEDULES,
    recordProblem: (record) => pushScheduleProblem(record),
  },
} satisfies MockObject<PushSchedulesService>
