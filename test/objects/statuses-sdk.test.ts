import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { describe, expect, it } from 'vitest'
import { startServer } from '../support/client.js'
import { outcome } from '../support/titanium.js'
import { ok, refused } from '../support/arrowdb-calls.js'
import { ids } from '../support/fixture-s.js'

/** Statuses end to end over real HTTP: the `arrowdb` SDK (1.0.12) and the Node `Cloud` (search included). */

describe('Statuses over real HTTP', () => {
  it('the arrowdb SDK: statusesCreate → show → query → update → count → remove, and the texts of its refusals', async () => {
    const { server } = await startServer()
    try {
      const app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
      await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
      expect((await refused(app, 'statusesCreate', {})).statusCode).toBe(400)
      const made = await ok(app, 'statusesCreate', { message: 'Hello', custom_fields: { score: 1 } })
      expect(made.body.meta.method_name).toBe('createStatus')
      const status = made.body.response.statuses[0]
      expect((await ok(app, 'statusesShow', { status_id: status.id })).body.meta.method_name).toBe('showStatus')
      expect((await refused(app, 'statusesShow', {})).body.meta.message).toBe('Invalid status id')
      expect((await ok(app, 'statusesQuery', { where: { message: 'Hello' } })).body.response.statuses).toHaveLength(1)
      expect((await ok(app, 'statusesUpdate', { status_id: status.id, message: 'Bye', response_json_depth: 1 })).body.response.statuses[0].message).toBe('Bye')
      expect((await ok(app, 'statusesCount')).body.meta.count).toBe(1)
      expect((await refused(app, 'statusesBatchDelete')).statusCode).toBe(403)
      expect((await ok(app, 'statusesRemove', { status_id: status.id })).body.meta.method_name).toBe('deleteStatus')
      expect((await refused(app, 'statusesDelete', { status_id: status.id })).body.meta.message).toBe('Invalid status id')
    } finally {
      await server.stop()
    }
  })

  it('Cloud.Statuses: create, update, show, search (a Date as start_time), query and remove', async () => {
    const { server } = await startServer()
    try {
      const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
      await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
      const before = new Date(Date.now() - 10_000)
      const made = await outcome((cb) => Cloud.Statuses.create({ message: 'one' }, cb))
      const id = made.statuses[0].id
      expect((await outcome((cb) => Cloud.Statuses.update({ status_id: id, message: 'uno' }, cb))).statuses[0].message).toBe('uno')
      expect((await outcome((cb) => Cloud.Statuses.show({ status_id: id }, cb))).statuses[0].message).toBe('uno')
      expect((await outcome((cb) => Cloud.Statuses.search({ user_id: ids.alice, start_time: before }, cb))).statuses).toHaveLength(1)
      expect((await outcome((cb) => Cloud.Statuses.query(cb))).statuses).toHaveLength(1)
      expect((await outcome((cb) => Cloud.Statuses.remove({ status_id: id }, cb))).success).toBe(true)
    } finally {
      await server.stop()
    }
  })
})
