import { queryCustomFields } from './custom-dates.js'
import type { UserRecord } from './record.js'

/**
 * The document a `where`, `order` or `$text` sees for a user: custom fields
 * flattened to the top level and addressed by bare name, built-in fields
 * winning on a name clash, dates (built-in and custom) as `Date`s, `id` also as `_id`
 * (spec §5.1 "Queryable", case B09).
 */
export function toQueryDoc(user: UserRecord): Record<string, unknown> {
  const doc = queryCustomFields(user.custom_fields)
  doc.id = user.id
  doc._id = user.id
  doc.created_at = new Date(user.created_at)
  doc.updated_at = new Date(user.updated_at)
  doc.admin = user.admin
  for (const field of ['username', 'email', 'first_name', 'last_name', 'role', 'tags'] as const) {
    if (user[field] === undefined) delete doc[field]
    else doc[field] = user[field]
  }
  if (user.confirmed_at === undefined) delete doc.confirmed_at
  else doc.confirmed_at = new Date(user.confirmed_at)
  return doc
}
