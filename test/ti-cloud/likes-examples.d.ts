// Types of ./likes-examples.js: each runs one example of the Modules.Cloud.Likes documentation.
export declare function createALike(): void
export declare function removeALike(): void
