import type { MockObject } from '../../engine/object.js'
import { postsEndpoints } from './endpoints.js'
import { postsFixture } from './fixture.js'
import { postRecordProblem } from './record.js'
import { POST_TYPE, PostsService } from './service.js'

/**
 * The Posts object (docs/posts.md): users' posts (content, title, tags, custom fields),
 * `/v1/posts/...`, kept in the `posts` collection; they take reviews and likes.
 */
export const posts = {
  name: 'posts',
  title: 'Posts',
  segments: ['posts'],
  endpoints: postsEndpoints,
  service: (context) => new PostsService(context),
  collections: {
    owns: (name) => name === 'posts',
    recordProblem: (record) => postRecordProblem(record),
  },
  fixture: postsFixture,
  social: { type: POST_TYPE },
  primaryPhoto: true,
} satisfies MockObject<PostsService>
