import type { Endpoint } from '../../engine/object.js'
import type { KeyValuesService } from './service.js'

/**
 * The KeyValues endpoints (docs/key-values.md), with the verbs every client sends (PUT, and POST
 * for forms, on the writes) and the method names the real service answered with
 * (`queryKeyvalues` is mock-cloud's own).
 */
export const keyValuesEndpoints: readonly Endpoint<KeyValuesService>[] = [
  { path: 'keyvalues/set', method_name: 'setKeyvalue', verbs: ['PUT', 'POST'], call: ({ service, params, caller }) => service.set(params, caller) },
  { path: 'keyvalues/get', method_name: 'getKeyvalue', verbs: ['GET'], call: ({ service, params, caller }) => service.get(params, caller) },
  {
    path: 'keyvalues/append',
    method_name: 'appendKeyvalue',
    verbs: ['PUT', 'POST'],
    call: ({ service, params, caller }) => service.append(params, caller),
  },
  {
    path: 'keyvalues/incrby',
    method_name: 'incrbyKeyvalue',
    verbs: ['PUT', 'POST'],
    call: ({ service, params, caller }) => service.incrby(params, caller),
  },
  {
    path: 'keyvalues/delete',
    method_name: 'deleteKeyvalue',
    verbs: ['DELETE'],
    call: ({ service, params, caller }) => service.delete(params, caller),
  },
  { path: 'keyvalues/count', method_name: 'keyvaluesCount', verbs: ['GET'], call: ({ service }) => service.count() },
  { path: 'keyvalues/query', method_name: 'queryKeyvalues', verbs: ['GET'], call: ({ service, params }) => service.query(params) },
]
