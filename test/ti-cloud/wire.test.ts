import { createCloud, settled, type Cloud, type CloudCallback, type CloudResponse } from 'mock-cloud/ti-cloud'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js'
import { outcome } from '../support/titanium.js'

/**
 * What the Cloud object puts on the wire and what its callbacks receive, checked against a
 * loopback server that records each request: ti.cloud 3.2.11's behaviour (`cloudapi.js`,
 * `api.js`, `utils.js`; docs/api.md "Parameters", "Sessions", "Envelope").
 */

const KEY = 'K3y'
const FORM = 'application/x-www-form-urlencoded; charset=utf-8'

let capture: CaptureServer
let Cloud: Cloud

beforeEach(async () => {
  capture = await startCaptureServer()
  Cloud = createCloud({ url: capture.url, key: KEY })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await capture.stop()
})

/** The last request the capture server saw. */
function last() {
  const request = capture.requests.at(-1)
  if (!request) throw new Error('no request reached the capture server')
  return request
}

/** Makes the capture server answer every request with this envelope. */
function answer(json: unknown, status = 200): void {
  capture.reply = () => ({ status, json })
}

describe('verbs, paths and parameters', () => {
  it('login is a POST with key in the URL and an urlencoded body ending in suppress_response_codes=true', async () => {
    await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw alice!' }, cb))
    expect(last()).toMatchObject({
      method: 'POST',
      url: `/v1/users/login.json?key=${KEY}`,
      body: 'login=alice&password=pw%20alice%21&suppress_response_codes=true',
    })
    expect(last().headers['content-type']).toBe(FORM)
  })

  it('query is a GET with every parameter in the URL: objects as JSON, booleans as 1/0, null and undefined left out', async () => {
    const where = { age: { $gt: 28 }, first_name: 'joe' }
    await outcome((cb) =>
      Cloud.Users.query({ page: 1, per_page: 10, where, count: true, new_pagination: false, skip: null, sel: undefined }, cb),
    )
    expect(last().method).toBe('GET')
    expect(last().url).toBe(
      `/v1/users/query.json?key=${KEY}&page=1&per_page=10&where=${encodeURIComponent(JSON.stringify(where))}` +
        '&count=1&new_pagination=0&suppress_response_codes=true',
    )
    expect(last().body).toBe('')
  })

  it("encodes values as ti.cloud's percentEncode: + as %2B, space as %20, and ! * ' ( ) too", async () => {
    await outcome((cb) => Cloud.Users.search({ q: "ann+test (it's)*!" }, cb))
    expect(last().url).toBe(`/v1/users/search.json?key=${KEY}&q=ann%2Btest%20%28it%27s%29%2A%21&suppress_response_codes=true`)
    await outcome((cb) => Cloud.Users.update({ custom_fields: { note: "a+b (c)'*!" } }, cb))
    expect(last().body).toBe(
      `custom_fields=${'%7B%22note%22%3A%22a%2Bb%20%28c%29%27%2A%21%22%7D'}&suppress_response_codes=true`,
    )
  })

  const calls: Array<[string, string, string, string, (cloud: Cloud, cb: CloudCallback) => void]> = [
    ['Users.create', 'POST', 'users/create.json', 'username=u&', (c, cb) => c.Users.create({ username: 'u' }, cb)],
    ['Users.show', 'GET', 'users/show.json', '&user_id=x1', (c, cb) => c.Users.show({ user_id: 'x1' }, cb)],
    ['Users.showMe', 'GET', 'users/show/me.json', '', (c, cb) => c.Users.showMe(cb)],
    ['Users.search without data', 'GET', 'users/search.json', '', (c, cb) => c.Users.search(cb)],
    ['Users.query without data', 'GET', 'users/query.json', '', (c, cb) => c.Users.query(cb)],
    ['Users.update', 'PUT', 'users/update.json', 'first_name=Jo&', (c, cb) => c.Users.update({ first_name: 'Jo' }, cb)],
    ['Users.logout', 'GET', 'users/logout.json', '', (c, cb) => c.Users.logout(cb)],
    ['Users.remove', 'DELETE', 'users/delete.json', '', (c, cb) => c.Users.remove(cb)],
    ['Users.remove with data', 'DELETE', 'users/delete.json', '&su_id=x2', (c, cb) => c.Users.remove({ su_id: 'x2' }, cb)],
    ['Users.requestResetPassword', 'GET', 'users/request_reset_password.json', '&email=a%40b.c', (c, cb) => c.Users.requestResetPassword({ email: 'a@b.c' }, cb)],
    ['Users.resendConfirmation', 'GET', 'users/resend_confirmation.json', '&email=a%40b.c', (c, cb) => c.Users.resendConfirmation({ email: 'a@b.c' }, cb)],
    ['Users.count', 'GET', 'users/count.json', '', (c, cb) => c.Users.count(cb)],
    ['Users.batchDelete', 'DELETE', 'users/batch_delete.json', '&where=%7B%22role%22%3A%22x%22%7D', (c, cb) => c.Users.batchDelete({ where: { role: 'x' } }, cb)],
    ['SocialIntegrations.externalAccountLogin', 'POST', 'users/external_account_login.json', 'type=facebook&token=t&', (c, cb) => c.SocialIntegrations.externalAccountLogin({ type: 'facebook', token: 't' }, cb)],
    ['SocialIntegrations.externalAccountLink', 'POST', 'users/external_account_link.json', 'id=e1&type=x&token=t&', (c, cb) => c.SocialIntegrations.externalAccountLink({ id: 'e1', type: 'x', token: 't' }, cb)],
    ['SocialIntegrations.externalAccountUnlink', 'DELETE', 'users/external_account_unlink.json', '&id=e1&type=x', (c, cb) => c.SocialIntegrations.externalAccountUnlink({ id: 'e1', type: 'x' }, cb)],
    ['SocialIntegrations.searchFacebookFriends', 'GET', 'social/facebook/search_friends.json', '', (c, cb) => c.SocialIntegrations.searchFacebookFriends(cb)],
    ['sendRequest', 'POST', 'users/login.json', 'login=a&', (c, cb) => c.sendRequest({ url: 'users/login.json', method: 'post', data: { login: 'a' } }, cb)],
  ]
  it.each(calls)('%s sends %s /v1/%s', async (_name, verb, path, params, start) => {
    await outcome((cb) => start(Cloud, cb))
    const { method, url, body } = last()
    expect(method).toBe(verb)
    if (verb === 'GET' || verb === 'DELETE') {
      expect(url).toBe(`/v1/${path}?key=${KEY}${params}&suppress_response_codes=true`)
      expect(body).toBe('')
    } else {
      expect(url).toBe(`/v1/${path}?key=${KEY}`)
      expect(body).toBe(`${params}suppress_response_codes=true`)
    }
  })

  it('changes the data object it was given, as ti.cloud does', async () => {
    const data: Record<string, unknown> = { custom_fields: { a: 1 }, admin: true, gone: null }
    await outcome((cb) => Cloud.Users.update(data, cb))
    expect(data).toEqual({ custom_fields: '{"a":1}', admin: 1, suppress_response_codes: 'true' })
  })

  it('uploads a photo Blob as multipart/form-data, the other parameters as fields', async () => {
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'me.jpg', { type: 'image/jpeg' })
    await outcome((cb) => Cloud.Users.update({ photo, first_name: 'Jo' }, cb))
    const { method, url, headers, body } = last()
    expect([method, url]).toEqual(['PUT', `/v1/users/update.json?key=${KEY}`])
    expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(body).toContain('name="photo"; filename="me.jpg"')
    expect(body).toMatch(/name="first_name"\r\n\r\nJo\r\n/)
    expect(body).toMatch(/name="suppress_response_codes"\r\n\r\ntrue\r\n/)
  })
  it('uploads bytes as a file part too; an empty photo is an ordinary field (it removes the photo)', async () => {
    await outcome((cb) => Cloud.Users.update({ photo: new Uint8Array([1, 2, 3]) }, cb))
    expect(last().headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(last().body).toMatch(/name="photo"; filename="photo"\r\nContent-Type: application\/octet-stream\r\n\r\n\x01\x02\x03\r\n/)
    await outcome((cb) => Cloud.Users.update({ photo: '' }, cb))
    expect(last().headers['content-type']).toBe(FORM)
    expect(last().body).toBe('photo=&suppress_response_codes=true')
  })
  it('uploads an ArrayBuffer as bytes, as a Uint8Array (it is no text)', async () => {
    await outcome((cb) => Cloud.Photos.create({ photo: new Uint8Array([0x41, 0x42, 0x43]).buffer }, cb))
    expect(last().headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(last().body).toMatch(/name="photo"; filename="photo"\r\nContent-Type: application\/octet-stream\r\n\r\nABC\r\n/)
  })
  it('sends a nameless Blob under the name FormData gives it, blob', async () => {
    await outcome((cb) => Cloud.Files.create({ name: 'n', file: new Blob(['hi']) }, cb))
    expect(last().body).toContain('name="file"; filename="blob"')
  })
})

describe('the session', () => {
  it('is taken from meta.session_id of any reply and sent as _session_id right after the key', async () => {
    answer({ meta: { code: 200, status: 'ok', method_name: 'loginUser', session_id: 'S1' }, response: { users: [] } })
    await outcome((cb) => Cloud.Users.login({ login: 'a', password: 'b' }, cb))
    expect(Cloud.sessionId).toBe('S1')
    answer({ meta: { code: 200, status: 'ok', method_name: 'queryUsers', session_id: 'S2' }, response: { users: [] } })
    await outcome((cb) => Cloud.Users.query({ limit: 1 }, cb))
    expect(last().url).toBe(`/v1/users/query.json?key=${KEY}&_session_id=S1&limit=1&suppress_response_codes=true`)
    expect(Cloud.sessionId).toBe('S2')
    await outcome((cb) => Cloud.Users.update({ role: 'x' }, cb))
    expect(last().url).toBe(`/v1/users/update.json?key=${KEY}&_session_id=S2`)
  })

  it.each([
    ['logout', (cb: CloudCallback) => Cloud.Users.logout(cb)],
    ['remove', (cb: CloudCallback) => Cloud.Users.remove(cb)],
  ])('is dropped after %s, even when the reply is a failure', async (_name, end) => {
    answer({ meta: { code: 200, status: 'ok', session_id: 'S1' } })
    await outcome((cb) => Cloud.Users.login({ login: 'a', password: 'b' }, cb))
    answer({ meta: { code: 500, status: 'fail', message: 'boom' } })
    let seenInCallback: unknown = 'not called'
    const e = await outcome((cb) => end((response) => ((seenInCallback = Cloud.sessionId), cb(response))))
    expect(e.success).toBe(false)
    expect(last().url).toContain(`?key=${KEY}&_session_id=S1&`)
    expect(seenInCallback).toBeUndefined()
    expect('sessionId' in Cloud).toBe(false)
    await outcome((cb) => Cloud.Users.showMe(cb))
    expect(last().url).toBe(`/v1/users/show/me.json?key=${KEY}&suppress_response_codes=true`)
  })

  it('set by the app is sent as it is, and the SDK keeps its own copy when the app clears it', async () => {
    Cloud.sessionId = 'restored'
    await outcome((cb) => Cloud.Users.showMe(cb))
    expect(last().url).toBe(`/v1/users/show/me.json?key=${KEY}&_session_id=restored&suppress_response_codes=true`)

    answer({ meta: { code: 200, status: 'ok', session_id: 'S1' } })
    await outcome((cb) => Cloud.Users.login({ login: 'a', password: 'b' }, cb))
    // ti.cloud: clearing Cloud.sessionId does not log out; its SDK object still holds S1.
    Cloud.sessionId = null
    await outcome((cb) => Cloud.Users.showMe(cb))
    expect(last().url).toBe(`/v1/users/show/me.json?key=${KEY}&_session_id=S1&suppress_response_codes=true`)
  })

  it('is not taken from a reply with an HTTP error status', async () => {
    answer({ meta: { code: 401, status: 'fail', message: 'no', session_id: 'S9' } }, 401)
    const e = await outcome((cb) => Cloud.Users.login({ login: 'a', password: 'b' }, cb))
    expect(e).toEqual({ success: false, error: true, code: 401, message: 'no' })
    expect(Cloud.sessionId).toBeUndefined()
  })

  it('is separate for each Cloud', async () => {
    answer({ meta: { code: 200, status: 'ok', session_id: 'S1' } })
    await outcome((cb) => Cloud.Users.login({ login: 'a', password: 'b' }, cb))
    const other = createCloud({ url: capture.url, key: KEY })
    await outcome((cb) => other.Users.showMe(cb))
    expect(last().url).not.toContain('_session_id')
  })
})

describe('the callback object', () => {
  it("on success: the reply's data keys, then success, error and meta; no code or message", async () => {
    const meta = { code: 200, status: 'ok', method_name: 'queryUsers' }
    answer({ meta, response: { users: [{ id: 'u1' }] } })
    const e = await outcome((cb) => Cloud.Users.query(cb))
    expect(JSON.stringify(e)).toBe(JSON.stringify({ users: [{ id: 'u1' }], success: true, error: false, meta }))
  })

  it('on failure: success false, error true, code and message from meta; no meta', async () => {
    answer({ meta: { code: 401, status: 'fail', message: 'Invalid email/username or password.', method_name: 'loginUser' } })
    const e = await outcome((cb) => Cloud.Users.login({ login: 'a', password: 'b' }, cb))
    expect(JSON.stringify(e)).toBe('{"success":false,"error":true,"code":401,"message":"Invalid email/username or password."}')
  })

  it('without an app key: code 409 at once, and no request', () => {
    const keyless = createCloud({ url: capture.url })
    let e: CloudResponse | undefined
    keyless.Users.showMe((response) => (e = response))
    expect(e).toEqual({ success: false, error: true, code: 409, message: 'Application key is not provided.' })
    expect(capture.requests).toEqual([])
  })

  it('when the server cannot be reached: code undefined and the network error as message', async () => {
    await capture.stop()
    const e = await outcome((cb) => Cloud.Users.showMe(cb))
    expect(e).toEqual({ success: false, error: true, code: undefined, message: expect.stringMatching(/ECONNREFUSED/) })
  })

  it('when the reply is not JSON: code undefined and a message naming the HTTP status', async () => {
    capture.reply = () => ({ status: 502, text: '<html>Bad Gateway</html>' })
    const e = await outcome((cb) => Cloud.Users.showMe(cb))
    expect(e).toEqual({ success: false, error: true, code: undefined, message: 'HTTP 502 Bad Gateway: the reply is not a JSON object' })
  })
})

describe('arguments', () => {
  it.each([
    ['create without a callback', (c: Cloud) => (c.Users.create as Function)({}), 'Argument callback was not provided!'],
    ['create with a string for data', (c: Cloud) => (c.Users.create as Function)('x', () => {}), 'Argument data was an unexpected type! Expected: object, Received: string'],
    ['query with only data', (c: Cloud) => (c.Users.query as Function)({ q: 'x' }), 'Argument callback was an unexpected type! Expected: function, Received: object'],
    ['showMe without a callback', (c: Cloud) => (c.Users.showMe as Function)(), 'Argument callback was not provided!'],
    ['sendRequest without a method', (c: Cloud) => (c.sendRequest as Function)({ url: 'users/count.json' }, () => {}), 'Argument method was not provided!'],
  ])('%s throws ti.cloud\'s message and sends nothing', async (_name, run, message) => {
    expect(() => run(Cloud)).toThrow(new TypeError(message))
    await settled(Cloud)
    expect(capture.requests).toEqual([])
  })

  it.each([
    [undefined, /needs an options object/],
    [{}, /url must be the server's base URL as a string/],
    [{ url: 'localhost:8080' }, /must start with http:\/\/ or https:\/\//],
    [{ url: 'ftp://127.0.0.1' }, /must start with http:\/\/ or https:\/\//],
    [{ url: '127.0.0.1:8080' }, /is not an absolute URL/],
    [{ url: 'http://127.0.0.1:8080?x=1' }, /no trailing slash, query or fragment/],
    [{ url: 'not a url' }, /is not an absolute URL/],
    [{ url: 'http://127.0.0.1:8080/' }, /no trailing slash/],
    [{ url: 'http://127.0.0.1:8080', key: 42 }, /key must be the app key as a string; got number/],
  ])('createCloud(%j) throws a TypeError saying what to give', (options, message) => {
    expect(() => createCloud(options as never)).toThrow(message)
  })
})

describe('properties and helpers', () => {
  it('debug logs each request and reply as ti.cloud does, with console.info and console.error', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await outcome((cb) => Cloud.Users.count(cb))
    expect(info).not.toHaveBeenCalled()

    Cloud.debug = true
    answer({ meta: { code: 200, status: 'ok', method_name: 'loginUser' }, response: { users: [] } })
    await outcome((cb) => Cloud.Users.login({ login: 'a' }, cb))
    expect(info.mock.calls.map(([line]) => line)).toEqual([
      'ACS Request: { url: "users/login.json", verb: "POST", data: {"login":"a"} })',
      `POST: ${capture.url}/v1/users/login.json?key=${KEY}`,
      'header: {}',
      'data: {"login":"a","suppress_response_codes":"true"}',
      '{"users":[],"success":true,"error":false,"meta":{"code":200,"status":"ok","method_name":"loginUser"}}',
    ])
    answer({ meta: { code: 401, status: 'fail', message: 'nope' } })
    await outcome((cb) => Cloud.Users.showMe(cb))
    expect(info).toHaveBeenCalledWith('data: {}')
    expect(error.mock.calls).toEqual([['401: nope']])
  })

  it('useSecure is undefined until set, can be set, and changes nothing (the URL decides)', async () => {
    expect(Cloud.useSecure).toBeUndefined()
    expect('useSecure' in Cloud).toBe(false)
    await outcome((cb) => Cloud.Users.count(cb))
    Cloud.useSecure = false
    await outcome((cb) => Cloud.Users.count(cb))
    Cloud.useSecure = true
    await outcome((cb) => Cloud.Users.count(cb))
    expect(Cloud.useSecure).toBe(true)
    expect(capture.requests.map((r) => r.url)).toEqual([
      `/v1/users/count.json?key=${KEY}&suppress_response_codes=true`,
      `/v1/users/count.json?key=${KEY}&suppress_response_codes=true`,
      `/v1/users/count.json?key=${KEY}&suppress_response_codes=true`,
    ])
  })

  it('settled waits for the calls that callbacks make, and theirs', async () => {
    const order: string[] = []
    Cloud.Users.count(() => {
      order.push('count')
      Cloud.Users.showMe(() => {
        order.push('showMe')
        Cloud.Users.query(() => order.push('query'))
      })
    })
    await settled(Cloud)
    expect(order).toEqual(['count', 'showMe', 'query'])
    await expect(settled({} as Cloud)).rejects.toThrow('settled() takes a Cloud made by createCloud()')
  })

  it('an error thrown in a callback is rethrown uncaught, not swallowed', async () => {
    const thrown: unknown[] = []
    const queue = globalThis.queueMicrotask
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) =>
      queue(() => {
        try {
          task()
        } catch (error) {
          thrown.push(error)
        }
      }),
    )
    Cloud.Users.count(() => {
      throw new Error('bug in the app')
    })
    Cloud.Users.logout(undefined as never)
    await settled(Cloud)
    await new Promise((resolve) => setImmediate(resolve))
    expect(thrown).toEqual([new Error('bug in the app'), expect.any(TypeError)])
  })
})
