import { signedInAdmin } from './su-id.js'
import type { DataSet } from '../data-set.js'
import type { Params } from '../param-values.js'
import { compileWhere } from '../query/where.js'
import type { Collection } from '../store/collection.js'
import type { StoredRecord } from '../store/stored-record.js'
import type { Caller, Principal } from './object.js'
import { scanMatching, type QuerySource } from './query-run.js'

/**
 * `<object>/batch_delete` as every object answers it (docs/api.md "Queries" for `where`): for app
 * admins only, removes from `collection` the records `where` matches among those `source` lists
 * (every record without `where`), then stores the data set. The reply is meta only.
 *
 * @param source - the object's query source as seen by the admin (its read rule, its query documents).
 * @throws ApiError 400 `Failed to authenticate user` without a session; 403 `You are not
 *   authorized to perform this action.` for a caller who is not an admin; the refusals of a bad
 *   `where` (`compileWhere`).
 *
 * @example
 * await batchDelete(params, caller, this.posts, (admin) => this.querySource(admin), this.dataSet)
 */
export async function batchDelete<R extends StoredRecord>(
  params: Params,
  caller: Caller,
  collection: Pick<Collection<R>, 'remove'>,
  source: (admin: Principal) => QuerySource<R>,
  dataSet: Pick<DataSet, 'write'>,
): Promise<void> {
  const from = source(signedInAdmin(caller))
  const matching = scanMatching(from, compileWhere(params.where, from.whereLimits))
  collection.remove(new Set(matching.map((record) => record.id)))
  await dataSet.write()
}
