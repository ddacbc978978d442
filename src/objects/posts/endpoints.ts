import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { PostsResult, PostsService } from './service.js'

/** An endpoint under `posts/`, whose answer's `posts` become `response.posts`. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: PostsService, given: Call<PostsService>) => PostsResult | Promise<PostsResult>,
): Endpoint<PostsService> {
  return {
    path: `posts/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { posts, ...rest } = await call(given.service, given)
      const result: CallResult = rest
      return posts === undefined ? result : { ...result, response: { posts } }
    },
  }
}

/**
 * The Posts endpoints (docs/posts.md), with the verbs clients send (the arrowdb SDK updates with
 * POST, ti.cloud with PUT) and their method names.
 */
export const postsEndpoints: readonly Endpoint<PostsService>[] = [
  endpoint('create', 'createPost', ['POST'], (service, { params, caller }) => service.create(params, caller)),
  endpoint('show', 'showPosts', ['GET'], (service, { params, caller }) => service.show(params, caller)),
  endpoint('query', 'queryPosts', ['GET'], (service, { params, caller }) => service.query(params, caller)),
  endpoint('update', 'updatePost', ['PUT', 'POST'], (service, { params, caller }) => service.update(params, caller)),
  endpoint('delete', 'deletePost', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('count', 'postsCount', ['GET'], (service) => service.count()),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, { params, caller }) => service.batchDelete(params, caller)),
]
