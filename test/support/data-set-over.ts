import type { DataSet } from '../../src/data-set.js'
import type { AppData } from '../../src/store/db.js'

/**
 * A data set over `holder.data`, for tests of the collection below the service:
 * a test replaces `holder.data` as a reset or a snapshot put back does in
 * `DataSets`. No runtime (the collection needs none) and no file.
 */
export function dataSetOver(holder: { data: AppData }): DataSet {
  return {
    key: 'K',
    get data() {
      return holder.data
    },
    runtime: undefined as never,
    write: async () => {},
  }
}
