import type { MockObject } from '../../engine/object.js'
import { eventsEndpoints } from './endpoints.js'
import { EVENTS, eventRecordProblem } from './record.js'
import { EventsService } from './service.js'

/**
 * The Events object (docs/events.md): events users create, `/v1/events/...`, kept in the `events`
 * collection, with their occurrences worked out from each event's start and recurrence at every read.
 */
export const events = {
  name: 'events',
  title: 'Events',
  segments: ['events'],
  endpoints: eventsEndpoints,
  service: (context) => new EventsService(context),
  collections: {
    owns: (name) => name === EVENTS,
    recordProblem: (record) => eventRecordProblem(record),
  },
  social: { type: 'Event' },
  primaryPhoto: true,
} satisfies MockObject<EventsService>
