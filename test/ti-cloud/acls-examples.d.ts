// Types of ./acls-examples.js: each runs one example of the Modules.Cloud.ACLs documentation.
export declare function createAnAcl(): void
export declare function updateAnAcl(): void
export declare function showAnAcl(): void
export declare function removeAnAcl(): void
export declare function addUserToAnAcl(): void
export declare function removeUserFromAnAcl(): void
export declare function checkUserPermissions(): void
