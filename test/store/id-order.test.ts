import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { copyAppData } from '../../src/data-sets.js'
import type { AppData } from '../../src/store/db.js'
import { UserCollection } from '../../src/objects/users/collection.js'
import { firstInIdOrder, idOrder, inIdOrder } from '../../src/store/id-order.js'
import type { UserRecord } from '../../src/objects/users/record.js'
import { createMockCloud } from '../../src/index.js'
import { storedUsers } from '../support/stored-users.js'
import { dataSetOver } from '../support/data-set-over.js'
import { fixtureS } from '../support/fixture-s.js'
import { hexId as id, userRecord } from '../support/user-record.js'

/**
 * The cached id order lists the users as a sort by id does, after generated runs of
 * creates with ids in any order, updates, deletes, resets, snapshots put back and users pushed
 * past the collection (as `DataSets.seed` does).
 */

const user = (n: number, first_name = 'A'): UserRecord => userRecord(n, { first_name })

type Step =
  | { kind: 'create' | 'push'; n: number }
  | { kind: 'update'; pick: number }
  | { kind: 'delete'; picks: number[] }
  | { kind: 'reset' | 'snapshot' | 'putBack' | 'read' }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('create' as const, 'push' as const), n: fc.nat(1000) }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), picks: fc.array(fc.nat(), { maxLength: 3 }) }),
  fc.record({ kind: fc.constantFrom('reset' as const, 'snapshot' as const, 'putBack' as const, 'read' as const) }),
)

const sortedIds = (users: readonly UserRecord[]) => users.map((u) => u.id).sort()
const orderedIds = (users: readonly UserRecord[]) => idOrder(users).map((position) => users[position]!.id)

describe('idOrder', () => {
  it('lists the users as a sort by id does after any run of creates, updates, deletes, resets, put backs and outside pushes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const baseline = [user(500), user(20), user(900)]
        const holder = { data: copyAppData({ collections: { users: baseline } }) }
        const users = new UserCollection(dataSetOver(holder))
        let snapshot: AppData | undefined
        for (const current of steps) {
          const all = storedUsers(holder.data)
          const taken = (n: number) => all.some((u) => u.id === id(n))
          if (current.kind === 'create' && !taken(current.n)) users.insert(user(current.n))
          else if (current.kind === 'push' && !taken(current.n)) all.push(user(current.n))
          else if (current.kind === 'update' && all.length > 0) users.change(all[current.pick % all.length]!, { first_name: 'B' })
          else if (current.kind === 'delete' && all.length > 0) users.remove(new Set(current.picks.map((pick) => all[pick % all.length]!.id)))
          else if (current.kind === 'reset') holder.data = copyAppData({ collections: { users: baseline } })
          else if (current.kind === 'snapshot') snapshot = copyAppData(holder.data)
          else if (current.kind === 'putBack' && snapshot) holder.data = copyAppData(snapshot)
          // Only some steps read the order, so several writes may come between two reads.
          else if (current.kind === 'read') expect(orderedIds(storedUsers(holder.data))).toEqual(sortedIds(storedUsers(holder.data)))
        }
        expect(orderedIds(storedUsers(holder.data))).toEqual(sortedIds(storedUsers(holder.data)))
        expect(orderedIds(baseline)).toEqual([id(20), id(500), id(900)])
      }),
      { numRuns: 300 },
    )
  })
})

describe('users/query over cached query docs', () => {
  interface Reply {
    meta: { code: number; session_id?: string }
    response: { users: Array<{ username: string }> }
  }
  const request = async (cloud: Awaited<ReturnType<typeof createMockCloud>>, path: string, init?: RequestInit) =>
    (await (await cloud.app.request(`/v1/users/${path}`, init)).json()) as Reply

  it('sees an update made after a first query, and the old values again after a reset', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    const where = (value: string) => `query.json?key=K&where=${encodeURIComponent(JSON.stringify({ first_name: value }))}`
    const names = async (value: string) => (await request(cloud, where(value))).response.users.map((u) => u.username)
    expect(await names('Alice')).toEqual(['alice'])
    const login = await request(cloud, 'login.json?key=K', { method: 'POST', body: new URLSearchParams({ login: 'alice', password: 'pw-alice' }) })
    const update = await request(cloud, `update.json?key=K&_session_id=${login.meta.session_id}`, {
      method: 'PUT',
      body: new URLSearchParams({ first_name: 'Alicia' }),
    })
    expect(update.meta.code).toBe(200)
    expect(await names('Alice')).toEqual([])
    expect(await names('Alicia')).toEqual(['alice'])
    await cloud.reset()
    expect(await names('Alice')).toEqual(['alice'])
    expect(await names('Alicia')).toEqual([])
    await cloud.close()
  })
})

describe('inIdOrder and firstInIdOrder (a group, in no promised order)', () => {
  it('give the records as a sort by id does, and the first of them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1_000_000)), (ns) => {
        const group = new Set(ns.map((n) => ({ id: id(n), created_at: '', updated_at: '' })))
        const sorted = [...ns].sort((a, b) => a - b).map(id)
        expect(inIdOrder(group).map((record) => record.id)).toEqual(sorted)
        expect(firstInIdOrder(group)?.id).toBe(sorted[0])
      }),
    )
  })
})
