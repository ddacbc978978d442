import type { MockObject } from '../../engine/object.js'
import { socialIntegrationsEndpoints } from './endpoints.js'
import { facebookFriendsFixture } from './fixture.js'
import { FACEBOOK_FRIENDS, facebookFriendsProblem } from './record.js'
import { SocialIntegrationsService } from './service.js'

/**
 * The SocialIntegrations object's own endpoint (docs/social-integrations.md): the caller's Facebook
 * friends among the app's users, from the fixture's fake friend graph. Its external account
 * endpoints live under `users/` and are served by Users.
 */
export const socialIntegrations = {
  name: 'social-integrations',
  title: 'SocialIntegrations',
  segments: ['social/facebook', 'users/facebook'],
  endpoints: socialIntegrationsEndpoints,
  service: (context) => new SocialIntegrationsService(context),
  collections: {
    owns: (name) => name === FACEBOOK_FRIENDS,
    recordProblem: (record) => facebookFriendsProblem(record),
  },
  fixture: facebookFriendsFixture,
} satisfies MockObject<SocialIntegrationsService>
