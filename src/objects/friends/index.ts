import type { MockObject } from '../../engine/object.js'
import { friendsEndpoints } from './endpoints.js'
import { friendsFixture } from './fixture.js'
import { FRIENDSHIPS, friendshipProblem } from './record.js'
import { FriendsService } from './service.js'

/**
 * The Friends object (docs/friends.md): friend requests and their approval, read as friendships
 * (`two-way`) or follows (`one-way`) by the `friendsMode` app setting; the friend lists other
 * objects reach through the engine (PushNotifications' notify to `friends`).
 */
export const friends = {
  name: 'friends',
  title: 'Friends',
  segments: ['friends'],
  endpoints: friendsEndpoints,
  service: (context) => new FriendsService(context),
  collections: {
    owns: (name) => name === FRIENDSHIPS,
    recordProblem: (record) => friendshipProblem(record),
  },
  fixture: friendsFixture,
  friendsOf: (service, userId) => service.friendIds(userId),
} satisfies MockObject<FriendsService>
