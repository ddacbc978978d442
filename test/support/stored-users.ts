import type { AppData } from '../../src/store/db.js'
import type { UserRecord } from '../../src/objects/users/record.js'

/** The stored users of a data set (its `users` collection), for tests that look at the store. */
export function storedUsers(data: Pick<AppData, 'collections'>): UserRecord[] {
  return (data.collections.users ?? []) as UserRecord[]
}
