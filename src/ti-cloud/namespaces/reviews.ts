import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Reviews` (docs/reviews.md): create, show, query, update and remove as ti.cloud has them;
 * create and update name the reviewed object (`post_id`, `user_object_id`, ...), show, update and
 * remove the review by `review_id`; query takes its data (ti.cloud has no optional form for it).
 */
export const Reviews = {
  create: { verb: 'POST', path: 'reviews/create.json', args: 'data' },
  show: { verb: 'GET', path: 'reviews/show.json', args: 'data' },
  query: { verb: 'GET', path: 'reviews/query.json', args: 'data' },
  update: { verb: 'PUT', path: 'reviews/update.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'reviews/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Reviews` as a type: each method of {@link Reviews} with the arguments its shape takes. */
export type CloudReviews = Calls<typeof Reviews>
