/**
 * The namespaces of the `Cloud` object, one file each: every export of a file is a table whose
 * name is the namespace (`Cloud.Users`) and whose keys are its methods, and the type derived from
 * it (`CloudUsers`). `createCloud` binds every table listed here, and the `Cloud` type holds one
 * member per table (src/ti-cloud/types.ts). Adding a namespace is its file and one line here
 * (docs/architecture.md "Adding an object").
 */
export * from './users.js'
export * from './social-integrations.js'
export * from './key-values.js'
export * from './objects.js'
export * from './acls.js'
export * from './emails.js'
export * from './geolocation.js'
export * from './geo-fences.js'
export * from './files.js'
export * from './photos.js'
export * from './photo-collections.js'
export * from './push-notifications.js'
export * from './push-schedules.js'
export * from './places.js'
export * from './friends.js'
export * from './posts.js'
export * from './reviews.js'
export * from './events.js'
export * from './chats.js'
export * from './likes.js'
export * from './messages.js'
export * from './checkins.js'
export * from './statuses.js'
