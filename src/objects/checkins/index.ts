import type { MockObject } from '../../engine/object.js'
import { checkinsEndpoints } from './endpoints.js'
import { checkinsFixture } from './fixture.js'
import { CHECKINS, checkinRecordProblem } from './record.js'
import { CheckinsService } from './service.js'

/**
 * The Checkins object (docs/checkins.md): a user was at a place or at an event,
 * `/v1/checkins/...`, kept in the `checkins` collection.
 */
export const checkins = {
  name: 'checkins',
  title: 'Checkins',
  segments: ['checkins'],
  endpoints: checkinsEndpoints,
  service: (context) => new CheckinsService(context),
  collections: {
    owns: (name) => name === CHECKINS,
    recordProblem: (record) => checkinRecordProblem(record),
  },
  fixture: checkinsFixture,
  social: { type: 'Checkin' },
  primaryPhoto: true,
} satisfies MockObject<CheckinsService>
