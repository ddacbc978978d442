import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Places` (docs/places.md): create, show, update and remove name a place by `place_id`;
 * query takes the usual query parameters (a `where` with `$nearSphere` on `lnglat`); search (the
 * deprecated keyword and distance search) takes `q`, `latitude`, `longitude`, `distance`.
 */
export const Places = {
  create: { verb: 'POST', path: 'places/create.json', args: 'data' },
  search: { verb: 'GET', path: 'places/search.json', args: 'optional' },
  show: { verb: 'GET', path: 'places/show.json', args: 'data' },
  update: { verb: 'PUT', path: 'places/update.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'places/delete.json', args: 'data' },
  query: { verb: 'GET', path: 'places/query.json', args: 'optional' },
} as const satisfies Namespace

/** `Cloud.Places` as a type: each method of {@link Places} with the arguments its shape takes. */
export type CloudPlaces = Calls<typeof Places>
