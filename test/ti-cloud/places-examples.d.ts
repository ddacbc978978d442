// Types of ./places-examples.js: each runs one example of the Modules.Cloud.Places documentation.
export declare function createPlace(): void
export declare function showAPlace(): void
export declare function searchForPlaces(): void
export declare function queryForPlaces(): void
export declare function updateAPlace(): void
export declare function removeAPlace(): void
