import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Likes` (docs/likes.md): create and remove as ti.cloud has them (it has no query), each
 * naming the liked object (`post_id`, `user_id`, `custom_object_id`, ...).
 */
export const Likes = {
  create: { verb: 'POST', path: 'likes/create.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'likes/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Likes` as a type: each method of {@link Likes} with the arguments its shape takes. */
export type CloudLikes = Calls<typeof Likes>
