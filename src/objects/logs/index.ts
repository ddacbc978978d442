import type { MockObject } from '../../engine/object.js'
import { logsEndpoints } from './endpoints.js'
import { pushLogsFixture } from './fixture.js'
import { PUSH_LOGS, PUSH_LOG_DETAILS, pushLogDetailProblem, pushLogProblem } from './record.js'
import { LogsService } from './service.js'

/**
 * The Logs object (docs/logs.md): the record of sent pushes and how each went out, read by admins;
 * seeded by the fixture's `push_logs` until pushes are built.
 */
export const logs = {
  name: 'logs',
  title: 'Logs',
  segments: ['logs'],
  endpoints: logsEndpoints,
  service: (context) => new LogsService(context),
  collections: {
    owns: (name) => name === PUSH_LOGS || name === PUSH_LOG_DETAILS,
    recordProblem: (record, name) => (name === PUSH_LOGS ? pushLogProblem(record) : pushLogDetailProblem(record)),
  },
  fixture: pushLogsFixture,
} satisfies MockObject<LogsService>
