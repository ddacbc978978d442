// Types of ./chats-examples.js: each runs one example of the Modules.Cloud.Chats documentation.
export declare function createChatMessage(): void
export declare function queryForChatMessage(): void
