import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer, type Call } from '../support/client.js'

/**
 * One test per row of mongodb-divergences.md: the places where mingo 7.2.7
 * answers a `where` or `order` differently from MongoDB, each asserting
 * MongoDB's answer over HTTP (docs/api.md "Queries").
 * A = alice, B = bob, C = carol, D = dave; erin has none of these fields.
 */

const user = (n: number, username: string, custom_fields: Record<string, unknown>) => ({
  id: `5f00000000000000000000a${n}`,
  username,
  password: `pw-${username}`,
  custom_fields,
})

const fixture = {
  users: [
    user(1, 'alice', {
      hobby: ['golf', 'snowboarding'],
      pet: { kind: 'dog', name: 'Rex' },
      nick: 'al',
      glyph: '\u{1F600}',
      scores: [2],
      box: { a: 'x' },
      words: [['abc']],
      rank: [1, 10],
      crate: { x: 2, a: 1 },
      chest: { a: 's' },
      coordinates: [-122.1, 37.1],
      grid: [[5]],
      kids: [{ name: 'x' }],
    }),
    user(2, 'bob', {
      hobby: 'golf',
      pet: { name: 'Rex', kind: 'dog' },
      glyph: '\uFF21',
      scores: [0],
      box: { a: 0 },
      words: ['abc'],
      rank: 5,
      crate: { x: 1, b: 5 },
      chest: { b: 1 },
      grid: [5],
      kids: [{ age: 1 }],
    }),
    user(3, 'carol', { hobby: ['snowboarding', 'golf'], glyph: 'a', scores: 2, box: { x: 2, a: 1 }, words: 'abc', grid: [{ x: 5 }], kids: [5, { age: 1 }] }),
    user(4, 'dave', { hobby: 'ski' }),
    user(5, 'erin', {}),
  ],
}

let server: RunningMockCloud
let call: Call

beforeAll(async () => {
  ;({ server, call } = await startServer({ fixtures: fixture }))
})
afterAll(() => server.stop())

/** The usernames `users/query` answers, in its order. */
async function query(params: Record<string, unknown>): Promise<string[]> {
  const reply = await call('GET', 'users/query', { limit: 100, ...params })
  expect(reply.status, reply.text).toBe(200)
  return reply.body.response.users.map((u: { username: string }) => u.username)
}

const where = (condition: unknown): Promise<string[]> => query({ where: condition })

