import { describe, expect, it } from 'vitest'
import { OBJECTS } from '../../src/objects/index.js'
import { ids } from '../support/fixture-s.js'
import { runCommonRules, type CommonCase } from './common.case.js'

/**
 * Runs the common rules (common.case.ts) over every object of the registry. Each registered
 * object needs a case here: how to make one of its records, where it is queried, and what it
 * words differently. A registered object without a case fails "has a case".
 */

/** The eight bytes that start every PNG file. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const noSessionOutsideUsers = { code: 400, message: 'Failed to authenticate user' }

const CASES: Readonly<Record<string, CommonCase>> = {
  users: {
    responseKey: 'users',
    create: (n) => ({
      path: 'users/create',
      verb: 'POST',
      params: { username: `u${n}`, password: 'pw', password_confirmation: 'pw' },
      who: 'nobody',
    }),
    field: 'username',
    query: { path: 'users/query', who: 'nobody' },
    byId: { path: 'users/show', verb: 'GET', params: {}, param: 'user_id', who: 'nobody' },
    badId: { path: 'users/show', verb: 'GET', params: {}, param: 'user_id', who: 'nobody' },
    loginNeeded: [
      'users/show/me',
      'users/logout',
      'users/update',
      'users/delete',
      'users/batch_delete',
      'users/external_account_link',
      'users/external_account_unlink',
    ],
    noSession: { code: 401, message: 'You need to sign in or sign up before continuing.' },
  },
  acls: {
    responseKey: 'acls',
    create: (n) => ({ path: 'acls/create', verb: 'POST', params: { name: `acl${n}` }, who: 'user' }),
    field: 'name',
    // acls/query lists the caller's own ACLs.
    query: { path: 'acls/query', who: 'user' },
    byId: { path: 'acls/show', verb: 'GET', params: {}, param: 'id', who: 'user' },
    badId: { path: 'acls/show', verb: 'GET', params: {}, param: 'id', who: 'user' },
    loginNeeded: ['acls/query', 'acls/check', 'acls/update', 'acls/delete', 'acls/add', 'acls/remove'],
    noSession: noSessionOutsideUsers,
  },
  'key-values': {
    responseKey: 'keyvalues',
    create: (n) => ({ path: 'keyvalues/set', verb: 'PUT', params: { name: `k${n}`, value: `v${n}` }, who: 'user' }),
    field: 'name',
    query: { path: 'keyvalues/query', who: 'nobody' },
    // keyvalues/query shows public pairs only.
    unlisted: (n) => ({ path: 'keyvalues/set', verb: 'PUT', params: { name: `k${n}`, value: 'v', access_private: 'true' }, who: 'user' }),
    // Pairs are named, not addressed by id: the ids a call takes are users' (su_id).
    badId: { path: 'keyvalues/set', verb: 'PUT', params: { name: 'k', value: 'v' }, param: 'su_id', who: 'admin' },
    loginNeeded: ['keyvalues/append', 'keyvalues/incrby', 'keyvalues/delete'],
    noSession: noSessionOutsideUsers,
  },
  'custom-objects': {
    vars: { classname: 'cars' },
    responseKey: 'cars',
    create: (n) => ({ path: 'objects/cars/create', verb: 'POST', params: { fields: JSON.stringify({ n }) }, who: 'user' }),
    field: 'n',
    query: { path: 'objects/cars/query', who: 'nobody' },
    byId: { path: 'objects/cars/show', verb: 'GET', params: {}, param: 'id', who: 'nobody' },
    badId: { path: 'objects/cars/show', verb: 'GET', params: {}, param: 'id', who: 'nobody' },
    // admin_drop_collection refuses anyone but an admin alike, session or not (docs/custom-objects.md "Errors").
    loginNeeded: ['objects/cars/update', 'objects/cars/batch_create', 'objects/cars/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  emails: {
    // The records are email templates, which only admins manage (docs/emails.md "Templates").
    responseKey: 'email_templates',
    create: (n) => ({ path: 'email_templates/create', verb: 'POST', params: { name: `t${n}`, subject: 'Hi', body: '<p>Hi</p>' }, who: 'admin' }),
    field: 'name',
    query: { path: 'email_templates/query', who: 'admin' },
    byId: { path: 'email_templates/show', verb: 'GET', params: {}, param: 'email_template_id', who: 'admin' },
    badId: { path: 'email_templates/show', verb: 'GET', params: {}, param: 'email_template_id', who: 'admin' },
    loginNeeded: ['email_templates/update', 'email_templates/show', 'email_templates/delete', 'email_templates/query'],
    noSession: noSessionOutsideUsers,
  },
  geolocation: { endpointsOnly: 'Clients store no records: the IP table comes from the fixture' },
  logs: { endpointsOnly: 'push logs come from pushes (and fixtures), not from a call, and answer with _id and ISO dates' },
  'geo-fences': {
    responseKey: 'geo_fences',
    create: (n) => ({
      path: 'geo_fences/create',
      verb: 'POST',
      params: { geo_fence: JSON.stringify({ loc: { coordinates: [0, 0], radius: '1/6371' }, payload: n }) },
      who: 'admin',
    }),
    field: 'payload',
    query: { path: 'geo_fences/query', who: 'nobody' },
    badId: { path: 'geo_fences/update', verb: 'PUT', params: {}, param: 'id', who: 'admin' },
    loginNeeded: ['geo_fences/update', 'geo_fences/delete'],
    // Writes are for admins: without a session too, the answer is the admins' 403 (docs/geo-fences.md "Errors").
    noSession: { code: 403, message: 'You are not authorized to perform this action.' },
  },
  files: {
    responseKey: 'files',
    // A remote url makes a file without a multipart body (docs/files.md "Remote url").
    create: (n) => ({ path: 'files/create', verb: 'POST', params: { name: `f${n}`, url: `https://example.com/f${n}.txt` }, who: 'user' }),
    field: 'name',
    query: { path: 'files/query', who: 'nobody' },
    byId: { path: 'files/show', verb: 'GET', params: {}, param: 'file_id', who: 'nobody' },
    badId: { path: 'files/show', verb: 'GET', params: {}, param: 'file_id', who: 'nobody' },
    loginNeeded: ['files/update', 'files/delete', 'files/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  photos: {
    responseKey: 'photos',
    // A photo is a multipart upload whose bytes are an image (docs/photos.md "Uploading").
    create: (n) => ({ path: 'photos/create', verb: 'POST', params: { title: `p${n}`, photo: new Blob([PNG]) }, who: 'user' }),
    field: 'title',
    query: { path: 'photos/query', who: 'nobody' },
    byId: { path: 'photos/show', verb: 'GET', params: {}, param: 'photo_id', who: 'nobody' },
    badId: { path: 'photos/show', verb: 'GET', params: {}, param: 'photo_id', who: 'nobody' },
    badIdMessage: 'Invalid photo id',
    loginNeeded: ['photos/update', 'photos/delete', 'photos/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  'photo-collections': {
    responseKey: 'collections',
    create: (n) => ({ path: 'collections/create', verb: 'POST', params: { name: `c${n}` }, who: 'user' }),
    field: 'name',
    query: { path: 'collections/query', who: 'nobody' },
    byId: { path: 'collections/show', verb: 'GET', params: {}, param: 'collection_id', who: 'nobody' },
    badId: { path: 'collections/show', verb: 'GET', params: {}, param: 'collection_id', who: 'nobody' },
    badIdMessage: 'Invalid collection id',
    loginNeeded: ['collections/update', 'collections/delete', 'collections/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  places: {
    responseKey: 'places',
    create: (n) => ({ path: 'places/create', verb: 'POST', params: { name: `place${n}`, city: 'Mountain View' }, who: 'user' }),
    field: 'name',
    query: { path: 'places/query', who: 'nobody' },
    byId: { path: 'places/show', verb: 'GET', params: {}, param: 'place_id', who: 'nobody' },
    badId: { path: 'places/show', verb: 'GET', params: {}, param: 'place_id', who: 'nobody' },
    badIdMessage: 'Invalid place id',
    loginNeeded: ['places/update', 'places/delete', 'places/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  posts: {
    responseKey: 'posts',
    create: (n) => ({ path: 'posts/create', verb: 'POST', params: { content: `c${n}`, title: `t${n}` }, who: 'user' }),
    field: 'title',
    query: { path: 'posts/query', who: 'nobody' },
    byId: { path: 'posts/show', verb: 'GET', params: {}, param: 'post_id', who: 'nobody' },
    badId: { path: 'posts/show', verb: 'GET', params: {}, param: 'post_id', who: 'nobody' },
    badIdMessage: 'Invalid post id',
    loginNeeded: ['posts/update', 'posts/delete', 'posts/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  reviews: {
    responseKey: 'reviews',
    // A review is of another object (here bob); alice may review bob more than once with allow_duplicate.
    create: (n) => ({ path: 'reviews/create', verb: 'POST', params: { user_object_id: ids.bob, rating: String(n), content: `r${n}`, allow_duplicate: 'true' }, who: 'user' }),
    field: 'content',
    query: { path: 'reviews/query', who: 'nobody' },
    byId: { path: 'reviews/show', verb: 'GET', params: {}, param: 'review_id', who: 'nobody' },
    badId: { path: 'reviews/show', verb: 'GET', params: {}, param: 'review_id', who: 'nobody' },
    badIdMessage: 'Invalid review id(s)',
    loginNeeded: ['reviews/update', 'reviews/delete', 'reviews/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  events: {
    responseKey: 'events',
    create: (n) => ({ path: 'events/create', verb: 'POST', params: { name: `event${n}`, start_time: '2030-01-01T10:00:00Z' }, who: 'user' }),
    field: 'name',
    query: { path: 'events/query', who: 'nobody' },
    byId: { path: 'events/show', verb: 'GET', params: {}, param: 'event_id', who: 'nobody' },
    badId: { path: 'events/show', verb: 'GET', params: {}, param: 'event_id', who: 'nobody' },
    badIdMessage: 'Invalid event id',
    loginNeeded: ['events/update', 'events/delete', 'events/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  likes: {
    responseKey: 'likes',
    // A user likes an object once: alice's n-th like is of another user (bob, carol, dave...).
    create: (n) => ({ path: 'likes/create', verb: 'POST', params: { user_id: [ids.bob, ids.carol, ids.dave, ids.admin, ids.alice][n % 5]! }, who: 'user' }),
    field: 'likeable_id',
    // A user's likes.query lists the likes they made.
    query: { path: 'likes/query', who: 'user' },
    badId: { path: 'likes/create', verb: 'POST', params: {}, param: 'user_id', who: 'user' },
    badIdMessage: 'user not found',
    loginNeeded: ['likes/delete'],
    noSession: noSessionOutsideUsers,
  },
  checkins: {
    responseKey: 'checkins',
    // A checkin is at a place or an event: the case checks in to a place the setup makes.
    setup: { path: 'places/create', verb: 'POST', params: { name: 'HQ', city: 'Mountain View' }, who: 'user', responseKey: 'places' },
    create: (n, place) => ({ path: 'checkins/create', verb: 'POST', params: { place_id: String(place?.id), message: `m${n}` }, who: 'user' }),
    field: 'message',
    query: { path: 'checkins/query', who: 'nobody' },
    byId: { path: 'checkins/show', verb: 'GET', params: {}, param: 'checkin_id', who: 'nobody' },
    badId: { path: 'checkins/show', verb: 'GET', params: {}, param: 'checkin_id', who: 'nobody' },
    badIdMessage: 'Invalid checkin id',
    // checkins/delete without a session answers 403 Current user cannot delete this checkin (route tests).
    loginNeeded: ['checkins/update', 'checkins/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  statuses: {
    responseKey: 'statuses',
    create: (n) => ({ path: 'statuses/create', verb: 'POST', params: { message: `m${n}` }, who: 'user' }),
    field: 'message',
    query: { path: 'statuses/query', who: 'nobody' },
    byId: { path: 'statuses/show', verb: 'GET', params: {}, param: 'status_id', who: 'nobody' },
    badId: { path: 'statuses/show', verb: 'GET', params: {}, param: 'status_id', who: 'nobody' },
    badIdMessage: 'Invalid status id',
    loginNeeded: ['statuses/update', 'statuses/delete', 'statuses/batch_delete'],
    noSession: noSessionOutsideUsers,
  },
  'push-schedules': { endpointsOnly: 'the query takes name, limit and skip only (no where, order, sel or count), as the real service’s did' },
  chats: {
    // alice's chats to bob, all in one group; the query lists the chats of the caller's groups.
    responseKey: 'chats',
    create: (n) => ({ path: 'chats/create', verb: 'POST', params: { to_ids: ids.bob, message: `m${n}` }, who: 'user' }),
    field: 'message',
    query: { path: 'chats/query', who: 'user' },
    badId: { path: 'chats/delete', verb: 'DELETE', params: {}, param: 'chat_id', who: 'user' },
    badIdMessage: 'Invalid chat id',
    loginNeeded: ['chats/query', 'chats/delete', 'chats/get_chat_groups', 'chats/query_chat_groups'],
    noSession: noSessionOutsideUsers,
  },
  messages: {
    // alice's mail to bob: the query lists the caller's own copies, here her sent ones.
    responseKey: 'messages',
    create: (n) => ({ path: 'messages/create', verb: 'POST', params: { to_ids: ids.bob, body: `b${n}` }, who: 'user' }),
    field: 'body',
    query: { path: 'messages/query', who: 'user' },
    byId: { path: 'messages/show', verb: 'GET', params: {}, param: 'message_id', who: 'user' },
    badId: { path: 'messages/show', verb: 'GET', params: {}, param: 'message_id', who: 'user' },
    badIdMessage: 'Invalid message id',
    loginNeeded: ['messages/reply', 'messages/show/inbox', 'messages/show/sent', 'messages/show/thread', 'messages/show/threads', 'messages/delete', 'messages/delete/thread', 'messages/query'],
    noSession: noSessionOutsideUsers,
  },
  'social-integrations': { endpointsOnly: 'search_friends stores nothing: it reads users’ linked accounts and the fixture’s friend graph' },
  friends: { endpointsOnly: 'add, approve and remove answer meta only, and friend lists are users, whose query rules the users case runs' },
  'push-notifications': { endpointsOnly: 'subscribe answers meta only (no record to read back), and the subscriptions query always adds the paged meta' },
}

describe('the common suite covers the registry', () => {
  it.each(OBJECTS.map((object) => object.name))('object %s has a case', (name) => {
    expect(CASES[name], `object ${name} has no case in test/objects/common.test.ts`).toBeDefined()
  })

  it('every case names a registered object', () => {
    expect(Object.keys(CASES).filter((name) => !OBJECTS.some((object) => object.name === name))).toEqual([])
  })
})

for (const object of OBJECTS) {
  const objectCase = CASES[object.name]
  if (objectCase !== undefined) runCommonRules(object, objectCase)
}
