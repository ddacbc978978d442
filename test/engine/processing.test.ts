import { afterEach, describe, expect, it } from 'vitest'
import { createMockCloud, mockCloudClient, startMockCloud, type MockCloud, type RunningMockCloud } from '../../src/index.js'
import { fixtureS } from '../support/fixture-s.js'
import { sessionOf } from '../support/in-process-login.js'

// The `processing` app setting (docs/app-settings.md "processing"): instant by default, manual
// holds uploads of Files and Photos unprocessed until a test releases them.

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0x80, 0xfe])
const BYTES = new Uint8Array([0xff, 0x00, 0xd8, 0x80, 0x41, 0x0a])

const manual = { ...fixtureS, settings: { processing: 'manual' as const } }

/** How a test sends a request: app.request() or fetch against a running server. */
type Send = (path: string, init?: RequestInit) => Response | Promise<Response>

/** Uploads `bytes` as `part` to `<object>/<method>` of key K over `send`. */
async function upload(send: Send, object: string, method: string, part: string, bytes: Uint8Array, session: string, params: Record<string, string> = {}) {
  const form = new FormData()
  for (const [name, value] of Object.entries(params)) form.append(name, value)
  form.append(part, new Blob([bytes], { type: 'image/png' }), 'cat.png')
  const reply = await send(`/v1/${object}/${method}.json?key=K&_session_id=${session}`, { method: method === 'create' ? 'POST' : 'PUT', body: form })
  const body = (await reply.json()) as any
  expect(body.meta, JSON.stringify(body.meta)).toMatchObject({ status: 'ok' })
  return body.response[object][0]
}

async function get(send: Send, path: string) {
  return (await (await send(path)).json()) as any
}

describe('processing: manual', () => {
  let cloud: MockCloud
  const send = (path: string, init?: RequestInit) => cloud.app.request(path, init)

  it('holds a photo unprocessed (no urls, its URL 404) in show and query until POST /__mock/processing releases it by id', async () => {
    cloud = await createMockCloud({ fixtures: manual })
    const alice = await sessionOf(cloud, 'alice')
    const held = await upload(send, 'photos', 'create', 'photo', PNG, alice, { 'photo_sizes[thumb]': '50x50' })
    const other = await upload(send, 'photos', 'create', 'photo', PNG, alice)
    expect(held).toMatchObject({ processed: false })
    const shown = (await get(send, `/v1/photos/show.json?key=K&photo_id=${held.id}`)).response.photos[0]
    expect(shown.processed).toBe(false)
    expect(shown).not.toHaveProperty('urls')
    const queried = (await get(send, '/v1/photos/query.json?key=K')).response.photos
    expect(queried.map((photo: any) => photo.processed)).toEqual([false, false])
    expect((await send(`/storage/K/photos/${held.id}/cat_original.png`)).status).toBe(404)

    const listed = await get(send, '/__mock/processing?key=K')
    expect(listed.meta).toMatchObject({ status: 'ok', method_name: 'mockProcessing', count: 2 })
    expect(listed.response.unprocessed).toEqual([
      { key: 'K', object: 'photos', id: held.id },
      { key: 'K', object: 'photos', id: other.id },
    ])

    const released = (await (await send(`/__mock/processing?key=K&ids=${held.id}`, { method: 'POST' })).json()) as any
    expect(released.response.released).toEqual([{ key: 'K', object: 'photos', id: held.id }])
    const after = (await get(send, `/v1/photos/show.json?key=K&photo_id=${held.id}`)).response.photos[0]
    expect(after.processed).toBe(true)
    expect(Object.keys(after.urls)).toEqual(['thumb', 'original'])
    const bytes = await send(new URL(after.urls.original).pathname)
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(PNG)
    expect((await get(send, `/v1/photos/show.json?key=K&photo_id=${other.id}`)).response.photos[0].processed).toBe(false)
  })

  it('holds a file, and a processed file whose content an update replaces; a release without ids processes all', async () => {
    cloud = await createMockCloud({ fixtures: fixtureS })
    const alice = await sessionOf(cloud, 'alice')
    const before = await upload(send, 'files', 'create', 'file', BYTES, alice)
    await cloud.setSettings('K', { processing: 'manual' })
    expect((await get(send, `/v1/files/show.json?key=K&file_id=${before.id}`)).response.files[0].processed).toBe(true)
    // A rename keeps it processed; new content holds it.
    expect((await upload(send, 'files', 'update', 'file', new Uint8Array(0), alice, { file_id: before.id, name: 'x' })).processed).toBe(false)
    const renamed = await cloud.app.request(`/v1/files/update.json?key=K&_session_id=${alice}`, { method: 'PUT', body: new URLSearchParams({ file_id: before.id, name: 'y' }) })
    expect(((await renamed.json()) as any).response.files[0]).toMatchObject({ name: 'y', processed: false })
    const held = await upload(send, 'files', 'create', 'file', BYTES, alice)
    const shown = (await get(send, `/v1/files/show.json?key=K&file_id=${held.id}`)).response.files[0]
    expect(shown.processed).toBe(false)
    expect(shown).not.toHaveProperty('url')
    expect((await send(`/storage/K/files/${held.id}/cat.png`)).status).toBe(404)

    expect((await cloud.release()).map((upload) => upload.id)).toEqual([before.id, held.id])
    const file = (await get(send, `/v1/files/show.json?key=K&file_id=${held.id}`)).response.files[0]
    expect(file.processed).toBe(true)
    expect(new Uint8Array(await (await send(new URL(file.url).pathname)).arrayBuffer())).toEqual(BYTES)
    expect(cloud.unprocessed('K')).toEqual([])
  })

  it('refuses to release an id that is not held (400 naming it, nothing released) and an unknown parameter', async () => {
    cloud = await createMockCloud({ fixtures: manual })
    const alice = await sessionOf(cloud, 'alice')
    const held = await upload(send, 'files', 'create', 'file', BYTES, alice)
    const missing = '5f00000000000000000000ff'
    const reply = await send('/__mock/processing?key=K', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [held.id, missing] }) })
    expect(reply.status).toBe(400)
    expect(((await reply.json()) as any).meta).toMatchObject({ status: 'fail', method_name: 'mockProcessing', message: `Invalid ids parameter: no upload "${missing}" is held unprocessed for key "K"` })
    expect(cloud.unprocessed('K')).toHaveLength(1)
    await expect(cloud.release([missing], 'K')).rejects.toThrow(/no upload "5f00000000000000000000ff" is held/)
    expect((await send('/__mock/processing?key=K&id=1')).status).toBe(400)
  })

  it('going back to instant processes the held uploads; a reset drops them with their objects', async () => {
    cloud = await createMockCloud({ fixtures: fixtureS })
    const alice = await sessionOf(cloud, 'alice')
    await cloud.setSettings('K', { processing: 'manual' })
    const held = await upload(send, 'photos', 'create', 'photo', PNG, alice)
    expect(cloud.settings('K').processing).toBe('manual')
    await cloud.setSettings('K', { processing: null })
    expect((await get(send, `/v1/photos/show.json?key=K&photo_id=${held.id}`)).response.photos[0].processed).toBe(true)
    await cloud.setSettings('K', { processing: 'manual' })
    await upload(send, 'photos', 'create', 'photo', PNG, alice)
    await cloud.reset('K')
    expect(cloud.unprocessed()).toEqual([])
    expect(cloud.settings('K').processing).toBe('instant')
  })

  it('snapshots and export/import keep the held state with the object; an import with a malformed mark is refused', async () => {
    cloud = await createMockCloud({ fixtures: manual })
    const alice = await sessionOf(cloud, 'alice')
    const held = await upload(send, 'photos', 'create', 'photo', PNG, alice)
    await cloud.snapshot('held', 'K')
    const exported = cloud.exportData('K') as any
    await cloud.release(undefined, 'K')
    await cloud.restore('held', 'K')
    expect(cloud.unprocessed('K')).toEqual([{ key: 'K', object: 'photos', id: held.id }])
    await cloud.importData(exported, 'OTHER')
    expect((await get(send, `/v1/photos/show.json?key=OTHER&photo_id=${held.id}`)).response.photos[0].processed).toBe(false)
    const broken = structuredClone(exported)
    broken.collections.photos[0].unprocessed = 'yes'
    await expect(cloud.importData(broken, 'OTHER')).rejects.toThrow(/collections\["photos"\]\[0\]\.unprocessed is missing or malformed/)
  })

  it('is refused as a setting with another value, naming the values it takes', async () => {
    cloud = await createMockCloud({ fixtures: fixtureS })
    await expect(cloud.setSettings('K', { processing: 'later' })).rejects.toThrow(/setting processing must be "instant" or "manual", got "later"/)
  })
})

