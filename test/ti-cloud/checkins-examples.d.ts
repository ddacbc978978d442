// Types of ./checkins-examples.js: each runs one example of the Modules.Cloud.Checkins documentation.
export declare function createACheckin(): void
export declare function queryForCheckins(): void
export declare function showCheckin(): void
export declare function removeCheckin(): void
