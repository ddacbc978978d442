// Types of ./messages-examples.js: each runs one example of the Modules.Cloud.Messages documentation.
export declare function createMessage(): void
export declare function replyToAMessage(): void
export declare function showAMessage(): void
export declare function showInboxMessages(): void
export declare function showSentMessages(): void
export declare function showMessageThreads(): void
export declare function showThreadMessages(): void
export declare function removeAMessage(): void
export declare function removeThreadMessages(): void
