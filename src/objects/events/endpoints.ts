import { deprecatedSearch } from '../../engine/deprecated-search.js'
import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { EventsResult, EventsService } from './service.js'

/** An endpoint under `events/`, whose answer's `events` / `event_occurrences` become the response's. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: EventsService, given: Call<EventsService>) => EventsResult | Promise<EventsResult>,
): Endpoint<EventsService> {
  return {
    path: `events/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { events, event_occurrences, ...rest } = await call(given.service, given)
      const result: CallResult = rest
      if (events !== undefined) return { ...result, response: { events } }
      return event_occurrences === undefined ? result : { ...result, response: { event_occurrences } }
    },
  }
}

/** The Events endpoints (docs/events.md), with the verbs clients send and their method names. */
export const eventsEndpoints: readonly Endpoint<EventsService>[] = [
  endpoint('create', 'createEvent', ['POST'], (service, { params, caller }) => service.create(params, caller)),
  endpoint('show', 'showEvents', ['GET'], (service, { params, caller }) => service.show(params, caller)),
  endpoint('show/occurrences', 'showEventOccurrences', ['GET'], (service, { params, caller }) => service.showOccurrences(params, caller)),
  endpoint('update', 'updateEvent', ['PUT', 'POST'], (service, { params, caller }) => service.update(params, caller)),
  endpoint('delete', 'deleteEvent', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('query', 'queryEvents', ['GET'], (service, { params, caller }) => service.query(params, caller)),
  endpoint('query/occurrences', 'queryEventOccurrences', ['GET'], (service, { params, caller }) => service.queryOccurrences(params, caller)),
  deprecatedSearch(endpoint('search', 'searchEvents', ['GET'], (service, { params, caller }) => service.search(params, caller))),
  deprecatedSearch(endpoint('search/occurrences', 'searchEventOccurrences', ['GET'], (service, { params, caller }) => service.searchOccurrences(params, caller))),
  endpoint('count', 'eventsCount', ['GET'], (service) => service.count()),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, { params, caller }) => service.batchDelete(params, caller)),
]
