import assert from 'node:assert/strict'
import { useMockCloud } from 'mock-cloud/mocha'

describe('sessions', function () {
  const cloud = useMockCloud()

  it('records every call in the journal of this file alone', async () => {
    await fetch(`${cloud.url}/v1/users/login.json?key=${cloud.key}`, {
      method: 'POST',
      body: new URLSearchParams({ login: 'alice', password: 'wrong' }),
    })
    const calls = await cloud.requests()
    assert.deepEqual(calls.map((call) => [call.method_name, call.status]), [['loginUser', 401]])
  })
})
