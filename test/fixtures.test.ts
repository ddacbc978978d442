import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FixtureError } from '../src/fixtures.js'
import { loadFixtureFile, parseFixture } from '../src/app.js'
import { OBJECTS, type Fixture } from '../src/objects/index.js'

const SOURCE = 'fixtures/test.json'

/** Parses `{ users: [user] }` and returns the FixtureError it throws. */
function errorFor(users: unknown[], source = SOURCE): FixtureError {
  try {
    parseFixture({ users }, source)
  } catch (err) {
    expect(err).toBeInstanceOf(FixtureError)
    return err as FixtureError
  }
  throw new Error('parseFixture accepted an invalid fixture')
}

const ok = { username: 'alice', password: 'alice-pass' }

describe('the bundled fixtures/users.json', () => {
  it('loads six users with exactly one admin, named admin', async () => {
    const fixture = await loadFixtureFile('fixtures/users.json')
    expect(fixture.users!).toHaveLength(6)
    const admins = fixture.users!.filter((user) => user.admin === true)
    expect(admins.map((user) => user.username)).toEqual(['admin'])
  })

  it('has alice with the custom fields the README queries', async () => {
    const fixture = await loadFixtureFile('fixtures/users.json')
    const alice = fixture.users!.find((user) => user.username === 'alice')
    expect(alice?.custom_fields).toEqual({ age: 30, color: 'red' })
    expect(alice?.password).toBe('alice-pass')
  })
})

describe('parseFixture: a valid fixture', () => {
  it('keeps given fields and omits absent ones', () => {
    const fixture: Fixture = parseFixture({
      users: [
        {
          id: '65bb6f24a0b1c2d3e4f50002', username: 'alice', email: 'alice@example.com', password: 'pw',
          first_name: 'Alice', last_name: 'Anderson', role: 'member', admin: false,
          tags: ['hiking'], custom_fields: { age: 30, color: 'red' }, created_at: '2024-02-01T10:15:00Z',
        },
        { username: 'bob', password: 'pw' },
      ],
    }, SOURCE)
    expect(fixture.users![0]).toEqual({
      id: '65bb6f24a0b1c2d3e4f50002', username: 'alice', email: 'alice@example.com', password: 'pw',
      first_name: 'Alice', last_name: 'Anderson', role: 'member', admin: false,
      tags: ['hiking'], custom_fields: { age: 30, color: 'red' }, created_at: '2024-02-01T10:15:00.000Z',
    })
    expect(fixture.users![1]).toEqual({ username: 'bob', password: 'pw' })
  })

  it('turns a comma string of tags into trimmed tags', () => {
    const { users = [] } = parseFixture({ users: [{ ...ok, tags: ' hiking,  swimming ,,' }] }, SOURCE)
    expect(users[0]?.tags).toEqual(['hiking', 'swimming'])
  })

  it('accepts admin as "true"/"false" strings, as the API sends them', () => {
    const { users = [] } = parseFixture({ users: [{ ...ok, admin: 'true' }, { username: 'bob', password: 'pw', admin: 'false' }] }, SOURCE)
    expect(users.map((user) => user.admin)).toEqual([true, false])
  })

  it('reads created_at in ISO and in the wire format, to UTC', () => {
    const { users = [] } = parseFixture({
      users: [
        { ...ok, created_at: '2011-11-29T18:03:17+0000' },
        { username: 'bob', password: 'pw', created_at: '2011-11-02 17:07:37 -0700' },
        { username: 'carol', password: 'pw', created_at: '2024-05-01' },
        { username: 'dave', password: 'pw', created_at: ' 2024-02-01T10:15:00 ' },
        { username: 'erin', password: 'pw', created_at: '2024-02-01 10:15:00Z' },
      ],
    }, SOURCE)
    expect(users.map((user) => user.created_at)).toEqual([
      '2011-11-29T18:03:17.000Z', '2011-11-03T00:07:37.000Z', '2024-05-01T00:00:00.000Z',
      '2024-02-01T10:15:00.000Z', '2024-02-01T10:15:00.000Z',
    ])
  })

  it('drops null custom fields, which are never stored (docs/fixtures.md "Users")', () => {
    const { users = [] } = parseFixture({ users: [{ ...ok, custom_fields: { age: 30, gone: null } }] }, SOURCE)
    expect(users[0]?.custom_fields).toEqual({ age: 30 })
  })

  it('accepts an empty users list', () => {
    expect(parseFixture({ users: [] }, SOURCE)).toEqual({ users: [] })
  })
})

