import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { copyAppData } from '../../src/data-sets.js'
import type { AppData } from '../../src/store/db.js'
import { UserCollection } from '../../src/objects/users/collection.js'
import type { UserRecord } from '../../src/objects/users/record.js'
import { createMockCloud } from '../../src/index.js'
import { login, startServer } from '../support/client.js'
import { storedUsers } from '../support/stored-users.js'
import { dataSetOver } from '../support/data-set-over.js'
import { fixtureS } from '../support/fixture-s.js'
import { hexId as id, userRecord } from '../support/user-record.js'

/**
 * The index gives the same answers as a scan: generated runs of creates,
 * updates (username and email changes), deletes, resets to the baseline, snapshots put back
 * and users pushed past the collection (as `DataSets.seed` does), with every lookup compared
 * with a full scan of the users array after each step.
 */

const NAMES = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal'] as const

function user(n: number, username: string | undefined, email: string | undefined): UserRecord {
  const record = userRecord(n)
  if (username !== undefined) record.username = username
  if (email !== undefined) record.email = email
  return record
}

type Step =
  | { kind: 'create'; username: string | undefined; email: string | undefined }
  | { kind: 'rename'; pick: number; username: string | undefined; email: string | undefined }
  | { kind: 'delete'; picks: number[] }
  | { kind: 'reset' }
  | { kind: 'snapshot' }
  | { kind: 'putBack' }
  | { kind: 'push'; username: string | undefined }

const name = fc.option(fc.constantFrom(...NAMES), { nil: undefined })
const email = fc.option(fc.constantFrom(...NAMES.map((n) => `${n}@example.com`)), { nil: undefined })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), username: name, email }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat(), username: name, email }),
  fc.record({ kind: fc.constant('delete' as const), picks: fc.array(fc.nat(), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('reset' as const) }),
  fc.record({ kind: fc.constant('snapshot' as const) }),
  fc.record({ kind: fc.constant('putBack' as const) }),
  fc.record({ kind: fc.constant('push' as const), username: name }),
)

function expectLikeScan(users: UserCollection, all: readonly UserRecord[], serial: number): void {
  for (let n = 0; n < serial; n++) expect(users.byId(id(n))).toBe(all.find((u) => u.id === id(n)))
  for (const n of NAMES) {
    const byName = all.find((u) => u.username === n)
    const byEmail = all.find((u) => u.email === `${n}@example.com`)
    expect(users.byUsername(n.toUpperCase())).toBe(byName)
    expect(users.byEmail(`${n}@EXAMPLE.com`)).toBe(byEmail)
    expect(users.byLogin(n)).toBe(byName)
    expect(users.byLogin(`${n}@example.com`)).toBe(byEmail)
  }
}

describe('UserCollection lookups through the index', () => {
  it('answer as a scan does after every create, rename, delete, reset, snapshot put back and outside push', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const baseline = [user(0, 'ann', 'ann@example.com'), user(1, 'bob', undefined), user(2, undefined, 'cy@example.com')]
        const holder = { data: copyAppData({ collections: { users: baseline } }) }
        const users = new UserCollection(dataSetOver(holder))
        let snapshot: AppData | undefined
        let serial = baseline.length
        // A name is taken when a stored user has it: the service checks this before every write.
        const free = (value: string | undefined, field: 'username' | 'email', self?: UserRecord) =>
          value === undefined || !storedUsers(holder.data).some((u) => u !== self && u[field] === value)
        for (const current of steps) {
          const all = storedUsers(holder.data)
          if (current.kind === 'create' && (current.username ?? current.email) !== undefined) {
            if (free(current.username, 'username') && free(current.email, 'email')) users.insert(user(serial++, current.username, current.email))
          } else if (current.kind === 'rename' && all.length > 0) {
            const target = all[current.pick % all.length]!
            if (free(current.username, 'username', target) && free(current.email, 'email', target)) {
              const next = { ...target, username: current.username ?? target.username, email: current.email }
              if (next.email === undefined) delete next.email
              if ((next.username ?? next.email) !== undefined) users.replace(target, next)
            }
          } else if (current.kind === 'delete' && all.length > 0) {
            users.remove(new Set(current.picks.map((pick) => all[pick % all.length]!.id)))
          } else if (current.kind === 'reset') {
            holder.data = copyAppData({ collections: { users: baseline } })
          } else if (current.kind === 'snapshot') {
            snapshot = copyAppData(holder.data)
          } else if (current.kind === 'putBack' && snapshot) {
            holder.data = copyAppData(snapshot)
          } else if (current.kind === 'push' && free(current.username, 'username') && current.username !== undefined) {
            storedUsers(holder.data).push(user(serial++, current.username, undefined))
          }
          expectLikeScan(users, storedUsers(holder.data), serial)
        }
        // The baseline itself never changed: every reset starts from the same users.
        expect(baseline.map((u) => [u.id, u.username, u.email])).toEqual([
          [id(0), 'ann', 'ann@example.com'],
          [id(1), 'bob', undefined],
          [id(2), undefined, 'cy@example.com'],
        ])
      }),
      { numRuns: 300 },
    )
  })
})

