// Types of ./friends-examples.js: each runs one example of the Modules.Cloud.Friends documentation.
export declare function addAFriend(): void
export declare function showFriendRequests(): void
export declare function approveFriendRequests(): void
export declare function removeFriends(): void
export declare function searchForFriends(): void
