import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { PhotoCollectionsResult, PhotoCollectionsService } from './service.js'

/** An endpoint under `collections/`, whose answer's `collections` or `photos` become the response's. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: PhotoCollectionsService, given: Call<PhotoCollectionsService>, origin: string) => PhotoCollectionsResult | Promise<PhotoCollectionsResult>,
): Endpoint<PhotoCollectionsService> {
  return {
    path: `collections/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { collections, photos, meta } = await call(given.service, given, given.origin ?? '')
      const result: CallResult = meta === undefined ? {} : { meta }
      if (collections !== undefined) return { ...result, response: { collections } }
      return photos === undefined ? result : { ...result, response: { photos } }
    },
  }
}

/** The PhotoCollections endpoints (docs/photo-collections.md), with the verbs clients send and their method names. */
export const photoCollectionsEndpoints: readonly Endpoint<PhotoCollectionsService>[] = [
  endpoint('create', 'createCollection', ['POST'], (service, { params, caller }, origin) => service.create(params, caller, origin)),
  endpoint('show', 'showCollection', ['GET'], (service, { params, caller }, origin) => service.show(params, caller, origin)),
  endpoint('update', 'updateCollection', ['PUT'], (service, { params, caller }, origin) => service.update(params, caller, origin)),
  endpoint('delete', 'deleteCollection', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('search', 'searchCollections', ['GET'], (service, { params, caller }, origin) => service.search(params, caller, origin)),
  endpoint('show/photos', 'showCollectionPhotos', ['GET'], (service, { params, caller }, origin) => service.showPhotos(params, caller, origin)),
  endpoint('show/subcollections', 'showCollectionSubcollections', ['GET'], (service, { params, caller }, origin) => service.showSubcollections(params, caller, origin)),
  endpoint('query', 'queryCollections', ['GET'], (service, { params, caller }, origin) => service.query(params, caller, origin)),
  endpoint('count', 'collectionsCount', ['GET'], (service) => service.count()),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, { params, caller }) => service.batchDelete(params, caller)),
]
