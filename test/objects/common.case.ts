import { beforeEach, describe, expect, it } from 'vitest'
import type { AnyMockObject, Endpoint } from '../../src/engine/object.js'
import { Router } from '../../src/engine/router.js'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { OBJECTS } from '../../src/objects/index.js'
import { fixtureS } from '../support/fixture-s.js'

/**
 * The rules every ArrowDB object shares (docs/api.md, docs/toolkit.md), as one suite each
 * registered object runs: the conformance suite of the engine. An object joins by having a case
 * in test/objects/common.test.ts; the case says how to make one record and where to query, and
 * carries what legitimately differs (error wordings, what the query shows). Every call goes
 * through `createMockCloud(...).app.request()`.
 */

/** Who makes a call: nobody, a signed-in user of fixture S (alice), or its admin. */
export type Who = 'nobody' | 'user' | 'admin'

/**
 * One call of a case: an endpoint path under `/v1/` without `.json` (variables filled in), a verb,
 * parameters (a `Blob` is sent as an uploaded part of a multipart body).
 */
export interface CaseCall {
  path: string
  verb: string
  params: Record<string, string | Blob>
  who: Who
}

/** How the common rules reach one object; only what cannot be read from the descriptor. */
export interface ObjectCase {
  /** Values of the object's path variables, e.g. `{ classname: 'cars' }`. */
  vars?: Record<string, string>
  /** Where replies list records: `response.<key>`. */
  responseKey: string
  /**
   * A call made before each test whose reply's first record the records need (a checkin needs a
   * place or an event): its `response[key][0]` is handed to {@link create}.
   */
  setup?: CaseCall & { responseKey: string }
  /** Makes the n-th record (n = 0, 1, 2...; each call must make a new record), with the setup's record if any. */
  create(n: number, setup?: Record<string, unknown>): CaseCall
  /** A top-level field of the created records whose values differ between records and sort as n does. */
  field: string
  /** The query endpoint (`where`, `order`, `sel`, `limit`, `skip`, `count`) and who calls it. */
  query: { path: string; who: Who }
  /**
   * A call the query must not show: a record made by it stays out of every answer and count
   * (e.g. a private key-value), as `create(n)` takes n.
   */
  unlisted?(n: number): CaseCall
  /** A call that answers the record whose id is in `param` (absent for an object not read by id). */
  byId?: CaseCall & { param: string }
  /** A call with one malformed id in `param`, answered 400 `Invalid object id: '<value>'`. */
  badId: CaseCall & { param: string }
  /** The object's own 400 text for a malformed id, where it has one (`Invalid photo id`). */
  badIdMessage?: string
  /** Endpoints (paths) that need a session, besides a create that does. */
  loginNeeded: string[]
  /** The failure of a login-needing endpoint called without a session. */
  noSession: { code: number; message: string }
}

/**
 * An object the record rules do not fit, with the reason (Clients store no records; Logs answer
 * in a shape of their own and are made by pushes): only the rules of every endpoint apply to it.
 */
export interface EndpointsOnlyCase {
  endpointsOnly: string
  /** Values of the object's path variables. */
  vars?: Record<string, string>
}

/** How the common rules reach one object. */
export type CommonCase = ObjectCase | EndpointsOnlyCase

const KEY = 'K'
const BAD_ID = 'not-an-id'
const router = new Router(OBJECTS)

interface Reply {
  status: number
  allow: string | null
  body: any
}

/**
 * Calls an endpoint: parameters in the query string for GET and DELETE, in a form body otherwise
 * (multipart when one is a `Blob`).
 */
async function request(cloud: MockCloud, verb: string, path: string, params: Record<string, string | Blob>, sessionId?: string): Promise<Reply> {
  const texts = Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  const all = new URLSearchParams({ key: KEY, ...Object.fromEntries(texts), ...(sessionId !== undefined && { _session_id: sessionId }) })
  const inQuery = verb === 'GET' || verb === 'DELETE' || verb === 'HEAD'
  const uploads = Object.entries(params).filter((entry): entry is [string, Blob] => entry[1] instanceof Blob)
  let body: URLSearchParams | FormData = all
  if (uploads.length > 0) {
    const form = new FormData()
    for (const [name, value] of all) form.append(name, value)
    for (const [name, blob] of uploads) form.append(name, blob, name)
    body = form
  }
  const reply = await cloud.app.request(`/v1/${path}.json?${inQuery ? all : `key=${KEY}`}`, {
    method: verb,
    ...(!inQuery && { body }),
  })
  const text = await reply.text()
  return { status: reply.status, allow: reply.headers.get('Allow'), body: text === '' ? undefined : JSON.parse(text) }
}

