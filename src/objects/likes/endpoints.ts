import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { LikesResult, LikesService } from './service.js'

/** An endpoint under `likes/`, whose answer's `likes` become `response.likes`. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: LikesService, given: Call<LikesService>) => LikesResult | Promise<LikesResult>,
): Endpoint<LikesService> {
  return {
    path: `likes/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { likes, ...rest } = await call(given.service, given)
      const result: CallResult = rest
      return likes === undefined ? result : { ...result, response: { likes } }
    },
  }
}

/** The Likes endpoints (docs/likes.md), with the verbs clients send and their method names. */
export const likesEndpoints: readonly Endpoint<LikesService>[] = [
  endpoint('create', 'createLike', ['POST'], (service, { params, caller }) => service.create(params, caller)),
  endpoint('delete', 'deleteLike', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('query', 'queryLikes', ['GET'], (service, { params, caller }) => service.query(params, caller)),
]
