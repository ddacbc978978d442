import type { Call, CallResult, Endpoint } from '../../engine/object.js'
import type { ReviewsResult, ReviewsService } from './service.js'

/** An endpoint under `reviews/`, whose answer's `reviews` become `response.reviews`. */
function endpoint(
  method: string,
  method_name: string,
  verbs: readonly string[],
  call: (service: ReviewsService, given: Call<ReviewsService>) => ReviewsResult | Promise<ReviewsResult>,
): Endpoint<ReviewsService> {
  return {
    path: `reviews/${method}`,
    method_name,
    verbs,
    call: async (given) => {
      const { reviews, ...rest } = await call(given.service, given)
      const result: CallResult = rest
      return reviews === undefined ? result : { ...result, response: { reviews } }
    },
  }
}

/** The Reviews endpoints (docs/reviews.md), with the verbs clients send and their method names. */
export const reviewsEndpoints: readonly Endpoint<ReviewsService>[] = [
  endpoint('create', 'createReview', ['POST'], (service, { params, caller }) => service.create(params, caller)),
  endpoint('show', 'showReview', ['GET'], (service, { params, caller }) => service.show(params, caller)),
  endpoint('query', 'queryReviews', ['GET'], (service, { params, caller }) => service.query(params, caller)),
  endpoint('update', 'updateReview', ['PUT', 'POST'], (service, { params, caller }) => service.update(params, caller)),
  endpoint('delete', 'deleteReview', ['DELETE'], (service, { params, caller }) => service.delete(params, caller)),
  endpoint('count', 'reviewsCount', ['GET'], (service) => service.count()),
  endpoint('batch_delete', 'batchDelete', ['DELETE'], (service, { params, caller }) => service.batchDelete(params, caller)),
]
