import ArrowDB from 'arrowdb'
import { describe, expect, it } from 'vitest'
import { serverForFile } from '../support/servers.js'
import { fixtureS } from '../support/fixture-s.js'
import { sdk } from '../support/arrowdb-calls.js'

/** Logs end to end through the real `arrowdb` SDK (1.0.12), as an admin, over push logs from the fixture. */

const server = serverForFile({ fixtures: { ...fixtureS, push_logs: [{ channel: 'news', payload: 'hi', devices: { android: 4 } }] } }, { resetEachTest: false })

describe('Logs through the arrowdb SDK', () => {
  it('logsQueryPushLogs then logsQueryPushLogDetails for the log found; a non-admin gets 403', async () => {
    const app = new ArrowDB('TESTKEY', { apiEntryPoint: server().url })
    expect((await sdk(app, 'logsQueryPushLogs')).err?.statusCode).toBe(403)
    await sdk(app, 'usersLogin', { login: 'admin', password: 'pw-admin' })
    const logs = await sdk(app, 'logsQueryPushLogs', { where: { channel: 'news' } })
    expect(logs.result.body.meta).toMatchObject({ method_name: 'queryPushLogs', more: false })
    const [log] = logs.result.body.response.push_logs
    const details = await sdk(app, 'logsQueryPushLogDetails', { where: { push_id: log._id } })
    expect(details.result.body.response.push_log_details).toEqual([expect.objectContaining({ push_id: log._id, device_count: 4, types: [{ android: 4, ios: 0 }] })])
  })
})
