import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { after, before, beforeEach, test } from 'node:test'
import { promisify } from 'node:util'
import { startMockCloud } from 'mock-cloud'
import garage from '../garage.js'

let server
before(async () => {
  server = await startMockCloud({ fixtures: 'node_modules/mock-cloud/fixtures/users.json' })
})
after(() => server.stop())
beforeEach(() => server.reset()) // every test starts from the fixture users, no cars

test('parks cars and lists every car by make', async () => {
  const url = server.url
  assert.deepEqual(await garage.park({ url, key: 'TESTKEY', login: 'alice', password: 'alice-pass', make: 'mini' }), ['mini'])
  assert.deepEqual(await garage.park({ url, key: 'TESTKEY', login: 'bob', password: 'bob-pass', make: 'fiat' }), ['fiat', 'mini'])
})

test('a wrong password is refused with the service message', async () => {
  await assert.rejects(garage.park({ url: server.url, key: 'TESTKEY', login: 'alice', password: 'wrong', make: 'mini' }), {
    statusCode: 401,
    reason: 'Invalid email/username or password.',
  })
})

test('runs as a script against the server', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['garage.js', server.url, 'TESTKEY', 'vw'])
  assert.equal(stdout, 'vw\n')
})