describe('where and order answer as MongoDB where mingo 7.2.7 does not', () => {
  it('1. $in with an array item matches a field equal to that array (B19)', async () => {
    expect(await where({ hobby: { $in: [['golf', 'snowboarding']] } })).toEqual(['alice'])
  })

  it('2. $nin with an array item excludes a field equal to that array (B19)', async () => {
    expect(await where({ hobby: { $nin: [['golf', 'snowboarding']] } })).toEqual(['bob', 'carol', 'dave', 'erin'])
  })

  it('3. $all is an $and of equalities, so it matches a scalar field (B20)', async () => {
    expect(await where({ hobby: { $all: ['golf'] } })).toEqual(['alice', 'bob', 'carol'])
  })

  it('4. $all with an array item matches a field equal to that array', async () => {
    expect(await where({ hobby: { $all: [['golf', 'snowboarding']] } })).toEqual(['alice'])
  })

  it('5. embedded documents are equal only with the same keys in the same order', async () => {
    expect(await where({ pet: { name: 'Rex', kind: 'dog' } })).toEqual(['bob'])
  })

  it('6. $in compares embedded documents with key order too', async () => {
    expect(await where({ pet: { $in: [{ name: 'Rex', kind: 'dog' }] } })).toEqual(['bob'])
  })

  it('7. $ne compares embedded documents with key order too', async () => {
    expect(await where({ pet: { $ne: { name: 'Rex', kind: 'dog' } } })).toEqual(['alice', 'carol', 'dave', 'erin'])
  })

  it('8. $lte and $gte null mean "equals null", so they match a missing field; $lt and $gt null match nothing', async () => {
    expect(await where({ nick: { $lte: null } })).toEqual(['bob', 'carol', 'dave', 'erin'])
    expect(await where({ nick: { $gte: null } })).toEqual(['bob', 'carol', 'dave', 'erin'])
    expect(await where({ nick: { $lt: null } })).toEqual([])
  })

  it('9. strings compare by code point (UTF-8 order), not by UTF-16 unit', async () => {
    expect(await where({ glyph: { $gt: '\uFF21' } })).toEqual(['alice'])
    expect(await where({ glyph: { $lt: '\uFF21' } })).toEqual(['carol'])
  })

  it('10. a range bound that is an array compares an array field as a whole', async () => {
    expect(await where({ scores: { $gt: [1] } })).toEqual(['alice'])
  })

  it('11. embedded documents compare pair by pair in stored order: value type, then name, then value', async () => {
    expect(await where({ box: { $gt: { b: 1 } } })).toEqual(['alice', 'carol'])
    expect(await where({ box: { $gt: { x: 1, b: 5 } } })).toEqual(['alice', 'carol'])
  })

  it('12. $regex matches a string or a string element, not strings inside nested arrays', async () => {
    expect(await where({ words: { $regex: '^ab' } })).toEqual(['bob', 'carol'])
  })

  it('13. $exists reads its operand as BSON truth: only false, 0 and null are false', async () => {
    expect(await where({ hobby: { $exists: '' } })).toEqual(['alice', 'bob', 'carol', 'dave'])
    expect(await where({ hobby: { $exists: 0 } })).toEqual(['erin'])
    expect(await where({ hobby: { $exists: null } })).toEqual(['erin'])
  })

  it('14. a descending sort uses the largest element of an array', async () => {
    expect(await query({ where: { rank: { $exists: true } }, order: '-rank' })).toEqual(['alice', 'bob'])
    expect(await query({ where: { rank: { $exists: true } }, order: 'rank' })).toEqual(['alice', 'bob'])
  })

  it('15. strings sort by code point', async () => {
    expect(await query({ where: { glyph: { $exists: true } }, order: 'glyph' })).toEqual(['carol', 'bob', 'alice'])
  })

  it('16. embedded documents sort pair by pair in stored order: value type, then name, then value', async () => {
    expect(await query({ where: { crate: { $exists: true } }, order: 'crate' })).toEqual(['bob', 'alice'])
    expect(await query({ where: { chest: { $exists: true } }, order: 'chest' })).toEqual(['bob', 'alice'])
  })

  it('17. an empty $and, $or or $nor is an error (400), not "none" or "all"', async () => {
    for (const operator of ['$and', '$or', '$nor']) {
      const reply = await call('GET', 'users/query', { where: { [operator]: [] } })
      expect(reply.status).toBe(400)
      expect(reply.body.meta.message).toBe(`Invalid where parameter: ${operator} must be a non-empty array`)
    }
  })

  it('18. $text searches names, username, email and tags instead of failing', async () => {
    expect(await where({ $text: { $search: 'ALICE' } })).toEqual(['alice'])
  })

  it('19. $nearSphere finds points within $maxDistance radians instead of failing', async () => {
    expect(await where({ coordinates: { $nearSphere: [-122.1, 37.1], $maxDistance: 0.00126 } })).toEqual(['alice'])
  })

  it('20. a dotted path names stored fields only, never inherited members', async () => {
    expect(await where({ 'created_at.getTime': { $exists: true } })).toEqual([])
  })

  it('21. $elemMatch with operators tries each element as a whole, not the elements of a nested array', async () => {
    expect(await where({ grid: { $elemMatch: { $gt: 4 } } })).toEqual(['bob'])
    expect(await where({ grid: { $elemMatch: { $eq: 5 } } })).toEqual(['bob'])
  })

  it('22. $elemMatch with a query document skips elements that are not documents', async () => {
    expect(await where({ grid: { $elemMatch: { x: 5 } } })).toEqual(['carol'])
  })

  it('23. a field name in a path reaches into the documents of an array, not into nested arrays', async () => {
    expect(await where({ 'grid.x': 5 })).toEqual(['carol'])
  })

  it('24. {"a.b": null} matches when a document in array a lacks b, not when a holds scalars', async () => {
    expect(await where({ 'kids.age': null })).toEqual(['alice', 'dave', 'erin'])
    expect(await where({ 'kids.age': { $exists: false } })).toEqual(['alice', 'dave', 'erin'])
  })
})
