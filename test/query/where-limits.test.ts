import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileWhere } from '../../src/query/where.js'
import { REGEX_MAX_LENGTH, WHERE_MAX_DEPTH, WHERE_MAX_NODES, whereLimits } from '../../src/query/where-limits.js'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer, type Call } from '../support/client.js'
import { expectApiError } from '../support/expect-api-error.js'

/**
 * The limits and safety rules of `where` (docs/limits.md,
 * docs/api.md "Queries"): each limit answered with a 400 envelope, each
 * configurable through compileWhere's options, nothing run from input, no
 * prototype reachable, no regex able to backtrack catastrophically.
 */

const invalid = (reason: string): string => `Invalid where parameter: ${reason}`

/** A where nested `levels` deep: {"$and":[{"$and":[…{"age":1}…]}]}. */
function nested(levels: number): unknown {
  let where: unknown = { age: 1 }
  for (let i = 1; i < levels; i++) where = { $and: [where] }
  return where
}

const idList = (count: number): string[] => Array.from({ length: count }, (_, i) => i.toString(16).padStart(24, '0'))

describe('where limits in compileWhere', () => {
  it('has named defaults: 32 levels, 10,000 nodes, 256 regex characters', () => {
    expect(whereLimits()).toEqual({ maxDepth: WHERE_MAX_DEPTH, maxNodes: WHERE_MAX_NODES, maxRegexLength: REGEX_MAX_LENGTH })
    expect([WHERE_MAX_DEPTH, WHERE_MAX_NODES, REGEX_MAX_LENGTH]).toEqual([32, 10_000, 256])
  })

  it('takes a lower or higher depth limit as an option', () => {
    expect(() => compileWhere(nested(2), { maxDepth: 4 })).not.toThrow()
    expectApiError(() => compileWhere(nested(3), { maxDepth: 4 }), 400, invalid('nested deeper than 4 levels; a server started with --max-where-depth N (option limits.maxWhereDepth) takes more'))
    expect(() => compileWhere(nested(30), { maxDepth: 64 })).not.toThrow()
  })

  it('counts every object, array and value against the node limit', () => {
    // {"_id":{"$in":[…5 ids…]}}: the where, the operator object, the list and five ids = 8 nodes
    expect(() => compileWhere({ _id: { $in: idList(5) } }, { maxNodes: 8 })).not.toThrow()
    expectApiError(() => compileWhere({ _id: { $in: idList(6) } }, { maxNodes: 8 }), 400, invalid('more than 8 values and operators; a server started with --max-where-nodes N (option limits.maxWhereNodes) takes more'))
  })

  it('refuses a $in longer than the default node limit, and takes a few thousand ids', () => {
    expect(() => compileWhere({ _id: { $in: idList(5000) } })).not.toThrow()
    expectApiError(() => compileWhere({ _id: { $in: idList(10_000) } }), 400, invalid('more than 10000 values and operators; a server started with --max-where-nodes N (option limits.maxWhereNodes) takes more'))
  })

  it('takes the regex length limit as an option', () => {
    expect(() => compileWhere({ name: { $regex: '^abcd' } }, { maxRegexLength: 5 })).not.toThrow()
    expectApiError(() => compileWhere({ name: { $regex: '^abcde' } }, { maxRegexLength: 5 }), 400, invalid('$regex longer than 5 characters; a server started with --max-regex-length N (option limits.maxRegexLength) takes more'))
  })

  it('refuses a where nested 100,000 levels deep without overflowing the stack', () => {
    const deep = '{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'
    expectApiError(() => compileWhere(deep), 400, invalid('nested deeper than 32 levels; a server started with --max-where-depth N (option limits.maxWhereDepth) takes more'))
  })
})

