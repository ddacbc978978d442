import { deprecatedSearch } from '../../engine/deprecated-search.js'
import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { PlacesResult, PlacesService } from './service.js'

/** An endpoint under `places/`, whose answer's `places` become `response.places`. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: PlacesService, given: Call<PlacesService>) => PlacesResult | Promise<PlacesResult>,
): Endpoint<PlacesService> {
  return {
    path: `places/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { places, ...rest } = await call(given.service, given)
      const result: CallResult = rest
      return places === undefined ? result : { ...result, response: { places } }
    },
  }
}

/** The Places endpoints (docs/places.md), with the verbs clients send and their method names. */
export const placesEndpoints: readonly Endpoint<PlacesService>[] = [
  endpoint('create', 'createPlace', ['POST'], (service, { params, caller }) => service.create(params, caller)),
  endpoint('show', 'showPlace', ['GET'], (service, { params, caller }) => service.show(params, caller)),
  // The 2011 REST guide's form: the id in the path.
  endpoint('show/:place_id', 'showPlace', ['GET'], (service, { params, caller, path }) => service.show({ ...params, place_id: path.place_id }, caller)),
  endpoint('update', 'updatePlace', ['PUT', 'POST'], (service, { params, caller }) => service.update(params, caller)),
  endpoint('delete', 'deletePlace', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('query', 'queryPlaces', ['GET'], (service, { params, caller }) => service.query(params, caller)),
  deprecatedSearch(endpoint('search', 'searchPlace', ['GET'], (service, { params, caller }) => service.search(params, caller))),
  endpoint('count', 'placesCount', ['GET'], (service) => service.count()),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, { params, caller }) => service.batchDelete(params, caller)),
]