describe('parseFixture: a mistake names file, entry and field', () => {
  const cases: Array<[string, unknown[], number | undefined, string | undefined, string]> = [
    ['a bad email', [ok, { username: 'x', password: 'pw' }, { email: 'bob@', password: 'pw' }], 2, 'email',
      'fixtures/test.json: users[2].email: "bob@" is not a valid email address'],
    ['a missing password', [{ username: 'alice' }], 0, 'password', 'users[0].password: is required'],
    ['an empty password', [{ username: 'alice', password: '' }], 0, 'password', 'users[0].password: must be a non-empty string, got ""'],
    ['neither username nor email', [{ password: 'pw', first_name: 'A' }], 0, undefined, 'users[0]: a user needs a "username" or an "email"'],
    ['an email user without a last_name', [{ email: 'a@example.com', password: 'pw', first_name: 'A' }], 0, 'last_name',
      'users[0].last_name: is required for a user without a "username" (as users/create requires)'],
    ['a typo in a key', [{ ...ok, emial: 'a@b.co' }], 0, 'emial', 'users[0].emial: unknown key; allowed keys are username, email, password'],
    ['a non-string username', [{ username: 42, password: 'pw' }], 0, 'username', 'users[0].username: must be a non-empty string, got 42'],
    ['admin that is not a boolean', [{ ...ok, admin: 'yes' }], 0, 'admin', 'users[0].admin: must be true or false, got "yes"'],
    ['tags that are a number', [{ ...ok, tags: 3 }], 0, 'tags', 'users[0].tags: must be an array of strings or a comma-separated string'],
    ['a tag that is not a string', [{ ...ok, tags: ['a', 1] }], 0, 'tags[1]', 'users[0].tags[1]: must be a non-empty string, got 1'],
    ['an id with a non-hex character', [{ ...ok, id: '65bb6f24a0b1c2d3e4f5000g' }], 0, 'id', 'users[0].id: "65bb6f24a0b1c2d3e4f5000g" is not an id: use 24 hex'],
    ['a short id', [{ ...ok, id: 'abc' }], 0, 'id', 'users[0].id: "abc" is not an id'],
    ['a created_at that is not a date', [{ ...ok, created_at: 'yesterday' }], 0, 'created_at', 'users[0].created_at: "yesterday" is not a date'],
    ['a created_at on a day that does not exist', [{ ...ok, created_at: '2023-02-30' }], 0, 'created_at', 'is not a date'],
    ['a created_at at hour 24', [{ ...ok, created_at: '2024-02-01T24:00:00Z' }], 0, 'created_at', 'is not a date'],
    ['a custom field name MongoDB cannot store', [{ ...ok, custom_fields: { 'a.b': 1 } }], 0, 'custom_fields.a.b',
      'users[0].custom_fields.a.b: a custom field name must not start with "$" or contain "."'],
    ['custom_fields that are an array', [{ ...ok, custom_fields: [1] }], 0, 'custom_fields', 'users[0].custom_fields: must be an object, got the array [1]'],
    ['a duplicate username, case-insensitive', [ok, { username: 'ALICE', password: 'pw' }], 1, 'username',
      'users[1].username: "ALICE" is already used by users[0] (case-insensitive)'],
    ['a duplicate email, case-insensitive', [{ email: 'a@example.com', password: 'pw', first_name: 'A', last_name: 'B' }, { email: 'A@Example.com', password: 'pw', first_name: 'A', last_name: 'B' }], 1, 'email',
      'users[1].email: "A@Example.com" is already used by users[0]'],
    ['a duplicate id', [{ ...ok, id: '65bb6f24a0b1c2d3e4f50002' }, { username: 'bob', password: 'pw', id: '65bb6f24a0b1c2d3e4f50002' }], 1, 'id',
      'users[1].id: "65bb6f24a0b1c2d3e4f50002" is already used by users[0]'],
    ['a user that is not an object', [ok, 'bob'], 1, undefined, 'users[1]: each user must be an object, got "bob"'],
  ]

  for (const [what, users, entry, field, message] of cases) {
    it(`${what} → ${message}`, () => {
      const error = errorFor(users)
      expect(error.message).toContain(message)
      expect(error.message.startsWith(`${SOURCE}: `)).toBe(true)
      expect(error.file).toBe(SOURCE)
      expect(error.entry).toBe(entry)
      expect(error.field).toBe(field)
    })
  }

  it('refuses __proto__ as a user key', () => {
    const error = errorFor([JSON.parse('{"username":"a","password":"pw","__proto__":{"admin":true}}')])
    expect(error.message).toBe(`${SOURCE}: users[0].__proto__: this key is not allowed`)
  })

  it('refuses __proto__, constructor and prototype inside custom fields, however deep', () => {
    expect(errorFor([{ ...ok, custom_fields: JSON.parse('{"__proto__":{"x":1}}') }]).field).toBe('custom_fields.__proto__')
    expect(errorFor([{ ...ok, custom_fields: { constructor: 1 } }]).message)
      .toBe(`${SOURCE}: users[0].custom_fields.constructor: the name "constructor" is not allowed`)
    expect(errorFor([{ ...ok, custom_fields: { a: [{ b: { prototype: 1 } }] } }]).field).toBe('custom_fields.a[0].b.prototype')
  })

  it('a top level that is not { "users": [...] } names the file only', () => {
    const topLevel = (json: unknown): FixtureError => {
      try { parseFixture(json, SOURCE) } catch (err) { return err as FixtureError }
      throw new Error('accepted')
    }
    // Every object with a fixture part adds its key to the list.
    const keys = [...OBJECTS.flatMap((object) => object.fixture?.key ?? []), 'settings', 'apps'].map((key) => `"${key}"`).join(', ')
    expect(topLevel([]).message).toBe(`${SOURCE}: the file must hold a JSON object such as { "users": [...] }; its keys may be ${keys}`)
    expect(topLevel({ user: [] }).message).toBe(`${SOURCE}: unknown key "user" at the top level; the allowed keys are ${keys}`)
    // An empty fixture is a baseline with no data.
    expect(parseFixture({}, SOURCE)).toEqual({})
  })
})

