import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Events` (docs/events.md): create, show, update and remove name an event by `event_id`;
 * showOccurrences lists one event's occurrences; query and queryOccurrences take the usual query
 * parameters; search and searchOccurrences (deprecated) take `q`, `place_id`, `user_id`, a point
 * and `start_time` (and `end_time`).
 */
export const Events = {
  create: { verb: 'POST', path: 'events/create.json', args: 'data' },
  show: { verb: 'GET', path: 'events/show.json', args: 'data' },
  showOccurrences: { verb: 'GET', path: 'events/show/occurrences.json', args: 'data' },
  query: { verb: 'GET', path: 'events/query.json', args: 'optional' },
  queryOccurrences: { verb: 'GET', path: 'events/query/occurrences.json', args: 'optional' },
  search: { verb: 'GET', path: 'events/search.json', args: 'optional' },
  searchOccurrences: { verb: 'GET', path: 'events/search/occurrences.json', args: 'optional' },
  update: { verb: 'PUT', path: 'events/update.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'events/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Events` as a type: each method of {@link Events} with the arguments its shape takes. */
export type CloudEvents = Calls<typeof Events>
