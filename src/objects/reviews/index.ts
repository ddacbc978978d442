import type { MockObject } from '../../engine/object.js'
import { REVIEWS } from '../../engine/social.js'
import { reviewsEndpoints } from './endpoints.js'
import { reviewRecordProblem } from './record.js'
import { REVIEW_TYPE, ReviewsService } from './service.js'

/**
 * The Reviews object (docs/reviews.md): reviews, comments and ratings of other objects,
 * `/v1/reviews/...`, kept in the `reviews` collection; reviews are themselves reviewed and liked.
 */
export const reviews = {
  name: 'reviews',
  title: 'Reviews',
  segments: ['reviews'],
  endpoints: reviewsEndpoints,
  service: (context) => new ReviewsService(context),
  collections: {
    owns: (name) => name === REVIEWS,
    recordProblem: (record) => reviewRecordProblem(record),
  },
  social: { type: REVIEW_TYPE },
} satisfies MockObject<ReviewsService>
