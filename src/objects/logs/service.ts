import { adminOnly } from '../../engine/su-id.js'
import type { CallResult, Caller, ServiceContext } from '../../engine/object.js'
import { runQuery, type QuerySource } from '../../engine/query-run.js'
import { ApiError, requiredField } from '../../errors.js'
import { isPlainObject } from '../../json.js'
import { isAbsent, jsonParam, parseBoolean, type Params } from '../../param-values.js'
import { parseLimitSkip } from '../../query/paging.js'
import { Collection } from '../../store/collection.js'
import type { StoredRecord } from '../../store/stored-record.js'
import { PUSH_LOGS, PUSH_LOG_DETAILS, type PushLogDetailRecord, type PushLogRecord } from './record.js'
import { appIdOf, pushLogDetailQueryDoc, pushLogQueryDoc, toWirePushLog, toWirePushLogDetail } from './view.js'

/** The order of a log query that names none: newest first. */
const NEWEST_FIRST = '-created_at'

/**
 * The rules of the Logs object (docs/logs.md): admins read the push logs and their details, newest
 * first, with `meta.more`.
 */
export class LogsService {
  private readonly logs: QuerySource<PushLogRecord>
  private readonly details: QuerySource<PushLogDetailRecord>
  private readonly appId: string

  constructor(context: ServiceContext) {
    const whereLimits = context.server.whereLimits
    this.logs = { collection: new Collection(context.dataSet, PUSH_LOGS), toQueryDoc: pushLogQueryDoc, whereLimits }
    this.details = { collection: new Collection(context.dataSet, PUSH_LOG_DETAILS), toQueryDoc: pushLogDetailQueryDoc, whereLimits }
    this.appId = appIdOf(context.dataSet.key)
  }

  /**
   * logs/querypushlogs (admins): the push logs `where` picks (all without it).
   *
   * @throws ApiError 403 without an admin's session; 400 for a query parameter it cannot read.
   */
  queryPushLogs(params: Params, caller: Caller): CallResult {
    adminOnly(caller)
    return page(params, this.logs, 'push_logs', (log) => toWirePushLog(log, this.appId))
  }

  /**
   * logs/querypushlogdetails (admins): the details of the push log `where` names by `push_id`.
   *
   * @throws ApiError 403 without an admin's session; 400 `Required field: where`,
   *   `Invalid where parameter: push_id is required`.
   */
  queryPushLogDetails(params: Params, caller: Caller): CallResult {
    adminOnly(caller)
    if (isAbsent(params.where)) throw requiredField('where')
    const where = jsonParam('where', params.where)
    if (!isPlainObject(where) || !Object.hasOwn(where, 'push_id')) throw new ApiError(400, 'Invalid where parameter: push_id is required')
    return page(params, this.details, 'push_log_details', (detail) => toWirePushLogDetail(detail, this.appId))
  }
}


/**
 * One page of a log query under `key`, newest first unless `order` says otherwise, with
 * `meta.more` (more records match than the page holds) and `meta.count` only when asked.
 */
function page<R extends StoredRecord>(params: Params, source: QuerySource<R>, key: string, wire: (record: R) => Record<string, unknown>): CallResult {
  const result = runQuery({ ...params, order: isAbsent(params.order) ? NEWEST_FIRST : params.order, count: 'true' }, source)
  const { skip } = parseLimitSkip(params)
  const { count, ...meta } = result.meta
  const more = typeof count === 'number' ? skip + result.records.length < count : true
  return {
    response: { [key]: result.records.map((record) => result.select(wire(record))) },
    meta: { ...meta, more, ...(parseBoolean(params.count) && { count }) },
  }
}
