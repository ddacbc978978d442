import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Posts` (docs/posts.md): create, show, query, update and remove as ti.cloud has them;
 * show, update and remove name the post by `post_id`; query takes the usual query parameters.
 */
export const Posts = {
  create: { verb: 'POST', path: 'posts/create.json', args: 'data' },
  show: { verb: 'GET', path: 'posts/show.json', args: 'data' },
  query: { verb: 'GET', path: 'posts/query.json', args: 'optional' },
  update: { verb: 'PUT', path: 'posts/update.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'posts/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Posts` as a type: each method of {@link Posts} with the arguments its shape takes. */
export type CloudPosts = Calls<typeof Posts>
