// Types of ./objects-examples.js: each runs one example of the Modules.Cloud.Objects documentation.
export declare function createCustomObject(): void
export declare function updateCustomObject(): void
export declare function removeCustomObject(): void
