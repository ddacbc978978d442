import { describe, expect, it } from 'vitest'
import { compileWhere } from '../../src/query/where.js'
import { expectApiError } from '../support/expect-api-error.js'

const doc = (id: string, fields: Record<string, unknown>): Record<string, unknown> => ({
  id,
  _id: id,
  admin: false,
  created_at: new Date('2020-01-01T00:00:00Z'),
  updated_at: new Date('2020-01-01T00:00:00Z'),
  ...fields,
})

// Fixture S as query docs, plus a `hobby` field for `$in` and `$all` over arrays.
const alice = doc('u1', {
  username: 'alice',
  email: 'alice@example.com',
  first_name: 'Alice',
  last_name: 'Smith',
  tags: ['golf', 'snowboarding'],
  age: 30,
  color: 'red',
  hobby: ['golf', 'snowboarding'],
  joined: new Date('2020-01-01T03:30:00Z'),
  coordinates: [-122.1, 37.1],
})
const bob = doc('u2', { username: 'bob', email: 'bob@example.com', tags: ['golf'], age: 25, color: 'blue', hobby: 'golf' })
const carol = doc('u3', { username: 'carol', email: 'carol@example.com', age: '35', hobby: ['snowboarding', 'golf'] })
const dave = doc('u4', { username: 'dave', email: 'dave@example.com', hobby: 'ski', created_at: new Date('2021-06-01T00:00:00Z') })
const users = [alice, bob, carol, dave]

const matching = (where: unknown): unknown[] => users.filter(compileWhere(where)!).map((u) => u.username)

const invalid = (reason: string): string => `Invalid where parameter: ${reason}`
const REGEX_PREFIX_MESSAGE = 'This regex query is not supported, regex expression should start with ^letter or ^digit.'

