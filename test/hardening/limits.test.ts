import { afterEach, describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'
import type { RunningMockCloud } from '../../src/server.js'
import { spawnServer, type ChildServer } from '../support/child-server.js'
import { login, startServer, type Call } from '../support/client.js'
import { rawRequest } from '../support/raw-http.js'

// docs/limits.md: each limit refuses what is beyond it with a 4xx envelope naming the limit, and
// each is configurable (option `limits`, CLI flag).
const running: RunningMockCloud[] = []
const children: ChildServer[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()))
  for (const { child, exited } of children.splice(0)) {
    child.kill('SIGKILL')
    await exited
  }
})

async function serve(options: Parameters<typeof startServer>[0] = {}): Promise<Call> {
  const { server, call } = await startServer(options)
  running.push(server)
  return call
}

const fields = (count: number, value: unknown = 1): Record<string, unknown> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, value]))

describe('the request body limit', () => {
  it('answers a body one byte over limits.maxBodyBytes with a 413 envelope naming the limit; one at the limit is read', async () => {
    const { server } = await startServer({ limits: { maxBodyBytes: 1000 } })
    running.push(server)
    const form = (size: number) => `login=alice&password=pw-alice&pad=${'x'.repeat(size - 34)}`
    expect(Buffer.byteLength(form(1000))).toBe(1000)
    const send = (body: string) =>
      rawRequest(server.url, 'POST', '/v1/users/login.json?key=TESTKEY', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect((await send(form(1000))).status).toBe(200)
    const over = await send(form(1001))
    expect(over.status).toBe(413)
    expect(over.body.meta).toEqual({ status: 'fail', code: 413, message: 'Request body too large: the limit is 1000 bytes; a server started with --max-body-bytes N (option limits.maxBodyBytes) takes more.', method_name: 'loginUser' })
  })

  it('keeps the 1 MiB default', async () => {
    const call = await serve()
    const reply = await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'pw-alice', pad: 'x'.repeat(1024 * 1024) } })
    expect(reply.status).toBe(413)
    expect(reply.body.meta.message).toBe('Request body too large: the limit is 1048576 bytes; a server started with --max-body-bytes N (option limits.maxBodyBytes) takes more.')
  })

  it('is set by --max-body-bytes on the command line', async () => {
    const server = await spawnServer(['start', '--port', '0', '--max-body-bytes', '64'])
    children.push(server)
    const reply = await rawRequest(server.url, 'POST', '/v1/users/login.json?key=K', { body: `login=${'x'.repeat(64)}` })
    expect(reply.status).toBe(413)
    expect(reply.body.meta.message).toBe('Request body too large: the limit is 64 bytes; a server started with --max-body-bytes N (option limits.maxBodyBytes) takes more.')
  })
})

describe('the custom fields limit', () => {
  it('refuses a create with more custom fields than limits.maxCustomFields, and stores nothing', async () => {
    const call = await serve({ limits: { maxCustomFields: 3 } })
    const create = (custom_fields: Record<string, unknown>) =>
      call('POST', 'users/create', {}, { form: { username: 'zoe', password: 'p', password_confirmation: 'p', custom_fields } })
    const refused = await create(fields(4))
    expect(refused.status).toBe(400)
    expect(refused.body.meta.message).toBe('Invalid custom_fields parameter: a user may hold at most 3 custom fields, this one would hold 4; a server started with --max-custom-fields N (option limits.maxCustomFields) takes more')
    expect((await call('GET', 'users/count')).body.meta.count).toBe(5)
    // A null field is not stored, so it does not count.
    expect((await create({ ...fields(3), gone: null })).status).toBe(200)
  })

  it('refuses an update that would take a user over the limit and leaves the user as it was; removing fields makes room', async () => {
    const call = await serve({ limits: { maxCustomFields: 3 } })
    const session = await login(call, 'alice', 'pw-alice') // alice holds age and color
    const update = (custom_fields: Record<string, unknown>) => call('PUT', 'users/update', {}, { session, form: { custom_fields } })
    const refused = await update({ a: 1, b: 2 })
    expect(refused.status).toBe(400)
    expect(refused.body.meta.message).toMatch(/at most 3 custom fields, this one would hold 4; a server started with --max-custom-fields N \(option limits\.maxCustomFields\) takes more$/)
    const me = await call('GET', 'users/show/me', {}, { session })
    expect(me.body.response.users[0].custom_fields).toEqual({ age: 30, color: 'red' })
    const swapped = await update({ age: null, color: null, a: 1, b: 2, c: 3 })
    expect(swapped.body.response.users[0].custom_fields).toEqual({ a: 1, b: 2, c: 3 })
  })

  it('defaults to 200 fields a user', async () => {
    const call = await serve()
    const create = (username: string, count: number) =>
      call('POST', 'users/create', {}, { form: { username, password: 'p', password_confirmation: 'p', custom_fields: fields(count) } })
    expect((await create('two-hundred', 200)).status).toBe(200)
    expect((await create('two-hundred-one', 201)).body.meta.message).toMatch(/at most 200 custom fields, this one would hold 201; a server started with --max-custom-fields N \(option limits\.maxCustomFields\) takes more$/)
  })

  it('is set by --max-custom-fields on the command line', async () => {
    const server = await spawnServer(['start', '--port', '0', '--max-custom-fields', '1'])
    children.push(server)
    const reply = await rawRequest(server.url, 'POST', '/v1/users/create.json?key=K', {
      body: `username=zoe&password=p&password_confirmation=p&custom_fields=${encodeURIComponent('{"a":1,"b":2}')}`,
    })
    expect(reply.status).toBe(400)
    expect(reply.body.meta.message).toMatch(/at most 1 custom fields, this one would hold 2; a server started with --max-custom-fields N \(option limits\.maxCustomFields\) takes more$/)
  })
})

