import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Statuses` (docs/statuses.md): create, update, show, search, query and remove as ti.cloud
 * has them; show, update and remove name the status by `status_id`; search (deprecated) takes
 * `user_id`, `start_time` and `q`.
 */
export const Statuses = {
  create: { verb: 'POST', path: 'statuses/create.json', args: 'data' },
  update: { verb: 'PUT', path: 'statuses/update.json', args: 'data' },
  show: { verb: 'GET', path: 'statuses/show.json', args: 'data' },
  search: { verb: 'GET', path: 'statuses/search.json', args: 'data' },
  query: { verb: 'GET', path: 'statuses/query.json', args: 'optional' },
  remove: { verb: 'DELETE', path: 'statuses/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Statuses` as a type: each method of {@link Statuses} with the arguments its shape takes. */
export type CloudStatuses = Calls<typeof Statuses>
