import type { Endpoint } from '../../engine/object.js'
import type { AclsService } from './service.js'

const endpoint = (
  name: string,
  method_name: string,
  verbs: readonly string[],
  call: Endpoint<AclsService>['call'],
): Endpoint<AclsService> => ({ path: `acls/${name}`, method_name, verbs, call })

/** The ACLs endpoints (docs/acls.md), with the verbs clients send and the real method names. */
export const aclsEndpoints: readonly Endpoint<AclsService>[] = [
  endpoint('create', 'createAcl', ['POST'], ({ service, params, caller }) => service.create(params, caller)),
  endpoint('show', 'showAcl', ['GET'], ({ service, params, caller }) => service.show(params, caller)),
  endpoint('update', 'updateAcl', ['PUT', 'POST'], ({ service, params, caller }) => service.update(params, caller)),
  endpoint('delete', 'deleteAcl', ['DELETE'], ({ service, params, caller }) => service.delete(params, caller)),
  endpoint('add', 'addAcl', ['POST'], ({ service, params, caller }) => service.add(params, caller)),
  endpoint('remove', 'removeAcl', ['DELETE'], ({ service, params, caller }) => service.remove(params, caller)),
  endpoint('check', 'checkAcl', ['GET'], ({ service, params, caller }) => service.check(params, caller)),
  endpoint('query', 'queryACL', ['GET'], ({ service, params, caller }) => service.query(params, caller)),
  endpoint('count', 'aclsCount', ['GET'], ({ service }) => service.count()),
]
