import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { CheckinsResult, CheckinsService } from './service.js'

/** An endpoint under `checkins/`, whose answer's `checkins` become `response.checkins`. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: CheckinsService, given: Call<CheckinsService>) => CheckinsResult | Promise<CheckinsResult>,
): Endpoint<CheckinsService> {
  return {
    path: `checkins/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { checkins, ...rest } = await call(given.service, given)
      const result: CallResult = rest
      return checkins === undefined ? result : { ...result, response: { checkins } }
    },
  }
}

/** The Checkins endpoints (docs/checkins.md), with the verbs clients send and their method names. */
export const checkinsEndpoints: readonly Endpoint<CheckinsService>[] = [
  endpoint('create', 'createCheckin', ['POST'], (service, { params, caller }) => service.create(params, caller)),
  endpoint('show', 'showCheckins', ['GET'], (service, { params, caller }) => service.show(params, caller)),
  // The arrowdb SDK updates by POST, the MBS SDKs by PUT.
  endpoint('update', 'updateCheckin', ['PUT', 'POST'], (service, { params, caller }) => service.update(params, caller)),
  endpoint('delete', 'deleteCheckin', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('query', 'queryCheckins', ['GET'], (service, { params, caller }) => service.query(params, caller)),
  endpoint('count', 'checkinsCount', ['GET'], (service) => service.count()),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, { params, caller }) => service.batchDelete(params, caller)),
]
