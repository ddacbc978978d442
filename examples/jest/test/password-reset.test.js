import { useMockCloud } from 'mock-cloud/jest'

const cloud = useMockCloud() // this file's own app key; its data reset before each test

async function api(method, path, params) {
  const url = `${cloud.url}/v1/${path}.json?key=${cloud.key}`
  const res = method === 'GET'
    ? await fetch(`${url}&${new URLSearchParams(params)}`)
    : await fetch(url, { method, body: new URLSearchParams(params) })
  return { status: res.status, body: await res.json() }
}

test('a user resets a forgotten password with the mailed token', async () => {
  await api('GET', 'users/request_reset_password', { email: 'bob@example.com' })
  const [mail] = await cloud.outbox() // the mail mock-cloud recorded instead of sending
  expect(mail).toMatchObject({ kind: 'reset_password', to: 'bob@example.com' })

  const reset = await api('GET', 'users/reset_password', { reset_password_token: mail.token, password: 'new-pass', password_confirmation: 'new-pass' })
  expect(reset.status).toBe(200)
  expect((await api('POST', 'users/login', { login: 'bob', password: 'new-pass' })).status).toBe(200)
})

test('each test starts from the fixture users: the old password works again, the outbox is empty', async () => {
  expect(await cloud.outbox()).toEqual([])
  expect((await api('POST', 'users/login', { login: 'bob', password: 'bob-pass' })).status).toBe(200)
})

test('the app sees the failure the test asks for', async () => {
  await cloud.fault({ method_name: 'loginUser', error: { code: 503, message: 'Down for maintenance.' } })
  const login = await api('POST', 'users/login', { login: 'bob', password: 'bob-pass' })
  expect(login.body.meta).toMatchObject({ status: 'fail', code: 503, message: 'Down for maintenance.' })
})