describe('where limits and safety over HTTP', () => {
  let server: RunningMockCloud
  let call: Call

  beforeAll(async () => {
    ;({ server, call } = await startServer({
      fixtures: {
        users: [
          { username: 'ann', password: 'pw-ann', custom_fields: { note: `${'a'.repeat(40)}!` } },
          { username: 'ben', password: 'pw-ben', custom_fields: { note: 'aaa' } },
        ],
      },
    }))
  })
  afterAll(() => server.stop())

  async function expectRefused(where: unknown, message: string): Promise<void> {
    const reply = await call('GET', 'users/query', { where })
    expect(reply.status, reply.text).toBe(400)
    expect(reply.body.meta).toMatchObject({ status: 'fail', code: 400, message, method_name: 'queryUsers' })
  }

  it('answers a where nested deeper than 32 levels with a 400 envelope', async () => {
    await expectRefused(nested(17), invalid('nested deeper than 32 levels; a server started with --max-where-depth N (option limits.maxWhereDepth) takes more'))
  })

  it('answers a where of more than 10,000 nodes with a 400 envelope', async () => {
    await expectRefused({ _id: { $in: idList(10_000) } }, invalid('more than 10000 values and operators; a server started with --max-where-nodes N (option limits.maxWhereNodes) takes more'))
  })

  it('answers a $regex longer than 256 characters with a 400 envelope', async () => {
    await expectRefused({ note: { $regex: `^${'a'.repeat(256)}` } }, invalid('$regex longer than 256 characters; a server started with --max-regex-length N (option limits.maxRegexLength) takes more'))
  })

  it('answers a known evil regex that passes the prefix rule, by matching in linear time', async () => {
    // ^a(a+)+$ against forty a's and a "!" takes about 2^40 steps in a backtracking engine.
    const reply = await call('GET', 'users/query', { where: { note: { $regex: '^a(a+)+$' } } })
    expect(reply.status).toBe(200)
    expect(reply.body.response.users.map((u: { username: string }) => u.username)).toEqual(['ben'])
  })

  it('refuses regex features that need backtracking (lookahead, backreference)', async () => {
    for (const pattern of ['^a(?=a)', '^(a)\\1']) {
      const reply = await call('GET', 'users/query', { where: { note: { $regex: pattern } } })
      expect(reply.status).toBe(400)
      expect(reply.body.meta.message).toMatch(/^(Invalid where parameter: invalid regular expression|This regex query is not supported)/)
    }
  })

  it('refuses $where, $function, $accumulator and $expr with 400 and runs none of them', async () => {
    const marker = '__mockCloudRan'
    const body = `function () { globalThis.${marker} = true; return true }`
    const wheres = [
      { $where: `globalThis.${marker} = true` },
      { $where: body },
      { $expr: { $function: { body, args: [], lang: 'js' } } },
      { $expr: { $eq: [1, 1] } },
      { note: { $function: { body, args: [], lang: 'js' } } },
      { $or: [{ note: 'x' }, { $accumulator: { init: body, accumulate: body, merge: body, lang: 'js' } }] },
    ]
    for (const where of wheres) {
      const reply = await call('GET', 'users/query', { where })
      expect(reply.status, JSON.stringify(where)).toBe(400)
      expect(reply.body.meta.message).toMatch(/^Invalid where parameter: operator \$(where|function|accumulator|expr) is not supported$/)
    }
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined()
  })

  it('refuses __proto__, constructor and prototype keys in a where, and no prototype is polluted', async () => {
    const texts = [
      '{"__proto__":{"polluted":true}}',
      '{"note":{"__proto__":{"polluted":true}}}',
      '{"$or":[{"constructor":{"prototype":{"polluted":true}}}]}',
      '{"note":{"$in":[{"__proto__":{"polluted":true}}]}}',
      '{"note":{"$elemMatch":{"__proto__.polluted":true}}}',
    ]
    for (const where of texts) {
      const reply = await call('GET', 'users/query', { where })
      expect(reply.status, where).toBe(400)
      expect(reply.body.meta.message).toMatch(/^Invalid where parameter: field name (__proto__|constructor|prototype) is not allowed$/)
      // A JSON body hands compileWhere the parsed value, with "__proto__" as an own key.
      expectApiError(() => compileWhere(JSON.parse(where)), 400, /^Invalid where parameter: field name/)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined()
  })
})
