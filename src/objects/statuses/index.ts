import type { MockObject } from '../../engine/object.js'
import { statusesEndpoints } from './endpoints.js'
import { statusesFixture } from './fixture.js'
import { statusRecordProblem } from './record.js'
import { STATUS_TYPE, StatusesService } from './service.js'

/**
 * The Statuses object (docs/statuses.md): users' short messages, each tied to a place or an event
 * at most, `/v1/statuses/...`, kept in the `statuses` collection; they take reviews and likes.
 */
export const statuses = {
  name: 'statuses',
  title: 'Statuses',
  segments: ['statuses'],
  endpoints: statusesEndpoints,
  service: (context) => new StatusesService(context),
  collections: {
    owns: (name) => name === 'statuses',
    recordProblem: (record) => statusRecordProblem(record),
  },
  fixture: statusesFixture,
  social: { type: STATUS_TYPE },
  primaryPhoto: true,
} satisfies MockObject<StatusesService>
