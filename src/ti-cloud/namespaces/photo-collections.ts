import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.PhotoCollections` (docs/photo-collections.md): create, show, update and remove a photo
 * album (`collection_id` names it), search a user's top-level albums (`user_id`), and list an
 * album's photos (`showPhotos`, answered under `photos`) or its subcollections
 * (`showSubcollections`), as ti.cloud has them.
 */
export const PhotoCollections = {
  create: { verb: 'POST', path: 'collections/create.json', args: 'data' },
  show: { verb: 'GET', path: 'collections/show.json', args: 'data' },
  update: { verb: 'PUT', path: 'collections/update.json', args: 'data' },
  search: { verb: 'GET', path: 'collections/search.json', args: 'data' },
  showSubcollections: { verb: 'GET', path: 'collections/show/subcollections.json', args: 'data' },
  showPhotos: { verb: 'GET', path: 'collections/show/photos.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'collections/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.PhotoCollections` as a type: each method of {@link PhotoCollections} with the arguments its shape takes. */
export type CloudPhotoCollections = Calls<typeof PhotoCollections>
