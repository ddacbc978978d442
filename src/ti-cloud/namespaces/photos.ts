import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Photos` (docs/photos.md): create and update take the image as `photo` (a `Blob` or bytes,
 * sent as multipart, as Titanium sends a `Ti.Filesystem.File` or a `Ti.Blob`); show, remove and
 * update name it by `photo_id`; query takes the usual query parameters, search `q` and `user_id`.
 */
export const Photos = {
  create: { verb: 'POST', path: 'photos/create.json', args: 'data' },
  query: { verb: 'GET', path: 'photos/query.json', args: 'optional' },
  search: { verb: 'GET', path: 'photos/search.json', args: 'data' },
  show: { verb: 'GET', path: 'photos/show.json', args: 'data' },
  update: { verb: 'PUT', path: 'photos/update.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'photos/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Photos` as a type: each method of {@link Photos} with the arguments its shape takes. */
export type CloudPhotos = Calls<typeof Photos>
