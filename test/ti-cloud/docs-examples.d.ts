// Types of ./docs-examples.js: each runs one example of the Modules.Cloud.Users documentation.
export declare function createUser(): void
export declare function logInUser(): void
export declare function showUser(): void
export declare function showCurrentUser(): void
export declare function searchForUsers(): void
export declare function queryForUsers(): void
export declare function updateUser(): void
export declare function logoutUser(): void
export declare function removeUser(): void
export declare function requestResetPasswordUser(): void
