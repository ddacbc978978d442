import ArrowDB from 'arrowdb'
import { beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { ok, refused } from '../support/arrowdb-calls.js'
import { ids } from '../support/fixture-s.js'
import { serversStoppedAfterEach } from '../support/servers.js'

/**
 * CustomObjects end to end through the real `arrowdb` npm SDK (1.0.12): the SDK takes
 * `classname` out of the params and puts it in the path, sends POST/PUT/DELETE params as an
 * urlencoded body (objects JSON-encoded) and GET params in the query string.
 */
describe('the arrowdb SDK drives custom objects against mock-cloud', () => {
  const start = serversStoppedAfterEach()
  let server: RunningMockCloud
  let app: ArrowDB

  beforeEach(async () => {
    ;({ server } = await start())
    app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
  })

  it('create → show → query → update ($inc, null) → count → delete → show 400', async () => {
    const anonymous = await refused(app, 'customObjectsCreate', { classname: 'cars', fields: { make: 'mini' } })
    expect(anonymous.statusCode).toBe(400)
    expect(anonymous.reason).toBe('Failed to authenticate user')

    await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
    const created = await ok(app, 'customObjectsCreate', {
      classname: 'cars',
      fields: { make: 'mini', year: 2012, drivers: ['x', 'y'], options: { leather: true }, score: 1 },
      tags: 'sdk,test',
    })
    expect(created.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createObject' })
    const car = created.body.response.cars[0]
    expect(car).toMatchObject({ make: 'mini', year: 2012, tags: ['sdk', 'test'], user: { id: ids.alice, username: 'alice' } })

    const shown = await ok(app, 'customObjectsShow', { classname: 'cars', id: car.id })
    expect(shown.body.meta.method_name).toBe('showObjects')
    expect(shown.body.response.cars).toEqual([car])

    const queried = await ok(app, 'customObjectsQuery', { classname: 'cars', where: { year: { $gte: 2000 } }, count: true })
    expect(queried.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'queryCustomObjects', count: 1 })
    expect(queried.body.response.cars.map((o: { id: string }) => o.id)).toEqual([car.id])

    const updated = await ok(app, 'customObjectsUpdate', { classname: 'cars', id: car.id, fields: { drivers: null, score: { $inc: 4 }, color: 'red' } })
    expect(updated.body.meta.method_name).toBe('updateCustomObject')
    const after = updated.body.response.cars[0]
    expect(after).toMatchObject({ make: 'mini', score: 5, color: 'red', options: { leather: true } })
    expect(after).not.toHaveProperty('drivers')

    expect((await ok(app, 'customObjectsCount', { classname: 'cars' })).body.meta).toEqual({
      code: 200,
      status: 'ok',
      method_name: 'objectsCount',
      count: 1,
    })

    const removed = await ok(app, 'customObjectsDelete', { classname: 'cars', id: car.id })
    expect(removed.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteObjects' } })
    const gone = await refused(app, 'customObjectsShow', { classname: 'cars', id: car.id })
    expect(gone.statusCode).toBe(400)
    expect(gone.reason).toBe(`Invalid object id: '${car.id}'`)
  })

  it('another user may not update or remove; the admin batch-creates, batch-deletes and drops the class', async () => {
    await ok(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })
    const car = (await ok(app, 'customObjectsCreate', { classname: 'cars', fields: { n: 1 } })).body.response.cars[0]
    await ok(app, 'usersLogout')
    await ok(app, 'usersLogin', { login: 'bob', password: 'pw-bob' })
    const update = await refused(app, 'customObjectsUpdate', { classname: 'cars', id: car.id, fields: { n: 2 } })
    expect(update.statusCode).toBe(403)
    expect(update.reason).toBe(`You do not have permission to update object ${car.id}`)
    const remove = await refused(app, 'customObjectsRemove', { classname: 'cars', id: car.id })
    expect(remove.statusCode).toBe(403)
    await ok(app, 'usersLogout')

    await ok(app, 'usersLogin', { login: 'admin', password: 'pw-admin' })
    const batch = await ok(app, 'customObjectsBatchCreate', { classname: 'cars', json_array: [{ n: 2 }, { n: 3 }] })
    expect(batch.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'batchCreate', message: '{"n"=>2, "nInserted"=>2}' })
    await ok(app, 'customObjectsBatchDelete', { classname: 'cars', where: { n: { $lt: 3 } } })
    const left = await ok(app, 'customObjectsQuery', { classname: 'cars' })
    expect(left.body.response.cars.map((o: { n: number }) => o.n)).toEqual([3])
    const dropped = await ok(app, 'customObjectsAdminDropCollection', { classname: 'cars' })
    expect(dropped.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'dropCollection' } })
    expect((await ok(app, 'customObjectsCount', { classname: 'cars' })).body.meta.count).toBe(0)
  })
})