describe('compileWhere', () => {
  it('has no condition without a where, so every user is listed', () => {
    expect(compileWhere(undefined)).toBeUndefined()
    expect(compileWhere('')).toBeUndefined()
    expect(matching('{}')).toEqual(['alice', 'bob', 'carol', 'dave'])
  })

  it('accepts the where as JSON text or as a parsed JSON body value', () => {
    expect(matching('{"username":"bob"}')).toEqual(['bob'])
    expect(matching({ username: 'bob' })).toEqual(['bob'])
  })

  it('finds custom fields by bare name and with $in (B09)', () => {
    expect(matching('{"color":"red"}')).toEqual(['alice'])
    expect(matching('{"color":{"$in":["blue","red"]}}')).toEqual(['alice', 'bob'])
  })

  it('keeps types apart: $gt 28 skips the string "35", "35" finds it (B09)', () => {
    expect(matching('{"age":{"$gt":28}}')).toEqual(['alice'])
    expect(matching('{"age":"35"}')).toEqual(['carol'])
    expect(matching('{"age":{"$gte":"30"}}')).toEqual(['carol'])
  })

  it('lets null match a missing field', () => {
    expect(matching('{"color":null}')).toEqual(['carol', 'dave'])
    expect(matching('{"color":{"$ne":null}}')).toEqual(['alice', 'bob'])
    expect(matching('{"color":{"$in":[null,"blue"]}}')).toEqual(['bob', 'carol', 'dave'])
  })

  it('matches array fields element by element', () => {
    expect(matching('{"tags":"golf"}')).toEqual(['alice', 'bob'])
    expect(matching('{"hobby":["golf","snowboarding"]}')).toEqual(['alice'])
    expect(matching('{"tags":{"$size":2}}')).toEqual(['alice'])
    expect(matching('{"hobby":{"$elemMatch":{"$regex":"^snow"}}}')).toEqual(['alice', 'carol'])
  })

  it('lets $in with an array operand match a field equal to that array, and $nin exclude it (B19)', () => {
    expect(matching('{"hobby":{"$in":[["golf","snowboarding"]]}}')).toEqual(['alice'])
    expect(matching('{"hobby":{"$nin":[["golf","snowboarding"]]}}')).toEqual(['bob', 'carol', 'dave'])
  })

  it('lets $all match a scalar field equal to its single value (B20)', () => {
    expect(matching('{"hobby":{"$all":["golf"]}}')).toEqual(['alice', 'bob', 'carol'])
    expect(matching('{"hobby":{"$all":["golf","snowboarding"]}}')).toEqual(['alice', 'carol'])
    expect(matching('{"hobby":{"$all":[["golf","snowboarding"]]}}')).toEqual(['alice'])
    expect(matching('{"hobby":{"$all":[]}}')).toEqual([])
  })

  it('takes $all of $elemMatch items, each matching some element, and refuses them mixed with values', () => {
    const scored = [doc('s1', { name: 's1', v: [{ q: 1 }, { q: 5 }] }), doc('s2', { name: 's2', v: [{ q: 1 }] }), doc('s3', { name: 's3', v: { q: 5 } })]
    const names = (where: unknown): unknown[] => scored.filter(compileWhere(where)!).map((u) => u.name)
    expect(names({ v: { $all: [{ $elemMatch: { q: 5 } }, { $elemMatch: { q: { $lt: 2 } } }] } })).toEqual(['s1'])
    expect(names({ v: { $all: [{ $elemMatch: { q: 1 } }] } })).toEqual(['s1', 's2'])
    expectApiError(() => compileWhere({ v: { $all: [{ $elemMatch: { q: 1 } }, 3] } }), 400, invalid('$all cannot mix $elemMatch items and values'))
  })

  it('accepts both id and _id', () => {
    expect(matching('{"id":"u2"}')).toEqual(['bob'])
    expect(matching('{"_id":{"$in":["u1","u3"]}}')).toEqual(['alice', 'carol'])
    expect(matching('{"_id":{"$lt":"u3"}}')).toEqual(['alice', 'bob'])
  })

  it('combines $or, $and, $nor and $not', () => {
    expect(matching('{"$or":[{"age":25},{"hobby":"ski"}]}')).toEqual(['bob', 'dave'])
    expect(matching('{"$and":[{"tags":"golf"},{"age":{"$lt":28}}]}')).toEqual(['bob'])
    expect(matching('{"$nor":[{"age":25},{"hobby":"ski"}]}')).toEqual(['alice', 'carol'])
    expect(matching('{"hobby":{"$not":{"$in":["golf"]}}}')).toEqual(['dave'])
    expect(matching('{"age":{"$exists":false}}')).toEqual(['dave'])
  })

  it('compares a date-form string with a date field by instant', () => {
    expect(matching('{"joined":{"$gt":"2020-01-01 03:29:59+0000"}}')).toEqual(['alice'])
    expect(matching('{"joined":{"$gt":"2020-01-01 03:30:00+0000"}}')).toEqual([])
    expect(matching('{"joined":"2019-12-31 22:30:00 -0500"}')).toEqual(['alice'])
    expect(matching('{"created_at":{"$gte":"2021-01-01 00:00:00+0000"}}')).toEqual(['dave'])
  })

  it('compares an ISO or wire-format string with a date field by instant and with a text field as text', () => {
    expect(matching('{"joined":"2020-01-01T03:30:00+0000"}')).toEqual(['alice'])
    expect(matching('{"joined":{"$lt":"2020-01-01T04:00:00Z"}}')).toEqual(['alice'])
    expect(matching('{"created_at":{"$gte":"2021-01-01"}}')).toEqual(['dave'])
    const texts = [doc('t1', { name: 't1', note: '2020-01-01T03:30:00+0000' }), doc('t2', { name: 't2', note: 'later' })]
    expect(texts.filter(compileWhere('{"note":"2020-01-01T03:30:00+0000"}')!).map((d) => d.name)).toEqual(['t1'])
    expect(texts.filter(compileWhere('{"note":{"$gt":"2020-01-01"}}')!).map((d) => d.name)).toEqual(['t1', 't2'])
  })

  it('runs prefix regexes with the i and m options', () => {
    expect(matching('{"username":{"$regex":"^a"}}')).toEqual(['alice'])
    expect(matching('{"username":{"$regex":"^A"}}')).toEqual([])
    expect(matching('{"username":{"$regex":"^A","$options":"i"}}')).toEqual(['alice'])
    expect(matching('{"username":{"$not":{"$regex":"^a"}}}')).toEqual(['bob', 'carol', 'dave'])
    expect(matching('{"email":{"$regex":"^9"}}')).toEqual([])
  })

  it('refuses a regex that does not start with ^ and a letter or digit', () => {
    for (const pattern of ['a', '^.*a*', '^', '^\\\\w']) {
      expectApiError(() => compileWhere({ username: { $regex: pattern } }), 400, REGEX_PREFIX_MESSAGE)
    }
  })

  it('refuses regex options other than i and m, overlong patterns and broken patterns', () => {
    expectApiError(() => compileWhere('{"username":{"$regex":"^a","$options":"g"}}'), 400, invalid('$options may only hold i and m'))
    expectApiError(() => compileWhere({ username: { $regex: `^a${'b'.repeat(255)}` } }), 400, invalid('$regex longer than 256 characters; a server started with --max-regex-length N (option limits.maxRegexLength) takes more'))
    expect(() => compileWhere({ username: { $regex: `^a${'b'.repeat(254)}` } })).not.toThrow()
    expectApiError(() => compileWhere('{"username":{"$options":"i"}}'), 400, invalid('$options needs $regex'))
    expectApiError(() => compileWhere('{"username":{"$regex":"^a("}}'), 400, /^Invalid where parameter: invalid regular expression \(/)
  })

  it('searches names, email, username and tags with $text and ANDs the rest (B22)', () => {
    expect(matching('{"$text":{"$search":"golf"}}')).toEqual(['alice', 'bob'])
    expect(matching('{"$text":{"$search":"golf -snowboarding"}}')).toEqual(['bob'])
    expect(matching('{"$text":{"$search":"golf"},"age":{"$gt":28}}')).toEqual(['alice'])
  })

  it('finds users near a point with $nearSphere and $maxDistance in radians', () => {
    expect(matching('{"coordinates":{"$nearSphere":[-122.1,37.1],"$maxDistance":0.00126}}')).toEqual(['alice'])
    expect(matching('{"coordinates":{"$nearSphere":[-122.3,37.1],"$maxDistance":0.00126}}')).toEqual([])
    expect(matching('{"coordinates":{"$nearSphere":[0,0]}}')).toEqual(['alice'])
  })

  it.each([
    ['not-json', /^Invalid where parameter: not valid JSON \(/],
    ['{"age":{"$foo":1}}', invalid('unknown operator $foo')],
    ['{"username":{"$regex":"("}}', REGEX_PREFIX_MESSAGE],
    ['{"$where":"this.age>28"}', invalid('operator $where is not supported')],
    ['{"$or":[]}', invalid('$or must be a non-empty array')],
  ])('answers the B22 where %s with 400', (where, message) => {
    expectApiError(() => compileWhere(where), 400, message)
  })

  it.each(['[1,2]', '"text"', '42', 'null', 'true'])('answers the non-object where %s with 400', (where) => {
    expectApiError(() => compileWhere(where), 400, invalid('must be a JSON object'))
  })

  it('refuses code-running operators at any depth', () => {
    for (const operator of ['$where', '$function', '$accumulator', '$expr', '$jsonSchema']) {
      const where = { $or: [{ age: 1 }, { $and: [{ [operator]: {} }] }] }
      expectApiError(() => compileWhere(where), 400, invalid(`operator ${operator} is not supported`))
    }
  })

  it('refuses operators outside the spec list wherever they are', () => {
    expectApiError(() => compileWhere('{"age":{"$type":"string"}}'), 400, invalid('unknown operator $type'))
    expectApiError(() => compileWhere('{"$comment":"x"}'), 400, invalid('unknown operator $comment'))
    expectApiError(() => compileWhere('{"tags":{"$elemMatch":{"$mod":[2,0]}}}'), 400, invalid('unknown operator $mod'))
    expectApiError(() => compileWhere('{"age":{"$not":{"$bitsAllSet":1}}}'), 400, invalid('unknown operator $bitsAllSet'))
  })

  it('refuses operators in the wrong place', () => {
    expectApiError(() => compileWhere('{"$gt":1}'), 400, invalid('operator $gt is not allowed in place of a field name'))
    expectApiError(() => compileWhere('{"age":{"$or":[{"$gt":1}]}}'), 400, invalid('operator $or is not allowed on a field'))
    expectApiError(() => compileWhere('{"$or":[{"$text":{"$search":"golf"}}]}'), 400, invalid('operator $text is not allowed below the top level'))
    expectApiError(() => compileWhere('{"username":{"$in":[{"$regex":"^a"}]}}'), 400, invalid('operator $regex is not allowed inside a value'))
    expectApiError(() => compileWhere('{"age":{"$gt":1,"x":2}}'), 400, invalid('cannot mix operators and field names (x)'))
    expectApiError(() => compileWhere('{"$text":{"$search":"a","$language":"en"}}'), 400, invalid('unknown operator $language'))
  })

  it('refuses empty or non-array $and, $or and $nor', () => {
    expectApiError(() => compileWhere('{"$and":[]}'), 400, invalid('$and must be a non-empty array'))
    expectApiError(() => compileWhere('{"$nor":[]}'), 400, invalid('$nor must be a non-empty array'))
    expectApiError(() => compileWhere('{"$or":{"age":1}}'), 400, invalid('$or must be a non-empty array'))
  })

  it('refuses malformed operator operands instead of crashing', () => {
    expectApiError(() => compileWhere('{"age":{"$in":5}}'), 400, invalid('$in needs an array'))
    expectApiError(() => compileWhere('{"age":{"$nin":"x"}}'), 400, invalid('$nin needs an array'))
    expectApiError(() => compileWhere('{"age":{"$all":1}}'), 400, invalid('$all needs an array'))
    expectApiError(() => compileWhere('{"age":{"$not":5}}'), 400, invalid('$not needs an object of operators'))
    expectApiError(() => compileWhere('{"tags":{"$size":"2"}}'), 400, invalid('$size needs a whole number'))
    expectApiError(() => compileWhere('{"tags":{"$elemMatch":3}}'), 400, invalid('$elemMatch needs an object'))
    expectApiError(() => compileWhere('{"username":{"$regex":5}}'), 400, invalid('$regex needs a string'))
    expectApiError(() => compileWhere('{"$text":"golf"}'), 400, invalid('$text needs {"$search": "<words>"}'))
    expectApiError(() => compileWhere('{"c":{"$nearSphere":[200,0]}}'), 400, invalid('$nearSphere needs [longitude, latitude]'))
    expectApiError(() => compileWhere('{"c":{"$nearSphere":[0,0],"$maxDistance":-1}}'), 400, invalid('$maxDistance needs a non-negative number of radians'))
    expectApiError(() => compileWhere('{"c":{"$maxDistance":1}}'), 400, invalid('$maxDistance needs $nearSphere'))
  })

  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    const wheres = [
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"$exists":true}}',
      '{"tags.prototype":1}',
      '{"$or":[{"age":{"$eq":{"__proto__":1}}}]}',
      '{"age":{"$in":[{"a":{"constructor":1}}]}}',
    ]
    for (const where of wheres) expectApiError(() => compileWhere(where), 400, /^Invalid where parameter: field name (__proto__|constructor|prototype) is not allowed$/)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('does not see inherited members as fields', () => {
    expect(matching('{"toString":{"$exists":true}}')).toEqual([])
    expect(matching('{"created_at.getTime":{"$exists":true}}')).toEqual([])
    expect(matching('{"created_at.getTime":{"$exists":false}}')).toEqual(['alice', 'bob', 'carol', 'dave'])
  })

  it('refuses a where nested deeper than 32 levels', () => {
    const nest = (levels: number): unknown => {
      let where: unknown = { age: 30 }
      for (let i = 1; i < levels; i++) where = { $and: [where] }
      return where
    }
    expect(() => compileWhere(nest(16))).not.toThrow()
    expectApiError(() => compileWhere(nest(17)), 400, invalid('nested deeper than 32 levels; a server started with --max-where-depth N (option limits.maxWhereDepth) takes more'))
    expectApiError(() => compileWhere(JSON.stringify({ a: JSON.parse('['.repeat(40) + ']'.repeat(40)) })), 400, invalid('nested deeper than 32 levels; a server started with --max-where-depth N (option limits.maxWhereDepth) takes more'))
  })
})