describe('loadFixtureFile', () => {
  let dir: string
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mock-cloud-fixtures-')) })
  afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

  const loadError = async (path: string): Promise<FixtureError> => {
    const error: unknown = await loadFixtureFile(path).then(() => undefined, (err: unknown) => err)
    expect(error).toBeInstanceOf(FixtureError)
    return error as FixtureError
  }

  it('a missing file → "FILE: file not found"', async () => {
    const path = join(dir, 'nope.json')
    expect((await loadError(path)).message).toBe(`${path}: file not found (a relative path starts from the current directory, ${process.cwd()})`)
  })

  it('a directory → "FILE: is a directory, not a file"', async () => {
    await mkdir(join(dir, 'sub'))
    expect((await loadError(join(dir, 'sub'))).message).toContain('is a directory')
  })

  it('invalid JSON → the line and column of the mistake where the parser gives a position', async () => {
    const path = join(dir, 'broken.json')
    await writeFile(path, '{\n  "users": [\n    { "username": "a" "password": "pw" }\n  ]\n}\n')
    const error = await loadError(path)
    expect(error.message).toBe(`${path}: invalid JSON at line 3, column 23: Expected ',' or '}' after property value`)
  })

  it('invalid JSON whose message has no position → the line and column found from the text V8 quotes', async () => {
    const path = join(dir, 'comma.json')
    await writeFile(path, '{ "users": [\n  { "username": "a", "password": tru },\n] }')
    expect((await loadError(path)).message).toBe(`${path}: invalid JSON at line 2, column 37: Unexpected token ' '`)
  })

  it('invalid JSON too short for V8 to quote around → still its line and column', async () => {
    const path = join(dir, 'short.json')
    await writeFile(path, '{"users": }')
    expect((await loadError(path)).message).toBe(`${path}: invalid JSON at line 1, column 11: Unexpected token '}'`)
    await writeFile(path, 'hello')
    expect((await loadError(path)).message).toBe(`${path}: invalid JSON at line 1, column 1: Unexpected token 'h'`)
  })

  it('a truncated file → the end of the file', async () => {
    const path = join(dir, 'short.json')
    await writeFile(path, '{ "users": [')
    expect((await loadError(path)).message).toContain('invalid JSON at line 1, column 13: Unexpected end of JSON input')
  })

  it('a rule broken in the file → the file path in the message', async () => {
    const path = join(dir, 'bad-email.json')
    await writeFile(path, JSON.stringify({ users: [{ email: 'bob@', password: 'pw' }] }))
    expect((await loadError(path)).message).toBe(`${path}: users[0].email: "bob@" is not a valid email address`)
  })

  it('a byte-order mark is tolerated', async () => {
    const path = join(dir, 'bom.json')
    await writeFile(path, `\uFEFF${JSON.stringify({ users: [ok] })}`)
    expect((await loadFixtureFile(path)).users).toHaveLength(1)
  })
})
