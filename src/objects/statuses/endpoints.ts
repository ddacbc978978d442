import { deprecatedSearch } from '../../engine/deprecated-search.js'
import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { StatusesResult, StatusesService } from './service.js'

/** An endpoint under `statuses/`, whose answer's `statuses` become `response.statuses`. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: StatusesService, given: Call<StatusesService>) => StatusesResult | Promise<StatusesResult>,
): Endpoint<StatusesService> {
  return {
    path: `statuses/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { statuses, ...rest } = await call(given.service, given)
      const result: CallResult = rest
      return statuses === undefined ? result : { ...result, response: { statuses } }
    },
  }
}

/** The Statuses endpoints (docs/statuses.md), with the verbs clients send and their method names. */
export const statusesEndpoints: readonly Endpoint<StatusesService>[] = [
  endpoint('create', 'createStatus', ['POST'], (service, { params, caller }) => service.create(params, caller)),
  endpoint('show', 'showStatus', ['GET'], (service, { params, caller }) => service.show(params, caller)),
  endpoint('query', 'queryStatuses', ['GET'], (service, { params, caller }) => service.query(params, caller)),
  deprecatedSearch(endpoint('search', 'searchStatuses', ['GET'], (service, { params, caller }) => service.search(params, caller))),
  endpoint('update', 'updateStatus', ['PUT', 'POST'], (service, { params, caller }) => service.update(params, caller)),
  endpoint('delete', 'deleteStatus', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('count', 'statusesCount', ['GET'], (service) => service.count()),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, { params, caller }) => service.batchDelete(params, caller)),
]
