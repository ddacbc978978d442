import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Objects` (docs/custom-objects.md): custom objects. Every call needs `data.classname`,
 * which becomes the path's class (`objects/cars/create.json`) and the reply's key (`e.cars`), and
 * is not sent as a parameter (ti.cloud has no count or batch calls).
 */
export const Objects = {
  create: { verb: 'POST', path: 'objects/:classname/create.json', args: 'classname' },
  show: { verb: 'GET', path: 'objects/:classname/show.json', args: 'classname' },
  update: { verb: 'PUT', path: 'objects/:classname/update.json', args: 'classname' },
  remove: { verb: 'DELETE', path: 'objects/:classname/delete.json', args: 'classname' },
  query: { verb: 'GET', path: 'objects/:classname/query.json', args: 'classname' },
} as const satisfies Namespace

/** `Cloud.Objects` as a type: each method of {@link Objects} with the arguments its shape takes. */
export type CloudObjects = Calls<typeof Objects>
