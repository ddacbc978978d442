import { createCloud, type Cloud } from 'mock-cloud/ti-cloud'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js'
import { startServer, type Call } from '../support/client.js'
import { ids } from '../support/fixture-s.js'
import { installTitaniumGlobals, outcome, type TitaniumGlobals } from '../support/titanium.js'
import * as example from './objects-examples.js'

/**
 * `Cloud.Objects` (ti.cloud's `classnameRequiredExecutor`): `data.classname` goes into the path
 * and not into the parameters, and is put back into the app's object; then the documentation's
 * examples run as written against a mock-cloud server (docs/custom-objects.md).
 */

describe('Cloud.Objects on the wire', () => {
  let capture: CaptureServer
  let Cloud: Cloud
  beforeEach(async () => {
    capture = await startCaptureServer()
    capture.reply = () => ({ json: { meta: { code: 200, status: 'ok' } } })
    Cloud = createCloud({ url: capture.url, key: 'K' })
  })
  afterEach(() => capture.stop())

  it('puts the class in the path, leaves it out of the parameters and back in the data', async () => {
    const data = { classname: 'cars', fields: { make: 'mini' } }
    await outcome((cb) => Cloud.Objects.create(data, cb))
    expect(capture.requests.at(-1)).toMatchObject({
      method: 'POST',
      url: '/v1/objects/cars/create.json?key=K',
      body: `fields=${encodeURIComponent('{"make":"mini"}')}&suppress_response_codes=true`,
    })
    expect(data.classname).toBe('cars')
    await outcome((cb) => Cloud.Objects.remove({ classname: 'cars', ids: ['a', 'b'] }, cb))
    expect(capture.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      url: `/v1/objects/cars/delete.json?key=K&ids=${encodeURIComponent('["a","b"]')}&suppress_response_codes=true`,
    })
    await outcome((cb) => Cloud.Objects.query({ classname: 'cars', where: { a: 1 } }, cb))
    expect(capture.requests.at(-1)?.url).toBe(`/v1/objects/cars/query.json?key=K&where=${encodeURIComponent('{"a":1}')}&suppress_response_codes=true`)
    await outcome((cb) => Cloud.Objects.update({ classname: 'cars', id: 'x' }, cb))
    expect(capture.requests.at(-1)).toMatchObject({ method: 'PUT', url: '/v1/objects/cars/update.json?key=K' })
    await outcome((cb) => Cloud.Objects.show({ classname: 'cars', id: 'x' }, cb))
    expect(capture.requests.at(-1)).toMatchObject({ method: 'GET', url: '/v1/objects/cars/show.json?key=K&id=x&suppress_response_codes=true' })
  })

  it('refuses a call without a class name before sending, with ti.cloud\'s messages', () => {
    const callback = () => {}
    expect(() => Cloud.Objects.create({ fields: {} }, callback)).toThrow('Argument data.classname was not provided!')
    expect(() => Cloud.Objects.query({ classname: 5 }, callback)).toThrow(
      'Argument data.classname was an unexpected type! Expected: string, Received: number',
    )
    expect(() => (Cloud.Objects.query as unknown as (cb: unknown) => void)(callback)).toThrow('Argument data was an unexpected type!')
    expect(() => Cloud.Objects.show({ classname: 'cars' }, undefined as never)).toThrow('Argument callback was not provided!')
    expect(capture.requests).toHaveLength(0)
  })
})

describe('the Modules.Cloud.Objects examples, run as written', () => {
  let server: RunningMockCloud
  let call: Call
  let Cloud: Cloud
  let app: TitaniumGlobals
  const savedCar1: { id?: string } = {}

  beforeEach(async () => {
    ;({ server, call } = await startServer())
    Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
    app = installTitaniumGlobals(Cloud, { savedCar1 })
  })
  afterEach(async () => {
    app.remove()
    await server.stop()
  })

  const run = async (code: () => void): Promise<string[]> => (await app.run(code)).alerts

  it('create needs a login; then create, update and remove alert what the server answered', async () => {
    expect(await run(example.createCustomObject)).toEqual(['Error:\nFailed to authenticate user'])
    await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))

    const created = await run(example.createCustomObject)
    const [car] = (await call('GET', 'objects/cars/query')).body.response.cars
    savedCar1.id = car.id
    expect(car).toMatchObject({ make: 'nissan', color: 'blue', year: 2005, user: { id: ids.alice } })
    expect(created).toEqual([`Success:\nid: ${car.id}\nmake: nissan\ncolor: blue\nyear: 2005\ncreated_at: ${car.created_at}`])

    const updated = await run(example.updateCustomObject)
    const [after] = (await call('GET', 'objects/cars/show', { id: car.id })).body.response.cars
    expect(updated).toEqual([`Success:\nid: ${car.id}\nmake: nissan\ncolor: purple\nyear: 2005\nmileage: 10000\nupdated_at: ${after.updated_at}`])

    expect(await run(example.removeCustomObject)).toEqual(['Success'])
    expect((await call('GET', 'objects/cars/count')).body.meta.count).toBe(0)
    expect(await run(example.removeCustomObject)).toEqual([
      `Error:\ntrying to remove, couldn't find object(s) with id(s): ${car.id}`,
    ])
  })
})
