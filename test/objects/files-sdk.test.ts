import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ArrowDB from 'arrowdb'
import { createCloud } from 'mock-cloud/ti-cloud'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../support/client.js'
import { outcome } from '../support/titanium.js'
import { sdk } from '../support/arrowdb-calls.js'

/**
 * Files end to end over real HTTP: the `arrowdb` SDK (1.0.12) uploads a file from a path as
 * multipart, the Node `Cloud` uploads a Blob, and the URL a reply gives is fetched from the
 * running server; a restart from the data file keeps the bytes.
 */

let dir: string
const BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x0a])

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-cloud-files-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('Files over real HTTP', () => {
  it('the arrowdb SDK: filesCreate with a file → show → fetch the url → query → count → remove; a restart from the data file keeps the bytes', async () => {
    const data = join(dir, 'data.json')
    const path = join(dir, 'upload.bin')
    await writeFile(path, BYTES)
    const { server } = await startServer({ data })
    try {
      const app = new ArrowDB('TESTKEY', { apiEntryPoint: server.url })
      expect((await sdk(app, 'usersLogin', { login: 'alice', password: 'pw-alice' })).err).toBeNull()
      const made = await sdk(app, 'filesCreate', { file: path, name: 'upload.bin', custom_fields: { field1: '1' } })
      expect(made.err).toBeNull()
      expect(made.result.body.meta.method_name).toBe('createFile')
      const id = made.result.body.response.files[0].id as string
      expect(made.result.body.response.files[0].processed).toBe(false)
      const shown = await sdk(app, 'filesShow', { file_id: id })
      const url = shown.result.body.response.files[0].url as string
      expect(url).toBe(`${server.url}/storage/TESTKEY/files/${id}/upload.bin`)
      expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(BYTES)
      const found = await sdk(app, 'filesQuery', { where: { name: 'upload.bin' } })
      expect(found.result.body.response.files.map((file: { id: string }) => file.id)).toEqual([id])
      expect((await sdk(app, 'filesCount')).result.body.meta.count).toBe(1)
      expect((await sdk(app, 'filesShow', { file_id: 'nope' })).err?.statusCode).toBe(400)
      await server.stop()
      const again = (await startServer({ data })).server
      try {
        expect(Buffer.from(await (await fetch(url.replace(server.url, again.url))).arrayBuffer())).toEqual(BYTES)
        const relogged = new ArrowDB('TESTKEY', { apiEntryPoint: again.url })
        await sdk(relogged, 'usersLogin', { login: 'alice', password: 'pw-alice' })
        expect((await sdk(relogged, 'filesRemove', { file_id: id })).result.body.meta.method_name).toBe('deleteFile')
        expect((await sdk(relogged, 'filesCount')).result.body.meta.count).toBe(0)
      } finally {
        await again.stop()
      }
    } finally {
      await server.stop()
    }
  })

  it('Cloud.Files: a Blob is uploaded as multipart, shown with its url, updated and removed', async () => {
    const { server } = await startServer()
    try {
      const Cloud = createCloud({ url: server.url, key: 'TESTKEY' })
      await outcome((cb) => Cloud.Users.login({ login: 'alice', password: 'pw-alice' }, cb))
      const made = await outcome((cb) => Cloud.Files.create({ name: 'notes.txt', file: new Blob(['hello files'], { type: 'text/plain' }) }, cb))
      expect(made).toMatchObject({ success: true, files: [{ name: 'notes.txt', processed: false }] })
      const id = made.files[0].id
      const shown = await outcome((cb) => Cloud.Files.show({ file_id: id }, cb))
      const served = await fetch(shown.files[0].url)
      expect(served.headers.get('Content-Type')).toMatch(/^text\/plain/)
      expect(await served.text()).toBe('hello files')
      const updated = await outcome((cb) => Cloud.Files.update({ file_id: id, name: 'renamed.txt' }, cb))
      expect(updated.files[0].name).toBe('renamed.txt')
      expect((await outcome((cb) => Cloud.Files.query({ where: { name: 'renamed.txt' } }, cb))).files).toHaveLength(1)
      expect((await outcome((cb) => Cloud.Files.remove({ file_id: id }, cb))).success).toBe(true)
      expect((await fetch(shown.files[0].url)).status).toBe(404)
    } finally {
      await server.stop()
    }
  })
})