/** The method_name the registry gives the endpoint at `path`. */
function methodNameOf(path: string): string {
  const route = router.match(path)
  if (route === undefined) throw new Error(`the case names ${path}, which no endpoint serves`)
  return route.endpoint.method_name
}

/** The endpoint's path with the case's values for its variables. */
function concretePath(endpoint: Endpoint<unknown>, vars: Record<string, string> = {}): string {
  return endpoint.path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? (vars[segment.slice(1)] ?? 'x') : segment))
    .join('/')
}

/** A verb the endpoint does not take. */
function wrongVerbFor(endpoint: Endpoint<unknown>): string {
  return ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].find((verb) => !endpoint.verbs.includes(verb))!
}

function expectFailure(reply: Reply, path: string, code: number, message?: string | RegExp): void {
  expect(reply.status, `${path}: HTTP status`).toBe(code)
  expect(reply.body.meta, `${path}: failure envelope`).toEqual({
    status: 'fail',
    code,
    message: message === undefined || message instanceof RegExp ? expect.any(String) : message,
    method_name: methodNameOf(path),
  })
  if (message instanceof RegExp) expect(reply.body.meta.message).toMatch(message)
  expect(reply.body.response, `${path}: no response on failure`).toBeUndefined()
}

/**
 * Runs the common rules over `object` as `objectCase` reaches it: envelope and method_name on
 * success and failure for every endpoint, 405 with `Allow`, malformed ids, calls without a
 * session, the query parameters, and reset, snapshot and export/import round trips.
 */
