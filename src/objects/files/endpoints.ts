import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { FilesResult, FilesService } from './service.js'

/** An endpoint under `files/`, whose answer's `files` become `response.files`. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: FilesService, given: Call<FilesService>, origin: string) => FilesResult | Promise<FilesResult>,
): Endpoint<FilesService> {
  return {
    path: `files/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { files, ...rest } = await call(given.service, given, given.origin ?? '')
      const result: CallResult = rest
      return files === undefined ? result : { ...result, response: { files } }
    },
  }
}

/** The Files endpoints (docs/files.md), with the verbs clients send and their method names. */
export const filesEndpoints: readonly Endpoint<FilesService>[] = [
  endpoint('create', 'createFile', ['POST'], (service, { params, caller }, origin) => service.create(params, caller, origin)),
  endpoint('show', 'showFile', ['GET'], (service, { params, caller }, origin) => service.show(params, caller, origin)),
  endpoint('query', 'queryFiles', ['GET'], (service, { params, caller }, origin) => service.query(params, caller, origin)),
  endpoint('update', 'updateFile', ['PUT', 'POST'], (service, { params, caller }, origin) => service.update(params, caller, origin)),
  endpoint('delete', 'deleteFile', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('count', 'filesCount', ['GET'], (service) => service.count()),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, { params, caller }) => service.batchDelete(params, caller)),
]
