// Types of ./posts-examples.js: each runs one example of the Modules.Cloud.Posts documentation.
export declare function createPost(): void
export declare function showAPost(): void
export declare function queryForPosts(): void
export declare function updateAPost(): void
export declare function removeAPost(): void
