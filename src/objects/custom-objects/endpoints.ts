import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { CustomObjectsResult, CustomObjectsService } from './service.js'

/**
 * An endpoint under `objects/:classname/`, whose answer's `objects` become `response.<classname>`,
 * the class name exactly as the path wrote it.
 */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: CustomObjectsService, classname: string, given: Call<CustomObjectsService>) => CustomObjectsResult | Promise<CustomObjectsResult>,
): Endpoint<CustomObjectsService> {
  return {
    path: `objects/:classname/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const classname = given.path.classname ?? ''
      const { objects, ...rest }: CustomObjectsResult = await call(given.service, classname, given)
      const result: CallResult = rest
      return objects === undefined ? result : { ...result, response: { [classname]: objects } }
    },
  }
}

/** The CustomObjects endpoints (docs/custom-objects.md), with the verbs clients send and their method names. */
export const customObjectsEndpoints: readonly Endpoint<CustomObjectsService>[] = [
  endpoint('create', 'createObject', ['POST'], (service, classname, { params, caller }) => service.create(classname, params, caller)),
  endpoint('batch_create', 'batchCreate', ['POST'], (service, classname, { params, caller }) => service.batchCreate(classname, params, caller)),
  endpoint('show', 'showObjects', ['GET'], (service, classname, { params, caller }) => service.show(classname, params, caller)),
  endpoint('query', 'queryCustomObjects', ['GET'], (service, classname, { params, caller }) => service.query(classname, params, caller)),
  endpoint('update', 'updateCustomObject', ['PUT', 'POST'], (service, classname, { params, caller }) => service.update(classname, params, caller)),
  endpoint('delete', 'deleteObjects', ['DELETE'], (service, classname, { params, caller }) => service.delete(classname, params, caller)),
  endpoint('count', 'objectsCount', ['GET'], (service, classname) => service.count(classname)),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, classname, { params, caller }) => service.batchDelete(classname, params, caller)),
  endpoint('admin_drop_collection', 'dropCollection', ['DELETE'], (service, classname, { caller }) => service.dropCollection(classname, caller)),
]
