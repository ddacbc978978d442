import { beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type MockCloud } from '../../src/index.js'
import { fixtureS, ids } from '../support/fixture-s.js'
import { failure } from '../support/in-process-call.js'
import { sessionOf } from '../support/in-process-login.js'

/** Files through app.request(): one test per rule of docs/files.md. */

let cloud: MockCloud
let alice: string
let bob: string
let admin: string

/** Bytes that are not valid UTF-8, so a text round trip would change them. */
const BYTES = new Uint8Array([0xff, 0x00, 0xd8, 0x80, 0x41, 0x0a])

const session = (username: string): Promise<string> => sessionOf(cloud, username)

/** A call with text parameters: in the query string for GET and DELETE, a form body otherwise. */
async function call(verb: string, method: string, params: Record<string, string> = {}, sessionId?: string) {
  const all = new URLSearchParams({ key: 'K', ...params, ...(sessionId && { _session_id: sessionId }) })
  const inQuery = verb === 'GET' || verb === 'DELETE'
  const reply = await cloud.app.request(`/v1/files/${method}.json?${inQuery ? all : 'key=K'}`, { method: verb, ...(!inQuery && { body: all }) })
  return { status: reply.status, body: (await reply.json()) as any }
}

/** A multipart call with `file` as an uploaded part (a Blob named `filename`) beside text parameters. */
async function upload(verb: string, method: string, file: Blob, filename: string, params: Record<string, string>, sessionId?: string) {
  const form = new FormData()
  for (const [name, value] of Object.entries(params)) form.append(name, value)
  form.append('file', file, filename)
  const reply = await cloud.app.request(`/v1/files/${method}.json?key=K${sessionId ? `&_session_id=${sessionId}` : ''}`, { method: verb, body: form })
  return { status: reply.status, body: (await reply.json()) as any }
}

async function created(params: Record<string, string> = {}, sessionId = alice, bytes: Uint8Array = BYTES) {
  const reply = await upload('POST', 'create', new Blob([bytes], { type: 'application/x-thing' }), 'report.bin', params, sessionId)
  expect(reply.body.meta, JSON.stringify(reply.body.meta)).toMatchObject({ status: 'ok' })
  return reply.body.response.files[0] as { id: string; [field: string]: unknown }
}

async function shown(id: string, sessionId?: string) {
  return (await call('GET', 'show', { file_id: id }, sessionId)).body.response.files[0]
}

beforeEach(async () => {
  cloud = await createMockCloud({ fixtures: fixtureS })
  alice = await session('alice')
  bob = await session('bob')
  admin = await session('admin')
})

