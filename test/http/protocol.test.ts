import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type Call } from '../support/client.js'
import type { RunningMockCloud } from '../../src/server.js'
import { ids } from '../support/fixture-s.js'
import { rawRequest } from '../support/raw-http.js'

// The wire protocol around every call: app key, verbs, bodies, envelope flags
// (docs/api.md "Parameters", "Envelope", "Status codes", "App keys").
let server: RunningMockCloud
let call: Call
beforeAll(async () => ({ server, call } = await startServer({ appKeys: ['TESTKEY', 'OTHER'] })))
afterAll(() => server.stop())

describe('the app key', () => {
  it('is required, and the refusal keeps the ArrowDB wording and says how to send one', async () => {
    const reply = await call('GET', 'users/count', {}, { key: null })
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({
      meta: { status: 'fail', code: 401, message: 'Application key is not provided. Send it as the key parameter (?key=YOUR_KEY), or start mock-cloud with --default-app-key KEY (option defaultAppKey) for calls that send none.', method_name: 'usersCount' },
    })
  })

  it('must be one of the keys the server was started with; the refusal names them', async () => {
    const reply = await call('GET', 'users/count', {}, { key: 'WRONG' })
    expect(reply.status).toBe(401)
    expect(reply.body.meta.message).toBe('Invalid app key: this server takes only TESTKEY, OTHER (--app-key, option appKeys)')
    expect((await call('GET', 'users/count', {}, { key: 'OTHER' })).status).toBe(200)
  })

  it('a refusal on a server of many keys gives their number, not a list', async () => {
    const many = await startServer({ appKeys: ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'] })
    try {
      const reply = await many.call('GET', 'users/count', {}, { key: 'WRONG' })
      expect(reply.body.meta.message).toBe('Invalid app key: this server takes only its 6 keys (--app-key, option appKeys)')
    } finally {
      await many.server.stop()
    }
  })

  it('may travel in the body', async () => {
    const reply = await call('POST', 'users/login', {}, { key: null, form: { key: 'TESTKEY', login: 'bob', password: 'pw-bob' } })
    expect(reply.status).toBe(200)
  })
})

describe('the envelope', () => {
  it('answers HTTP 200 with the real code in meta under suppress_response_codes', async () => {
    for (const flag of ['true', '1', 't', 'YES']) {
      const reply = await call('GET', 'users/show/me', { suppress_response_codes: flag })
      expect(reply.status).toBe(200)
      expect(reply.body.meta.code).toBe(401)
    }
    expect((await call('GET', 'users/show/me', { suppress_response_codes: 'false' })).status).toBe(401)
  })

  it('indents by two spaces with pretty_json', async () => {
    const reply = await call('GET', 'users/count', { pretty_json: 'true' })
    expect(reply.text).toBe(JSON.stringify(reply.body, null, 2))
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect((await call('GET', 'users/count')).text).toBe(JSON.stringify(reply.body))
  })

  it('answers an unknown endpoint and a wrong verb with a failure envelope', async () => {
    const unknown = await call('GET', 'users/fly')
    expect(unknown.status).toBe(404)
    expect(unknown.body.meta).toEqual({ status: 'fail', code: 404, message: 'Unknown endpoint: GET /v1/users/fly.json' })
    const verb = await call('GET', 'users/create')
    expect(verb.status).toBe(405)
    expect(verb.body.meta).toMatchObject({ status: 'fail', code: 405, method_name: 'createUser' })
    expect(verb.body.meta.message).toBe('users/create.json takes POST, not GET')
    expect(verb.headers.get('allow')).toBe('POST')
  })

  it('answers HEAD on a GET endpoint like GET, without a body', async () => {
    const response = await fetch(`${server.url}/v1/users/count.json?key=TESTKEY`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it('answers a path outside /v1/ with a failure envelope too', async () => {
    const response = await fetch(`${server.url}//v1/users/count.json?key=TESTKEY`)
    expect(response.status).toBe(404)
    expect((await response.json()) as unknown).toEqual({
      meta: { status: 'fail', code: 404, message: 'Unknown endpoint: GET //v1/users/count.json' },
    })
  })

  it('sends the CORS headers the live service sent', async () => {
    const response = await fetch(`${server.url}/v1/users/count.json?key=TESTKEY`, { headers: { origin: 'http://app.test' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('http://app.test')
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('vary')).toBe('Origin')
  })

  it('sends the CORS headers on failures and on replies that set the session cookie too', async () => {
    const origin = { origin: 'http://app.test' }
    const failure = await fetch(`${server.url}/v1/users/show.json?key=TESTKEY&user_id=nope`, { headers: origin })
    const signIn = await fetch(`${server.url}/v1/users/login.json?key=TESTKEY`, {
      method: 'POST',
      headers: origin,
      body: new URLSearchParams({ login: 'alice', password: 'pw-alice' }),
    })
    expect([failure.status, signIn.status]).toEqual([400, 200])
    expect(signIn.headers.getSetCookie().join()).toContain('_session_id=')
    for (const response of [failure, signIn]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('http://app.test')
      expect(response.headers.get('access-control-allow-credentials')).toBe('true')
      expect(response.headers.get('vary')).toBe('Origin')
    }
  })

  it('sends no Access-Control-Allow-Origin to a request without an Origin', async () => {
    const response = await fetch(`${server.url}/v1/users/count.json?key=TESTKEY`)
    expect(response.status).toBe(200)
    expect(response.headers.has('access-control-allow-origin')).toBe(false)
  })

  it('answers a CORS preflight 204 with the allowed methods and headers, without calling the endpoint', async () => {
    const response = await fetch(`${server.url}/v1/users/create.json?key=TESTKEY`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect(response.headers.get('access-control-allow-origin')).toBe('http://app.test')
    expect(response.headers.get('access-control-allow-credentials')).toBe('true')
    expect(response.headers.get('access-control-allow-methods')).toBe('POST,GET,PUT,DELETE,OPTIONS')
    expect(response.headers.get('access-control-allow-headers')).toBe('x-requested-with,content-type')
    expect(response.headers.get('vary')).toContain('Origin')
  })
})

describe('request bodies', () => {
  it('reads urlencoded, multipart and JSON bodies alike', async () => {
    const form = await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice' } })
    const multipart = await call('POST', 'users/login', {}, { multipart: { login: 'alice', password: 'pw-alice' } })
    const json = await call('POST', 'users/login', {}, { json: { login: 'alice', password: 'pw-alice' } })
    for (const reply of [form, multipart, json]) expect(reply.body.response.users[0].id).toBe(ids.alice)
  })

  it('reads a GET body, as the guides send with curl -d -X GET', async () => {
    const body = 'where=' + encodeURIComponent('{"username":"bob"}')
    const reply = await new Promise<any>((resolve, reject) => {
      const req = request(`${server.url}/v1/users/query.json?key=TESTKEY`, {
        method: 'GET',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve(JSON.parse(text)))
      })
      req.on('error', reject)
      req.end(body)
    })
    expect(reply.response.users.map((u: { username: string }) => u.username)).toEqual(['bob'])
  })

  it('lets the body win over the query string, and the last of repeated keys win', async () => {
    const response = await fetch(`${server.url}/v1/users/login.json?key=TESTKEY&login=bob&login=carol`, {
      method: 'POST',
      body: new URLSearchParams({ password: 'pw-carol' }),
    })
    expect(((await response.json()) as any).response.users[0].id).toBe(ids.carol)
    const bodyWins = await call('POST', 'users/login', { login: 'bob' }, { form: { login: 'alice', password: 'pw-alice' } })
    expect(bodyWins.body.response.users[0].id).toBe(ids.alice)
  })

  it.each([
    ['malformed JSON', 'application/json', '{"login":', 400, /^Invalid JSON body: /],
    ['a JSON array', 'application/json', '[1]', 400, /^Invalid JSON body: expected an object/],
    ['an unknown content type', 'text/csv', 'a,b', 415, /^Unsupported Content-Type "text\/csv"/],
    ['a body over 1 MiB', 'application/x-www-form-urlencoded', 'x='.padEnd(1024 * 1024 + 10, 'y'), 413, /^Request body too large/],
  ])('answers %s with a failure envelope', async (_name, type, body, code, message) => {
    const response = await fetch(`${server.url}/v1/users/login.json?key=TESTKEY`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    })
    const reply = (await response.json()) as any
    expect(response.status).toBe(code)
    expect(reply.meta).toMatchObject({ status: 'fail', code, method_name: 'loginUser' })
    expect(reply.meta.message).toMatch(message)
  })

  it('caps a chunked body with no Content-Length at 1 MiB too', async () => {
    const chunk = new TextEncoder().encode('x='.padEnd(64 * 1024, 'y'))
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(chunk)
        controller.close()
      },
    })
    const response = await fetch(`${server.url}/v1/users/login.json?key=TESTKEY`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(((await response.json()) as any).meta.message).toMatch(/^Request body too large/)
  })

  it('refuses a file sent as custom_fields', async () => {
    const form = new FormData()
    form.append('username', 'filer')
    form.append('password', 'p')
    form.append('password_confirmation', 'p')
    form.append('custom_fields', new Blob(['{"a":1}'], { type: 'application/json' }), 'fields.json')
    const response = await fetch(`${server.url}/v1/users/create.json?key=TESTKEY`, { method: 'POST', body: form })
    expect(response.status).toBe(400)
    expect(((await response.json()) as any).meta.message).toBe('Invalid custom_fields parameter: must be a JSON object')
  })

  it('takes a where of 100 KB in the URL, as a long $in over ids makes', async () => {
    const many = Array.from({ length: 3500 }, (_, i) => i.toString(16).padStart(24, '0'))
    const reply = await call('GET', 'users/query', { where: { _id: { $in: [...many, ids.bob] } } })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users.map((u: { id: string }) => u.id)).toEqual([ids.bob])
  })

  it('cannot pollute prototypes through parameter names', async () => {
    const created = await fetch(`${server.url}/v1/users/create.json?key=TESTKEY`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"proto","password":"p","password_confirmation":"p","__proto__":{"polluted":1},"custom_fields":{"__proto__":{"polluted":1},"ok":1}}',
    })
    expect(((await created.json()) as any).response.users[0].custom_fields).toEqual({ ok: 1 })
    const where = await call('GET', 'users/query', { where: '{"__proto__":{"polluted":1}}' })
    expect(where.status).toBe(400)
    expect(where.body.meta.message).toBe('Invalid where parameter: field name __proto__ is not allowed')
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
  })
})

/** A complete 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/** A multipart/form-data body of parts given as their header lines and content, boundary `b0undary`. */
function multipartBody(parts: readonly (readonly [headers: string, content: string | Buffer])[]): Buffer {
  return Buffer.concat([
    ...parts.flatMap(([headers, content]) => [Buffer.from(`--b0undary\r\n${headers}\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n')]),
    Buffer.from('--b0undary--\r\n'),
  ])
}

const MULTIPART = { 'content-type': 'multipart/form-data; boundary=b0undary' }

describe('multipart part headers as .NET and ktor clients send them', () => {
  const signUp = (username: string) => [
    [`Content-Disposition: form-data; name=username`, username],
    ['Content-Disposition: form-data; name=password', 'p'],
    ['Content-Disposition: form-data; name=password_confirmation', 'p'],
  ] as const

  it('reads a name given as a bare token, not quoted', async () => {
    const reply = await rawRequest(server.url, 'POST', '/v1/users/create.json?key=TESTKEY', { body: multipartBody(signUp('bare')), headers: MULTIPART })
    expect(reply.status).toBe(200)
    expect(reply.body.meta).toMatchObject({ status: 'ok', method_name: 'createUser' })
    expect(reply.body.response.users[0].username).toBe('bare')
  })

  it('stores a photo whose part has filename* beside filename', async () => {
    const body = multipartBody([
      ...signUp('starred'),
      [`Content-Disposition: form-data; name="photo"; filename="pic.png"; filename*=utf-8''pic.png\r\nContent-Type: image/png`, PNG],
    ])
    const reply = await rawRequest(server.url, 'POST', '/v1/users/create.json?key=TESTKEY', { body, headers: MULTIPART })
    expect(reply.status).toBe(200)
    const user = reply.body.response.users[0]
    expect(user.photo).toMatchObject({ filename: 'pic.png', size: PNG.byteLength, content_type: 'image/png' })
    const shown = await call('GET', 'users/show', { user_id: user.id })
    expect(shown.body.response.users[0].photo).toEqual(user.photo)
  })

  it('names a photo by filename* alone, percent-decoded as UTF-8', async () => {
    const body = multipartBody([
      ...signUp('accented'),
      [`Content-Disposition: form-data; name=photo; filename*=utf-8''%C3%A9t%C3%A9.png`, PNG],
    ])
    const reply = await rawRequest(server.url, 'POST', '/v1/users/create.json?key=TESTKEY', { body, headers: MULTIPART })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users[0].photo.filename).toBe('été.png')
  })

  it.each([
    ['with no boundary', 'multipart/form-data', multipartBody(signUp('nob'))],
    ['cut before its closing boundary', MULTIPART['content-type'], multipartBody(signUp('cut')).subarray(0, 60)],
  ])('answers a body %s with a 400 failure envelope', async (_name, type, body) => {
    const reply = await rawRequest(server.url, 'POST', '/v1/users/create.json?key=TESTKEY', { body, headers: { 'content-type': type } })
    expect(reply.status).toBe(400)
    expect(reply.body.meta).toMatchObject({ status: 'fail', code: 400, method_name: 'createUser' })
    expect(reply.body.meta.message).toMatch(/^Invalid multipart body: /)
  })
})

describe('admin routes', () => {
  it('GET /__mock/reset is a 405 naming POST', async () => {
    const response = await fetch(`${server.url}/__mock/reset`)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(((await response.json()) as any).meta.message).toBe('__mock/reset takes POST, not GET')
  })

  it('POST /__mock/reset answers with an ok envelope, honouring pretty_json', async () => {
    const response = await fetch(`${server.url}/__mock/reset?pretty_json=true`, { method: 'POST' })
    const expected = { meta: { code: 200, status: 'ok', method_name: 'mockReset' } }
    expect(await response.text()).toBe(JSON.stringify(expected, null, 2))
  })
})

// Malformed percent-encoding or UTF-8 is a client's mistake, refused with a message,
// not read leniently (two different app keys %FF and %FE would name one data set).
describe('malformed percent-encoding and UTF-8', () => {
  it.each(['key=%FF', 'key=%', 'key=A%2', 'key=TESTKEY&where=%ZZ'])('in the query string (%s) is a 400 naming it', async (query) => {
    const reply = await fetch(`${server.url}/v1/users/count.json?${query}`)
    expect(reply.status).toBe(400)
    const body = (await reply.json()) as { meta: { message: string; method_name: string } }
    expect(body.meta.message).toMatch(/^Invalid query string: malformed percent-encoding in "[^"]*"; send "%" as %25 and text as UTF-8$/)
    expect(body.meta.method_name).toBe('usersCount')
  })

  it('in a form body is a 400, and so is a body that is not UTF-8', async () => {
    const form = await fetch(`${server.url}/v1/users/login.json?key=TESTKEY`, { method: 'POST', body: 'login=ali%ce&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(((await form.json()) as { meta: { message: string } }).meta.message).toBe(
      'Invalid form body: malformed percent-encoding in "ali%ce"; send "%" as %25 and text as UTF-8',
    )
    const raw = await fetch(`${server.url}/v1/users/login.json?key=TESTKEY`, { method: 'POST', body: Buffer.from([0x6c, 0x3d, 0xff]),
      headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(raw.status).toBe(400)
    expect(((await raw.json()) as { meta: { message: string } }).meta.message).toBe('Invalid body: it is not valid UTF-8 text')
  })

  it('well-formed escapes still work, %25 and UTF-8 included', async () => {
    const reply = await call('GET', 'users/query', { where: { username: 'al%ice' } })
    expect(reply.status).toBe(200)
    const accented = await fetch(`${server.url}/v1/users/query.json?key=TESTKEY&where=%7B%22first_name%22%3A%22%C3%A9t%C3%A9%22%7D`)
    expect(accented.status).toBe(200)
  })
})
