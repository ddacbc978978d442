import { queryCustomFields } from '../../engine/custom-dates.js'
import type { UserRecord } from './record.js'

import type { QueryDoc } from '../../engine/query-run.js'
import { perRecord } from '../../store/per-record.js'

export type { QueryDoc }

/**
 * The document a `where`, `order` or `$text` sees for a user: custom fields
 * flattened to the top level and addressed by bare name, built-in fields
 * winning on a name clash, dates (built-in and custom) as `Date`s, `id` also as `_id`
 * (docs/api.md "Queries").
 *
 * The doc is cached per record and shared by every query that reads it: read it, never change it
 * (nor its `Date`s).
 *
 * @example
 * toQueryDoc(user).age // a custom field, by its bare name
 * toQueryDoc(user) === toQueryDoc(user) // true: made once per stored record
 */
export const toQueryDoc = perRecord((user: UserRecord): QueryDoc => {
  return buildQueryDoc(user)
})

function buildQueryDoc(user: UserRecord): QueryDoc {
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
