import { toWireDate } from '../../dates.js'
import { wireCustomFields } from '../../engine/custom-dates.js'
import type { PhotoCollectionRecord } from './record.js'

/** A collection as a client sees it in `response.collections`. */
export type WireCollection = Record<string, unknown>

/**
 * How many photos and subcollections a collection holds (docs/photo-collections.md "Counts"):
 * `photos` filed directly in it, `total_photos` in it and every descendant, `subcollections` its
 * direct children.
 */
export interface Counts {
  photos: number
  total_photos: number
  subcollections: number
}

/** The objects a collection's reply embeds, each when there is one. */
export interface Embedded {
  user?: Record<string, unknown> | undefined
  cover_photo?: Record<string, unknown> | undefined
  parent_collection?: Record<string, unknown> | undefined
  acls?: Record<string, unknown>[] | undefined
}

/**
 * Renders a stored collection for the wire (docs/photo-collections.md "Replies"): `id`, `name`,
 * `created_at`, `updated_at`, `counts`, then what `embedded` gives (`user`, `cover_photo`,
 * `parent_collection`), `custom_fields` when set and `acls` while an ACL is attached. Never
 * `user_id`, `parent_id`, `cover_photo_id` or `acl_id`.
 */
export function toWireCollection(record: PhotoCollectionRecord, counts: Counts, embedded: Embedded): WireCollection {
  const wire: WireCollection = {
    id: record.id,
    name: record.name,
    created_at: toWireDate(record.created_at),
    updated_at: toWireDate(record.updated_at),
    counts: { ...counts },
  }
  if (embedded.user !== undefined) wire.user = embedded.user
  if (embedded.cover_photo !== undefined) wire.cover_photo = embedded.cover_photo
  if (embedded.parent_collection !== undefined) wire.parent_collection = embedded.parent_collection
  if (Object.keys(record.custom_fields).length > 0) wire.custom_fields = wireCustomFields(record.custom_fields)
  if (embedded.acls !== undefined) wire.acls = embedded.acls
  return wire
}