export function runCommonRules(object: AnyMockObject, commonCase: CommonCase): void {
  describe(`${object.title} (${object.name}): common rules`, () => {
    let cloud: MockCloud
    let sessions: Record<Exclude<Who, 'nobody'>, string>

    async function login(username: string, key = KEY): Promise<string> {
      const reply = await request(cloud, 'POST', 'users/login', { key, login: username, password: `pw-${username}` })
      return reply.body.meta.session_id as string
    }

    /** Signs alice (user) and admin in, again after a reset or import ends their sessions. */
    async function signIn(): Promise<void> {
      sessions = { user: await login('alice'), admin: await login('admin') }
    }

    const sessionOf = (who: Who): string | undefined => (who === 'nobody' ? undefined : sessions[who])
    const send = (call: CaseCall, extra: Record<string, string> = {}): Promise<Reply> =>
      request(cloud, call.verb, call.path, { ...call.params, ...extra }, sessionOf(call.who))

    beforeEach(async () => {
      cloud = await createMockCloud({ fixtures: fixtureS })
      await signIn()
    })

    describe.each(object.endpoints.map((endpoint) => [endpoint.path, endpoint] as const))('%s', (_, endpoint) => {
      const path = concretePath(endpoint, commonCase.vars)

      it('answers a verb it does not take with 405, Allow and a failure envelope', async () => {
        const verb = wrongVerbFor(endpoint)
        const reply = await request(cloud, verb, path, {}, sessions.user)
        expect(reply.allow).toBe(endpoint.verbs.join(', '))
        expectFailure(reply, path, 405)
      })

      it.each(['nobody', 'user', 'admin'] as const)('called by %s without parameters, answers its envelope, never a 500', async (who) => {
        const reply = await request(cloud, endpoint.verbs[0]!, path, {}, sessionOf(who))
        expect(reply.body.meta).toMatchObject({ code: reply.status, method_name: endpoint.method_name })
        expect(reply.body.meta.status).toBe(reply.status === 200 ? 'ok' : 'fail')
        expect(reply.status).toBeLessThan(500)
      })
    })

    // The rules below are about stored records in the common shape; an endpoints-only case skips them.
    if (!('endpointsOnly' in commonCase)) {
      const objectCase = commonCase

      /** The record the case's setup call made before the test, if it has one. */
      let prepared: Record<string, unknown> | undefined
      const creating = (n: number): CaseCall => objectCase.create(n, prepared)

      beforeEach(async () => {
        prepared = undefined
        if (objectCase.setup === undefined) return
        const reply = await send(objectCase.setup)
        expect(reply.body.meta, 'the setup call').toMatchObject({ status: 'ok' })
        prepared = reply.body.response[objectCase.setup.responseKey][0]
      })

      /** Makes the n-th record and answers it as the create reply shows it. */
      async function create(n: number): Promise<Record<string, unknown>> {
        const reply = await send(creating(n))
        expect(reply.body.meta, `create #${n}`).toMatchObject({ status: 'ok' })
        return reply.body.response[objectCase.responseKey][0]
      }

      const query = (params: Record<string, string>): Promise<Reply> =>
        request(cloud, 'GET', objectCase.query.path, params, sessionOf(objectCase.query.who))

      /** The `where` that picks these records by the case's field. */
      const among = (records: readonly Record<string, unknown>[]): string =>
        JSON.stringify({ [objectCase.field]: { $in: records.map((record) => record[objectCase.field]) } })

      /** How many records the query shows in all (`count=true`). */
      const total = async (params: Record<string, string> = {}): Promise<unknown> =>
        (await query({ ...params, limit: '1', count: 'true' })).body.meta.count

      const listed = (reply: Reply): Record<string, unknown>[] => {
        expect(reply.body.meta, 'query reply').toMatchObject({ status: 'ok', code: 200 })
        return reply.body.response[objectCase.responseKey]
      }

      it('the case names endpoints of this object', () => {
        const paths = [
          creating(0).path,
          objectCase.query.path,
          objectCase.badId.path,
          ...(objectCase.byId ? [objectCase.byId.path] : []),
          ...objectCase.loginNeeded,
          ...(objectCase.unlisted ? [objectCase.unlisted(0).path] : []),
        ]
        for (const path of paths) expect(router.match(path)?.object.name, path).toBe(object.name)
      })

      it('create answers the success envelope with its method_name and one record with id and dates', async () => {
        const call = creating(0)
        const reply = await send(call)
        expect(reply.status).toBe(200)
        // users/create also hands out a session.
        const session = reply.body.meta.session_id === undefined ? {} : { session_id: expect.any(String) }
        expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: methodNameOf(call.path), ...session })
        const records = reply.body.response[objectCase.responseKey]
        expect(records).toHaveLength(1)
        expect(records[0]).toMatchObject({
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
          updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
        })
      })

      it('the query answers the success envelope with its method_name', async () => {
        const reply = await query({})
        expect(reply.status).toBe(200)
        expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: methodNameOf(objectCase.query.path) })
        expect(Array.isArray(reply.body.response[objectCase.responseKey])).toBe(true)
      })

      it("answers a malformed id with 400 Invalid object id: '<value>' (or the object's own text)", async () => {
        const { param, ...call } = objectCase.badId
        await create(0)
        const reply = await send(call, { [param]: BAD_ID })
        expectFailure(reply, call.path, 400, objectCase.badIdMessage ?? `Invalid object id: '${BAD_ID}'`)
      })

      const { byId } = objectCase
      if (byId !== undefined) it('reads a record’s id in any case and with spaces around it', async () => {
        const { param, ...call } = byId
        const made = await create(0)
        for (const id of [String(made.id), ` ${String(made.id).toUpperCase()} `]) {
          const reply = await send(call, { [param]: id })
          expect(reply.body.meta, JSON.stringify(id)).toMatchObject({ status: 'ok' })
          expect(reply.body.response[objectCase.responseKey].map((record: Record<string, unknown>) => record.id)).toEqual([made.id])
        }
      })

      it('refuses every login-needing endpoint without a session, in the object’s wording', async () => {
        const call = creating(7)
        const paths = [...(call.who === 'nobody' ? [] : [call.path]), ...objectCase.loginNeeded]
        expect(paths.length, 'a case names at least one login-needing endpoint').toBeGreaterThan(0)
        const before = await total()
        for (const path of paths) {
          const endpoint = router.match(path)!.endpoint
          const reply = await request(cloud, endpoint.verbs[0]!, path, call.params)
          expectFailure(reply, path, objectCase.noSession.code, objectCase.noSession.message)
        }
        expect(await total(), 'the refused calls made nothing').toBe(before)
      })

      describe('query parameters', () => {
        let made: Record<string, unknown>[]
        /** The record made by the case's `unlisted` call, if it has one. */
        let hidden: Record<string, unknown> | undefined

        beforeEach(async () => {
          made = [await create(0), await create(1), await create(2)]
          hidden = undefined
          if (objectCase.unlisted) {
            const reply = await send(objectCase.unlisted(3))
            expect(reply.body.meta, 'the unlisted call').toMatchObject({ status: 'ok' })
            hidden = reply.body.response[objectCase.responseKey][0]
          }
        })

        it('where picks records by a field, in creation order', async () => {
          expect(listed(await query({ where: among(made) })).map((record) => record.id)).toEqual(made.map((record) => record.id))
          const one = listed(await query({ where: JSON.stringify({ [objectCase.field]: made[1]![objectCase.field] }) }))
          expect(one.map((record) => record.id)).toEqual([made[1]!.id])
        })

        it('the query shows records as create showed them', async () => {
          const shown = listed(await query({ where: among(made) }))
          for (const [i, record] of shown.entries()) {
            const { id, created_at, [objectCase.field]: value } = made[i]!
            expect(record).toMatchObject({ id, created_at, [objectCase.field]: value })
          }
        })

        it('where reads ids as id and as _id, and dates as dates', async () => {
          for (const name of ['id', '_id']) {
            const one = listed(await query({ where: JSON.stringify({ [name]: made[1]!.id }) }))
            expect(one.map((record) => record.id), name).toEqual([made[1]!.id])
          }
          const fields = made.map((record) => record[objectCase.field])
          const since = JSON.stringify({ created_at: { $gte: '2000-01-01T00:00:00Z' }, [objectCase.field]: { $in: fields } })
          expect(listed(await query({ where: since })).map((record) => record.id)).toEqual(made.map((record) => record.id))
        })

        it('order sorts by a field, descending with a minus', async () => {
          const down = listed(await query({ where: among(made), order: `-${objectCase.field}` }))
          expect(down.map((record) => record.id)).toEqual([made[2]!.id, made[1]!.id, made[0]!.id])
          const up = listed(await query({ where: among(made), order: objectCase.field }))
          expect(up.map((record) => record.id)).toEqual(made.map((record) => record.id))
        })

        it('sel keeps the id and the fields named', async () => {
          const shown = listed(await query({ where: among(made), sel: JSON.stringify({ all: [objectCase.field] }) }))
          expect(shown).toEqual(made.map((record) => ({ id: record.id, [objectCase.field]: record[objectCase.field] })))
        })

        it('unsel leaves the fields named out and keeps the id', async () => {
          const shown = listed(await query({ where: among(made), unsel: JSON.stringify({ all: [objectCase.field, 'id'] }) }))
          expect(shown.map((record) => record.id)).toEqual(made.map((record) => record.id))
          for (const record of shown) expect(record).not.toHaveProperty(objectCase.field)
        })

        it('limit and skip page through the records', async () => {
          const page = listed(await query({ where: among(made), limit: '1', skip: '1' }))
          expect(page.map((record) => record.id)).toEqual([made[1]!.id])
          expect(listed(await query({ where: among(made), limit: '2' })).map((record) => record.id)).toEqual([made[0]!.id, made[1]!.id])
          expect(listed(await query({ where: among(made), skip: '3' }))).toEqual([])
        })

        it('page and per_page page as skip and limit do', async () => {
          const page = listed(await query({ where: among(made), page: '2', per_page: '1' }))
          expect(page.map((record) => record.id)).toEqual([made[1]!.id])
        })

        it('count=true adds meta.count of every match, whatever the page', async () => {
          const reply = await query({ where: among(made), limit: '1', count: 'true' })
          expect(listed(reply)).toHaveLength(1)
          expect(reply.body.meta.count).toBe(3)
          expect((await query({ where: among(made) })).body.meta.count).toBeUndefined()
        })

        it('count=true counts only what the query may show', async () => {
          const all = listed(await query({ limit: '1000' }))
          expect(await total()).toBe(all.length)
          if (hidden !== undefined) {
            expect(all.map((record) => record.id)).not.toContain(hidden.id)
            expect(listed(await query({ where: JSON.stringify({ id: hidden.id }) }))).toEqual([])
            expect(await total({ where: JSON.stringify({ id: hidden.id }) })).toBe(0)
          }
        })

        it.each([
          ['where', 'not json'],
          ['order', '{"a":1}'],
          ['sel', '["x"]'],
          ['limit', '0'],
          ['skip', '-1'],
        ])('refuses a bad %s with a 400 failure envelope', async (name, value) => {
          expectFailure(await query({ [name]: value }), objectCase.query.path, 400, new RegExp(`\\b${name}\\b`))
        })
      })

      it('a refused query keeps its envelope under suppress_response_codes, with HTTP 200', async () => {
        const reply = await query({ where: 'not json', suppress_response_codes: 'true' })
        expect(reply.status).toBe(200)
        expect(reply.body.meta).toMatchObject({ status: 'fail', code: 400, method_name: methodNameOf(objectCase.query.path) })
      })

      it('HEAD on the query answers as GET without a body', async () => {
        const reply = await request(cloud, 'HEAD', objectCase.query.path, {}, sessionOf(objectCase.query.who))
        expect(reply.status).toBe(200)
        expect(reply.body).toBeUndefined()
      })

      it('restore and import of data taken before the first record leave none', async () => {
        const before = await total()
        await cloud.snapshot('empty', KEY)
        const exported = JSON.parse(JSON.stringify(cloud.exportData(KEY)))
        const made = [await create(0)]
        await cloud.restore('empty', KEY)
        expect(listed(await query({ where: among(made) }))).toEqual([])
        expect(await total()).toBe(before)
        const again = [await create(1)]
        await cloud.importData(exported, KEY)
        await signIn()
        expect(listed(await query({ where: among([...made, ...again]) }))).toEqual([])
      })

      describe('the toolkit keeps the object’s data', () => {

        let made: Record<string, unknown>[]

        beforeEach(async () => {
          made = [await create(0), await create(1)]
        })

        it('reset removes the records made since the fixture', async () => {
          expect(listed(await query({ where: among(made) }))).toHaveLength(2)
          await cloud.reset(KEY)
          await signIn()
          expect(listed(await query({ where: among(made) }))).toEqual([])
        })

        it('restore puts back the records of a snapshot as they were', async () => {
          const before = listed(await query({ where: among(made) }))
          await cloud.snapshot('common', KEY)
          const later = await create(2)
          await cloud.restore('common', KEY)
          expect(listed(await query({ where: among([...made, later]) }))).toEqual(before)
        })

        it('export then import (as JSON text) gives back the same records, in another key too', async () => {
          const before = listed(await query({ where: among(made) }))
          const exported = JSON.parse(JSON.stringify(cloud.exportData(KEY)))
          await cloud.reset(KEY)
          await signIn()
          expect(listed(await query({ where: among(made) }))).toEqual([])
          await cloud.importData(exported, KEY)
          await signIn()
          expect(listed(await query({ where: among(made) }))).toEqual(before)
          await cloud.importData(exported, 'K2')
          const { who } = objectCase.query
          const elsewhere = who === 'nobody' ? undefined : await login(who === 'user' ? 'alice' : 'admin', 'K2')
          // Download URLs name the app key they are served under (docs/files.md "Download URL").
          const underK2 = JSON.parse(JSON.stringify(before).replaceAll(`/storage/${KEY}/`, '/storage/K2/'))
          expect(listed(await request(cloud, 'GET', objectCase.query.path, { key: 'K2', where: among(made) }, elsewhere))).toEqual(underK2)
        })
      })
    }
  })
}
