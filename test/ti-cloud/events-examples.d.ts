// Types of ./events-examples.js: each runs one example of the Modules.Cloud.Events documentation.
export declare function createEvent(): void
export declare function showAnEvent(): void
export declare function showOccurrencesForAnEvent(): void
export declare function queryEvents(): void
export declare function queryEventOccurrences(): void
export declare function searchEvents(): void
export declare function searchEventOccurrences(): void
export declare function searchForEvents(): void
export declare function updateAnEvent(): void
export declare function removeAnEvent(): void
