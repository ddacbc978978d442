import assert from 'node:assert/strict'
import { useMockCloud } from 'mock-cloud/mocha'

describe('sign-up', function () {
  const cloud = useMockCloud() // this file's own app key, reset before each test

  const signUp = (username) =>
    fetch(`${cloud.url}/v1/users/create.json?key=${cloud.key}`, {
      method: 'POST',
      body: new URLSearchParams({ username, password: 'p', password_confirmation: 'p' }),
    }).then((res) => res.json())
  const count = () => fetch(`${cloud.url}/v1/users/count.json?key=${cloud.key}`).then((res) => res.json())

  it('signs a new user up, once', async () => {
    assert.equal((await signUp('zoe')).meta.status, 'ok')
    const again = await signUp('zoe')
    assert.equal(again.meta.code, 400)
    assert.equal((await count()).meta.count, 7)
  })

  it('starts from the fixture users again', async () => {
    assert.equal((await count()).meta.count, 6)
  })
})