describe('processing over real HTTP', () => {
  let server: RunningMockCloud | undefined
  afterEach(async () => {
    await server?.stop()
    server = undefined
  })

  it('the admin client lists and releases a key\'s held uploads, and the running server does the same in code', async () => {
    server = await startMockCloud({ fixtures: fixtureS })
    const client = mockCloudClient(server.url, 'K')
    await client.setSettings({ processing: 'manual' })
    const send = (path: string, init?: RequestInit) => fetch(`${server!.url}${path}`, init)
    const login = await send('/v1/users/login.json?key=K', { method: 'POST', body: new URLSearchParams({ login: 'alice', password: 'pw-alice' }) })
    const alice = ((await login.json()) as any).meta.session_id
    const photo = await upload(send, 'photos', 'create', 'photo', PNG, alice)
    const file = await upload(send, 'files', 'create', 'file', BYTES, alice)
    // Objects in registry order: files before photos.
    expect(await client.unprocessed()).toEqual([
      { key: 'K', object: 'files', id: file.id },
      { key: 'K', object: 'photos', id: photo.id },
    ])
    expect(await client.release([photo.id])).toEqual([{ key: 'K', object: 'photos', id: photo.id }])
    await expect(client.release([photo.id])).rejects.toMatchObject({ code: 400 })
    const shown = (await get(send, `/v1/photos/show.json?key=K&photo_id=${photo.id}`)).response.photos[0]
    expect((await fetch(shown.urls.original)).status).toBe(200)
    expect(server.unprocessed('K')).toEqual([{ key: 'K', object: 'files', id: file.id }])
    expect(await server.release(undefined, 'K')).toEqual([{ key: 'K', object: 'files', id: file.id }])
    expect(await client.unprocessed()).toEqual([])
  })
})
