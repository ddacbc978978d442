import type { Endpoint } from '../../engine/object.js'
import type { LogsService } from './service.js'

/** The Logs endpoints (docs/logs.md "Endpoints"): GET, admins only. */
export const logsEndpoints: readonly Endpoint<LogsService>[] = [
  { path: 'logs/querypushlogs', method_name: 'queryPushLogs', verbs: ['GET'], call: ({ service, params, caller }) => service.queryPushLogs(params, caller) },
  {
    path: 'logs/querypushlogdetails',
    method_name: 'queryPushLogDetails',
    verbs: ['GET'],
    call: ({ service, params, caller }) => service.queryPushLogDetails(params, caller),
  },
]