describe('a username or email changed over HTTP', () => {
  it('logs in under the new name only, and after a reset under the old one only', async () => {
    const { server, call } = await startServer()
    try {
      const session = await login(call, 'alice', 'pw-alice')
      const updated = await call('PUT', 'users/update', {}, { session, form: { username: 'alicia', email: 'alicia@example.com' } })
      expect(updated.status).toBe(200)
      const failed = (loginName: string) => call('POST', 'users/login', {}, { form: { login: loginName, password: 'pw-alice' } })
      for (const old of ['alice', 'alice@example.com']) expect((await failed(old)).status).toBe(401)
      await login(call, 'alicia', 'pw-alice')
      await login(call, 'alicia@example.com', 'pw-alice')
      expect((await call('GET', 'users/request_reset_password', { email: 'alice@example.com' })).status).toBe(404)
      // The old name is free again: another user may take it.
      const taken = await call('POST', 'users/create', {}, { form: { username: 'alice', password: 'p', password_confirmation: 'p' } })
      expect(taken.status).toBe(200)

      await server.reset()
      await login(call, 'alice', 'pw-alice')
      await login(call, 'alice@example.com', 'pw-alice')
      for (const renamed of ['alicia', 'alicia@example.com']) expect((await failed(renamed)).status).toBe(401)
    } finally {
      await server.stop()
    }
  })
})

describe('stored users shared by copies (reset, snapshots, export, import)', () => {
  const signIn = async (cloud: Awaited<ReturnType<typeof createMockCloud>>, name: string, password: string) =>
    (await cloud.app.request('/v1/users/login.json?key=K', { method: 'POST', body: new URLSearchParams({ login: name, password }) })).status

  it('an update changes neither the baseline nor a snapshot taken before it', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    const session = (await (await cloud.app.request('/v1/users/login.json?key=K', {
      method: 'POST',
      body: new URLSearchParams({ login: 'alice', password: 'pw-alice' }),
    })).json()) as { meta: { session_id: string } }
    await cloud.snapshot('before')
    const update = await cloud.app.request(`/v1/users/update.json?key=K&_session_id=${session.meta.session_id}`, {
      method: 'PUT',
      body: new URLSearchParams({ username: 'alicia', first_name: 'Changed' }),
    })
    expect(update.status).toBe(200)
    await cloud.restore('before')
    expect(await signIn(cloud, 'alice', 'pw-alice')).toBe(200)
    expect(await signIn(cloud, 'alicia', 'pw-alice')).toBe(401)
    const [alice] = storedUsers(cloud.exportData('K') as AppData)
    expect(alice).toMatchObject({ username: 'alice', first_name: 'Alice' })
    await cloud.reset()
    expect(storedUsers(cloud.exportData('K') as AppData)[0]).toMatchObject({ username: 'alice', first_name: 'Alice' })
  })

  it('an export, or the object given to an import, changed afterwards changes nothing stored', async () => {
    const cloud = await createMockCloud({ fixtures: fixtureS })
    const exported = cloud.exportData('K') as AppData
    storedUsers(exported)[0]!.username = 'mallory'
    expect(storedUsers(cloud.exportData('K') as AppData)[0]!.username).toBe('alice')
    expect(await signIn(cloud, 'alice', 'pw-alice')).toBe(200)

    const data = cloud.exportData('K') as AppData
    await cloud.importData(data, 'OTHER')
    storedUsers(data)[0]!.username = 'mallory'
    expect(storedUsers(cloud.exportData('OTHER') as AppData)[0]!.username).toBe('alice')
  })
})