describe('files/create', () => {
  it('answers the file unprocessed, without url; the next request sees it processed, served at its url byte for byte', async () => {
    const reply = await upload('POST', 'create', new Blob([BYTES], { type: 'application/x-thing' }), 'report.bin', { custom_fields: '{"tag":"q1"}' }, alice)
    expect(reply.body.meta).toEqual({ code: 200, status: 'ok', method_name: 'createFile' })
    const file = reply.body.response.files[0]
    expect(file).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'report.bin',
      processed: false,
      created_at: expect.stringMatching(/\+0000$/),
      updated_at: expect.stringMatching(/\+0000$/),
      custom_fields: { tag: 'q1' },
      user: expect.objectContaining({ id: ids.alice, username: 'alice' }),
    })
    const later = await shown(file.id)
    expect(later).toMatchObject({ id: file.id, processed: true, url: `http://localhost/storage/K/files/${file.id}/report.bin` })
    const served = await cloud.app.request(later.url)
    expect(served.status).toBe(200)
    expect(served.headers.get('Content-Type')).toBe('application/x-thing')
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(BYTES)
  })

  it('takes name when sent, and keeps the bytes in the data set (base64) for export and import', async () => {
    const file = await created({ name: 'My report.pdf' })
    expect(file.name).toBe('My report.pdf')
    const exported = cloud.exportData('K') as any
    expect(exported.collections.files).toEqual([expect.objectContaining({ id: file.id, data: Buffer.from(BYTES).toString('base64') })])
    await cloud.reset('K')
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
    await cloud.importData(exported, 'K')
    const served = await cloud.app.request((await shown(file.id)).url)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(BYTES)
  })

  it('a remote url is kept, never fetched: named by its last segment, reported as the url once processed', async () => {
    const reply = await call('POST', 'create', { url: 'https://cdn.example.com/a/b/logo%20big.png' }, alice)
    expect(reply.body.response.files[0]).toMatchObject({ name: 'logo big.png', processed: false })
    expect((await shown(reply.body.response.files[0].id)).url).toBe('https://cdn.example.com/a/b/logo%20big.png')
  })

  it('refuses a call without a session, without file or url, with file as text, and a url that is not http(s)', async () => {
    const blob = new Blob([BYTES])
    expect(failure(await upload('POST', 'create', blob, 'x.bin', {}))).toEqual({ status: 400, message: 'Failed to authenticate user', method_name: 'createFile' })
    expect(failure(await call('POST', 'create', { name: 'x' }, alice))).toEqual({ status: 400, message: 'File parameter required for file upload', method_name: 'createFile' })
    expect(failure(await call('POST', 'create', { file: 'hello' }, alice))).toMatchObject({ status: 400, message: 'Invalid file parameter: must be a multipart file upload' })
    expect(failure(await call('POST', 'create', { url: 'ftp://example.com/x' }, alice))).toMatchObject({ status: 400, message: 'Invalid url parameter: must be an http or https URL' })
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
  })

  it('su_id: an admin creates on behalf of a user; anyone else is refused', async () => {
    expect((await created({ su_id: ids.bob }, admin)).user).toMatchObject({ id: ids.bob })
    const refused = await upload('POST', 'create', new Blob([BYTES]), 'x.bin', { su_id: ids.bob }, alice)
    expect(failure(refused)).toMatchObject({ status: 403, message: 'You are not authorized to perform this action.' })
  })
})

describe('files/show, query and count', () => {
  it('show answers 400 Invalid object id for a missing, malformed or unknown id', async () => {
    expect(failure(await call('GET', 'show'))).toEqual({ status: 400, message: 'Required field: file_id', method_name: 'showFile' })
    expect(failure(await call('GET', 'show', { file_id: 'nope' }))).toMatchObject({ status: 400, message: "Invalid object id: 'nope'" })
    expect(failure(await call('GET', 'show', { file_id: '5f00000000000000000000ff' }))).toMatchObject({ status: 400 })
  })

  it('query matches name, custom fields and user_id; count counts every file', async () => {
    await created({ name: 'a.txt', custom_fields: '{"n":1}' })
    const b = await created({ name: 'b.txt', custom_fields: '{"n":2}' }, bob)
    const byName = await call('GET', 'query', { where: '{"name":"b.txt"}' })
    expect(byName.body.meta.method_name).toBe('queryFiles')
    expect(byName.body.response.files.map((file: { id: string }) => file.id)).toEqual([b.id])
    const byField = await call('GET', 'query', { where: '{"n":{"$gt":1}}' })
    expect(byField.body.response.files.map((file: { id: string }) => file.id)).toEqual([b.id])
    const byUser = await call('GET', 'query', { where: JSON.stringify({ user_id: ids.bob }) })
    expect(byUser.body.response.files).toEqual([expect.objectContaining({ id: b.id, processed: true, url: expect.stringContaining('/storage/K/files/') })])
    expect((await call('GET', 'count')).body.meta).toEqual({ code: 200, status: 'ok', method_name: 'filesCount', count: 2 })
  })
})

