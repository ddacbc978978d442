// Types of ./reviews-examples.js: each runs one example of the Modules.Cloud.Reviews documentation.
export declare function createReview(): void
export declare function showAReview(): void
export declare function queryForReviews(): void
export declare function updateAReview(): void
export declare function removeAReview(): void
