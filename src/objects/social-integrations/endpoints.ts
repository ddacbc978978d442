import type { Endpoint } from '../../engine/object.js'
import type { SocialIntegrationsService } from './service.js'

/**
 * The SocialIntegrations endpoint of its own (docs/social-integrations.md "Endpoints"), on both
 * paths clients send: ti.cloud's `social/...` and the arrowdb SDK's `users/...`. The external
 * account endpoints are Users'.
 */
export const socialIntegrationsEndpoints: readonly Endpoint<SocialIntegrationsService>[] = ['social', 'users'].map((segment) => ({
  path: `${segment}/facebook/search_friends`,
  method_name: 'searchFacebookFriends',
  verbs: ['GET'],
  call: ({ service, caller }) => service.searchFriends(caller),
}))