describe('files/update', () => {
  it('a new name keeps custom_fields and the bytes; the file stays processed', async () => {
    const file = await created({ custom_fields: '{"field1":"1"}' })
    const reply = await call('PUT', 'update', { file_id: file.id, name: 'renamed.bin' }, alice)
    expect(reply.body.meta.method_name).toBe('updateFile')
    expect(reply.body.response.files[0]).toMatchObject({ name: 'renamed.bin', processed: true, custom_fields: { field1: '1' } })
    const served = await cloud.app.request(reply.body.response.files[0].url)
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(BYTES)
  })

  it('new content is answered unprocessed, then served in place of the old (POST too)', async () => {
    const file = await created()
    const reply = await upload('POST', 'update', new Blob(['fresh'], { type: 'text/plain' }), 'fresh.txt', { file_id: file.id }, alice)
    expect(reply.body.response.files[0]).toMatchObject({ id: file.id, name: 'report.bin', processed: false })
    expect(reply.body.response.files[0].url).toBeUndefined()
    const served = await cloud.app.request((await shown(file.id)).url)
    expect(served.headers.get('Content-Type')).toMatch(/^text\/plain/)
    expect(await served.text()).toBe('fresh')
  })

  it('refuses a caller the file’s ACL does not let write, and a caller without a session', async () => {
    const file = await created()
    expect(failure(await call('PUT', 'update', { file_id: file.id, name: 'x' }, bob))).toEqual({
      status: 401,
      message: 'You are not authorized to perform this action.',
      method_name: 'updateFile',
    })
    expect(failure(await call('PUT', 'update', { file_id: file.id, name: 'x' }))).toMatchObject({ status: 400, message: 'Failed to authenticate user' })
    expect((await call('PUT', 'update', { file_id: file.id, name: 'by-admin' }, admin)).body.response.files[0].name).toBe('by-admin')
  })
})

describe('ACLs', () => {
  it('a file under an ACL is shown, queried and written only by whom the ACL names', async () => {
    const acl = await cloud.app.request(`/v1/acls/create.json?key=K&_session_id=${alice}`, {
      method: 'POST',
      body: new URLSearchParams({ name: 'just-carol', reader_ids: ids.carol, writer_ids: ids.carol }),
    })
    expect(acl.status).toBe(200)
    const file = await created({ acl_name: 'just-carol' })
    expect(file.acls).toBeDefined()
    const carol = await session('carol')
    expect(failure(await call('GET', 'show', { file_id: file.id }, bob))).toMatchObject({ status: 401 })
    expect((await call('GET', 'query', {}, bob)).body.response.files).toEqual([])
    expect((await shown(file.id, carol)).id).toBe(file.id)
    expect((await call('PUT', 'update', { file_id: file.id, name: 'by-carol' }, carol)).body.response.files[0].name).toBe('by-carol')
    expect(failure(await call('DELETE', 'delete', { file_id: file.id }, bob))).toMatchObject({ status: 401 })
  })
})

describe('files/delete and batch_delete', () => {
  it('delete answers meta only; the file is gone and its url answers 404', async () => {
    const file = await created()
    const { url } = await shown(file.id)
    const reply = await call('DELETE', 'delete', { file_id: file.id }, alice)
    expect(reply.body).toEqual({ meta: { code: 200, status: 'ok', method_name: 'deleteFile' } })
    expect(failure(await call('GET', 'show', { file_id: file.id }))).toMatchObject({ status: 400 })
    const gone = await cloud.app.request(url)
    expect(gone.status).toBe(404)
    expect(((await gone.json()) as any).meta).toMatchObject({ status: 'fail', code: 404 })
  })

  it('batch_delete: admins only, the files where matches (all without it)', async () => {
    await created({ name: 'keep.txt' })
    await created({ name: 'drop.txt' })
    expect(failure(await call('DELETE', 'batch_delete', {}, alice))).toEqual({ status: 403, message: 'You are not authorized to perform this action.', method_name: 'batchDelete' })
    expect((await call('DELETE', 'batch_delete', { where: '{"name":"drop.txt"}' }, admin)).body.meta.method_name).toBe('batchDelete')
    expect((await call('GET', 'query')).body.response.files.map((file: { name: string }) => file.name)).toEqual(['keep.txt'])
    await call('DELETE', 'batch_delete', {}, admin)
    expect((await call('GET', 'count')).body.meta.count).toBe(0)
  })
})

describe('download URLs', () => {
  it('answer HEAD with the Content-Type and no body', async () => {
    const file = await created()
    const head = await cloud.app.request((await shown(file.id)).url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('Content-Type')).toBe('application/x-thing')
    expect(await head.text()).toBe('')
  })

  it('answer 404 for an unknown key, object or id; another app key does not see the file', async () => {
    const file = await created()
    for (const path of [`/storage/K/files/5f00000000000000000000ff/x`, `/storage/K/users/${ids.alice}/x`, `/storage/K/files/nope/x`, `/storage/OTHER/files/${file.id}/report.bin`]) {
      expect((await cloud.app.request(path)).status, path).toBe(404)
    }
  })
})
