import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { PhotosResult, PhotosService } from './service.js'

/** An endpoint under `photos/`, whose answer's `photos` become `response.photos`. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: PhotosService, given: Call<PhotosService>, origin: string) => PhotosResult | Promise<PhotosResult>,
): Endpoint<PhotosService> {
  return {
    path: `photos/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { photos, ...rest } = await call(given.service, given, given.origin ?? '')
      const result: CallResult = rest
      return photos === undefined ? result : { ...result, response: { photos } }
    },
  }
}

/** The Photos endpoints (docs/photos.md), with the verbs clients send and their method names. */
export const photosEndpoints: readonly Endpoint<PhotosService>[] = [
  endpoint('create', 'createPhoto', ['POST'], (service, { params, caller }, origin) => service.create(params, caller, origin)),
  endpoint('show', 'showPhoto', ['GET'], (service, { params, caller }, origin) => service.show(params, caller, origin)),
  endpoint('query', 'queryPhoto', ['GET'], (service, { params, caller }, origin) => service.query(params, caller, origin)),
  endpoint('search', 'searchPhotos', ['GET'], (service, { params, caller }, origin) => service.search(params, caller, origin)),
  endpoint('update', 'updatePhoto', ['PUT'], (service, { params, caller }, origin) => service.update(params, caller, origin)),
  endpoint('delete', 'deletePhoto', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('count', 'photosCount', ['GET'], (service) => service.count()),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, { params, caller }) => service.batchDelete(params, caller)),
]
