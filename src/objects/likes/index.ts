import type { MockObject } from '../../engine/object.js'
import { LIKES } from '../../engine/social.js'
import { likesEndpoints } from './endpoints.js'
import { likeRecordProblem } from './record.js'
import { LikesService } from './service.js'

/**
 * The Likes object (docs/likes.md): a user's like of another object, `/v1/likes/...`, kept in the
 * `likes` collection; the liked object shows its `likes_count`.
 */
export const likes = {
  name: 'likes',
  title: 'Likes',
  segments: ['likes'],
  endpoints: likesEndpoints,
  service: (context) => new LikesService(context),
  collections: {
    owns: (name) => name === LIKES,
    recordProblem: (record) => likeRecordProblem(record),
  },
} satisfies MockObject<LikesService>
