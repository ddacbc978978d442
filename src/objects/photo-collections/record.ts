import { isObjectId } from '../../ids.js'
import { recordCheck } from '../../store/db.js'
import { badCustomFields, badOptionalId } from '../../store/record-fields.js'
import type { GroupOf } from '../../store/group-index.js'
import type { StoredRecord } from '../../store/stored-record.js'

/**
 * A photo collection as mock-cloud stores it (docs/photo-collections.md "Replies" for what a client
 * sees): its owner's id, its name, the parent it was made under (a subcollection), the photo chosen
 * as its cover, its custom fields and ACL. Which photos it holds is kept on each photo
 * (`collection_id`); its counts are worked out when it is shown. Dates are ISO 8601 UTC strings.
 */
export interface PhotoCollectionRecord extends StoredRecord {
  readonly user_id: string
  readonly name: string
  /** The parent collection's id: set on a subcollection only. */
  readonly parent_id?: string
  /** The photo `cover_photo_id` named; a cover that is gone no longer counts. */
  readonly cover_photo_id?: string
  readonly custom_fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
}

/**
 * The grouping of the `photo_collections` collection (`group-index.ts`): a subcollection is filed
 * under its parent's id (`parent_id`), a top-level collection nowhere; counts, covers and
 * show/subcollections read it (docs/photo-collections.md "Counts"). The one function every
 * `Collection` of `photo_collections` that writes is opened with.
 */
export const byParent: GroupOf<PhotoCollectionRecord> = (record) => record.parent_id

/**
 * What makes a stored collection (from a data file or an import) unusable: the first field the API
 * could not render, as `field is missing or malformed`, or undefined.
 */
export const photoCollectionRecordProblem = recordCheck(fieldProblem)

function fieldProblem(record: Record<string, unknown>): string | undefined {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  if (typeof record.name !== 'string') return 'name'
  const optionalId = (['parent_id', 'cover_photo_id', 'acl_id'] as const).find(
    (name) => badOptionalId(record[name]),
  )
  if (optionalId !== undefined) return optionalId
  if (badCustomFields(record.custom_fields)) return 'custom_fields'
  return undefined
}
