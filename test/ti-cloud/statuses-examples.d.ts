// Types of ./statuses-examples.js: each runs one example of the Modules.Cloud.Statuses documentation.
export declare function createAStatus(): void
export declare function searchStatus(): void
export declare function queryStatus(): void