describe('limits given in code', () => {
  it('must be whole numbers of at least 1', async () => {
    const refusal = createMockCloud({ limits: { maxBodyBytes: 0 } })
    await expect(refusal).rejects.toThrow(RangeError)
    await expect(refusal).rejects.toThrow('createMockCloud: limits.maxBodyBytes must be a whole number of bytes, at least 1, got 0')
    await expect(createMockCloud({ limits: { maxCustomFields: 1.5 } })).rejects.toThrow('limits.maxCustomFields must be a whole number')
  })

  it('an unknown limit is refused with the one it is likely to mean, not ignored', async () => {
    await expect(createMockCloud({ limits: { maxBody: 10 } } as never)).rejects.toThrow(
      'createMockCloud: unknown option limits.maxBody; did you mean limits.maxBodyBytes?',
    )
    await expect(createMockCloud({ limits: { colour: 1 } } as never)).rejects.toThrow(
      'unknown option limits.colour; the options of limits are maxBodyBytes, maxCustomFields, maxWhereDepth, maxWhereNodes, maxRegexLength',
    )
  })
})

describe('the where limits', () => {
  const nested = (levels: number): unknown => {
    let where: unknown = { age: 1 }
    for (let i = 1; i < levels; i++) where = { $and: [where] }
    return where
  }

  it('refuse a where nested deeper than 32 levels and a $regex longer than 256 characters by default, with a 400', async () => {
    const call = await serve()
    const tooDeep = await call('GET', 'users/query', { where: nested(20) })
    expect(tooDeep.status).toBe(400)
    expect(tooDeep.body.meta.message).toBe('Invalid where parameter: nested deeper than 32 levels; a server started with --max-where-depth N (option limits.maxWhereDepth) takes more')
    const longRegex = await call('GET', 'users/query', { where: { username: { $regex: `^${'a'.repeat(256)}` } } })
    expect(longRegex.status).toBe(400)
    expect(longRegex.body.meta.message).toMatch(/^Invalid where parameter: \$regex longer than 256 characters/)
  })

  it('are set by limits.maxWhereDepth, maxWhereNodes and maxRegexLength', async () => {
    const call = await serve({ limits: { maxWhereDepth: 4, maxWhereNodes: 5, maxRegexLength: 3 } })
    expect((await call('GET', 'users/count', { where: { age: { $in: [25, 30] } } })).body.meta.count).toBe(2)
    expect((await call('GET', 'users/count', { where: { a: { b: { c: { d: 1 } } } } })).body.meta.message).toBe(
      'Invalid where parameter: nested deeper than 4 levels; a server started with --max-where-depth N (option limits.maxWhereDepth) takes more',
    )
    expect((await call('GET', 'users/count', { where: { age: { $in: [1, 2, 3, 4, 5] } } })).body.meta.message).toMatch(
      'Invalid where parameter: more than 5 values and operators; a server started with --max-where-nodes N (option limits.maxWhereNodes) takes more',
    )
    expect((await call('GET', 'users/count', { where: { username: { $regex: '^alic' } } })).body.meta.message).toMatch(
      'Invalid where parameter: $regex longer than 3 characters; a server started with --max-regex-length N (option limits.maxRegexLength) takes more',
    )
  })

  it('are set by --max-where-depth, --max-where-nodes and --max-regex-length on the command line', async () => {
    const server = await spawnServer(['start', '--port', '0', '--max-where-depth', '3', '--max-where-nodes=100', '--max-regex-length', '2'])
    children.push(server)
    const count = async (where: unknown) =>
      (await rawRequest(server.url, 'GET', `/v1/users/count.json?key=K&where=${encodeURIComponent(JSON.stringify(where))}`)).body.meta
    expect((await count({ a: { b: { c: 1 } } })).message).toBe('Invalid where parameter: nested deeper than 3 levels; a server started with --max-where-depth N (option limits.maxWhereDepth) takes more')
    expect((await count({ a: { $regex: '^abc' } })).message).toMatch(/longer than 2 characters/)
    expect((await count({ a: 1 })).count).toBe(0)
  })
})
