// Types of ./social-integrations-examples.js: each runs one example of the Modules.Cloud.SocialIntegrations documentation.
export declare function searchForFacebookFriends(): void
