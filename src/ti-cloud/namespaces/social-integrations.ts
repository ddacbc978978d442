import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.SocialIntegrations`: external accounts (ti.cloud puts these calls under `users/`,
 * docs/users.md "External accounts") and Facebook friends from the fixture's friend graph
 * (docs/social-integrations.md).
 */
export const SocialIntegrations = {
  externalAccountLogin: { verb: 'POST', path: 'users/external_account_login.json', args: 'data' },
  externalAccountLink: { verb: 'POST', path: 'users/external_account_link.json', args: 'data' },
  externalAccountUnlink: { verb: 'DELETE', path: 'users/external_account_unlink.json', args: 'data' },
  searchFacebookFriends: { verb: 'GET', path: 'social/facebook/search_friends.json', args: 'optional' },
} as const satisfies Namespace

/** `Cloud.SocialIntegrations` as a type: each method of {@link SocialIntegrations} with the arguments its shape takes. */
export type CloudSocialIntegrations = Calls<typeof SocialIntegrations>
