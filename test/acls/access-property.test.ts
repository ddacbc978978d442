import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { acls } from '../../src/objects/acls/index.js'

/**
 * Property: for random owners, readers, writers, public flags and admins, acls/check, the
 * access mechanism (canRead / canWrite) and custom objects' show, query, update and delete agree
 * with one reference rule written here from docs/acls.md, independently of src/objects/acls.
 */

const RUNS = 150
const USERS = ['u0', 'u1', 'u2', 'u3', 'u4']
const ADMIN = 'root'
const userId = (index: number) => `5f00000000000000000000${(index + 1).toString(16).padStart(2, '0')}`
const names = [...USERS, ADMIN]
const idOf = Object.fromEntries(names.map((name, index) => [name, userId(index)]))

interface Acl {
  owner: string
  readers: string[]
  writers: string[]
  public_read: boolean
  public_write: boolean
}

// ---------------------------------------------------------------- reference

/** What the ACL itself grants a user (acls/check). */
function grants(acl: Acl, user: string) {
  return {
    read_permission: user === acl.owner || acl.public_read || acl.readers.includes(user),
    write_permission: user === acl.owner || acl.public_write || acl.writers.includes(user),
  }
}

/** Who may read / write an object owned by `objectOwner`, with `acl` attached or not; `user` undefined = no session. */
function reference(user: string | undefined, objectOwner: string, acl: Acl | undefined) {
  if (user === ADMIN || user === objectOwner) return { read: true, write: true }
  if (acl === undefined) return { read: true, write: false }
  if (user === undefined) return { read: acl.public_read, write: false }
  const granted = grants(acl, user)
  return { read: granted.read_permission, write: granted.write_permission }
}

// ---------------------------------------------------------------- generators

const subset = fc.subarray(USERS)
const aclArb = fc.record({
  owner: fc.constantFrom(...USERS),
  readers: subset,
  writers: subset,
  public_read: fc.boolean(),
  public_write: fc.boolean(),
})

let cloud: MockCloud
const sessions: Record<string, string> = {}

async function api(method: string, path: string, session: string | undefined, params: Record<string, string>) {
  const query = new URLSearchParams({ key: 'K', ...(session && { _session_id: session }), ...(method === 'GET' ? params : {}) })
  const reply = await cloud.app.request(`/v1/${path}.json?${query}`, {
    method,
    ...(method === 'GET' ? {} : { body: new URLSearchParams(params) }),
  })
  return (await reply.json()) as { meta: { code: number; message?: string }; response: any }
}

/** Creates `acl` over the API as its owner, under `name`. */
function createAcl(acl: Acl, name: string) {
  return api('POST', 'acls/create', sessions[acl.owner]!, {
    name,
    reader_ids: acl.readers.map((user) => idOf[user]).join(','),
    writer_ids: acl.writers.map((user) => idOf[user]).join(','),
    public_read: String(acl.public_read),
    public_write: String(acl.public_write),
  })
}

beforeAll(async () => {
  cloud = await createMockCloud({
    fixtures: { users: names.map((name, index) => ({ id: userId(index), username: name, password: `pw-${name}`, admin: name === ADMIN })) },
  })
  for (const name of names) {
    const reply = await cloud.app.request('/v1/users/login.json?key=K', { method: 'POST', body: new URLSearchParams({ login: name, password: `pw-${name}` }) })
    sessions[name] = ((await reply.json()) as { meta: { session_id: string } }).meta.session_id
  }
})

describe('ACL access agrees with the reference rule', () => {
  it('acls/check answers what the ACL grants, for every user', async () => {
    let serial = 0
    await fc.assert(
      fc.asyncProperty(aclArb, fc.constantFrom(...names), async (acl, asker) => {
        const created = await createAcl(acl, `acl-${serial++}`)
        const id = created.response.acls[0].id as string
        for (const user of names) {
          const reply = await api('GET', 'acls/check', sessions[asker]!, { id, user_id: idOf[user]! })
          expect(reply.response.permission).toEqual(grants(acl, user))
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('canRead / canWrite follow owner, admin, ACL and no-ACL rules; a deleted ACL falls back', async () => {
    const access = cloud.services.of('K', acls).access
    let serial = 0
    await fc.assert(
      fc.asyncProperty(aclArb, fc.constantFrom(...USERS), fc.boolean(), fc.boolean(), async (acl, objectOwner, attached, deleted) => {
        const created = await createAcl(acl, `object-acl-${serial++}`)
        const aclId = attached ? (created.response.acls[0].id as string) : undefined
        if (deleted) await api('DELETE', 'acls/delete', sessions[acl.owner]!, { id: created.response.acls[0].id })
        const effective = attached && !deleted ? acl : undefined
        for (const user of [...names, undefined]) {
          const caller = user === undefined ? undefined : { id: idOf[user]!, admin: user === ADMIN }
          const expected = reference(user, objectOwner, effective)
          expect({
            read: access.canRead(caller, idOf[objectOwner]!, aclId),
            write: access.canWrite(caller, idOf[objectOwner]!, aclId),
          }).toEqual(expected)
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('custom objects: show, query, update and delete follow the same rule', async () => {
    let serial = 0
    await fc.assert(
      fc.asyncProperty(
        aclArb,
        fc.constantFrom(...USERS),
        fc.boolean(),
        fc.constantFrom<string | undefined>(...names, undefined),
        async (acl, objectOwner, attached, user) => {
          const created = await createAcl(acl, `class-acl-${serial++}`)
          const aclId = created.response.acls[0].id as string
          const made = await api('POST', 'objects/cars/create', sessions[objectOwner]!, {
            fields: '{"make":"ford"}',
            ...(attached && { acl_id: aclId }),
          })
          const id = made.response.cars[0].id as string
          expect(made.response.cars[0].acls?.[0]?.id).toBe(attached ? aclId : undefined)
          const expected = reference(user, objectOwner, attached ? acl : undefined)
          const session = user === undefined ? undefined : sessions[user]
          const shown = await api('GET', 'objects/cars/show', session, { id })
          expect(shown.meta.code).toBe(expected.read ? 200 : 401)
          const queried = await api('GET', 'objects/cars/query', session, { where: JSON.stringify({ _id: id }), count: 'true' })
          expect(queried.response.cars.length).toBe(expected.read ? 1 : 0)
          const updated = await api('PUT', 'objects/cars/update', session, { id, fields: '{"make":"fiat"}' })
          expect(updated.meta.code).toBe(user === undefined ? 400 : expected.write ? 200 : 403)
          if (updated.meta.code === 403) expect(updated.meta.message).toBe(`You do not have permission to update object ${id}`)
          const deleted = await api('DELETE', 'objects/cars/delete', session, { id })
          expect(deleted.meta.code).toBe(expected.write ? 200 : 403)
          if (deleted.meta.code === 403) expect(deleted.meta.message).toBe(`You do not have permission to delete object ${id}`)
        },
      ),
      { numRuns: RUNS },
    )
  })
})
