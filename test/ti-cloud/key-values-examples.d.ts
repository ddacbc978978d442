// Types of ./key-values-examples.js: each runs one example of the Modules.Cloud.KeyValues documentation.
export declare function setAKeyValue(): void
export declare function getAKeyValue(): void
export declare function appendAKeyValue(): void
export declare function incrementAKeyValue(): void
export declare function removeAKeyValue(): void
