import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMockCloud } from '../../src/server.js'
import { startServer, type Call } from '../support/client.js'
import { ids } from '../support/fixture-s.js'

/**
 * `id` and `_id` in `where` (both are accepted; range queries on
 * `_id` page past the skip limit: docs/api.md "Queries"), over HTTP with fixture S.
 */

let server: RunningMockCloud
let call: Call

beforeAll(async () => {
  ;({ server, call } = await startServer())
})
afterAll(() => server.stop())

async function usernames(params: Record<string, unknown>): Promise<string[]> {
  const reply = await call('GET', 'users/query', params)
  expect(reply.status, reply.text).toBe(200)
  return reply.body.response.users.map((u: { username: string }) => u.username)
}

describe('id and _id in where', () => {
  it('finds users by id or _id, alone or with $in and $nin', async () => {
    expect(await usernames({ where: { id: ids.bob } })).toEqual(['bob'])
    expect(await usernames({ where: { _id: ids.bob } })).toEqual(['bob'])
    expect(await usernames({ where: { _id: { $in: [ids.carol, ids.alice] } } })).toEqual(['alice', 'carol'])
    expect(await usernames({ where: { id: { $nin: [ids.carol, ids.alice, ids.admin] } } })).toEqual(['bob', 'dave'])
  })

  it('pages by _id ranges, as the guide advises beyond skip 4999', async () => {
    const first = await usernames({ limit: 2 })
    expect(first).toEqual(['alice', 'bob'])
    expect(await usernames({ where: { _id: { $gt: ids.bob } }, limit: 2 })).toEqual(['carol', 'dave'])
    expect(await usernames({ where: { _id: { $lt: ids.carol } }, order: '-_id', limit: 2 })).toEqual(['bob', 'alice'])
  })
})
