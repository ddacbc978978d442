import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createMockCloud, FixtureError, startMockCloud, type RunningMockCloud } from '../../src/index.js'
import { sessionOf } from '../support/in-process-login.js'

// Files, photos and push subscriptions seeded from a fixture (docs/fixtures.md "Files and photos",
// "Push subscriptions").

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0x80, 0xfe])
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')
const BYTES = Buffer.from([0xff, 0x00, 0xd8, 0x80, 0x41, 0x0a])
const users = [
  { username: 'alice', password: 'pw-alice' },
  { username: 'admin', password: 'pw-admin', admin: true },
]

let server: RunningMockCloud | undefined
let folder: string | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
  if (folder !== undefined) await rm(folder, { recursive: true, force: true })
  folder = undefined
})

describe('upload fixtures', () => {
  it('seed files and photos from base64 and from paths relative to the fixture file, served over real HTTP as uploads are', async () => {
    folder = await mkdtemp(join(tmpdir(), 'mock-cloud-fixture-'))
    await mkdir(join(folder, 'fixtures', 'media'), { recursive: true })
    await writeFile(join(folder, 'fixtures', 'media', 'cat.png'), PNG)
    await writeFile(join(folder, 'fixtures', 'media', 'report.bin'), BYTES)
    const fixture = {
      users,
      files: [
        { id: '5f00000000000000000000a1', owner: 'alice', path: 'media/report.bin', content_type: 'application/x-report', custom_fields: { n: 1 } },
        { id: '5f00000000000000000000a2', owner: 'alice', base64: BYTES.toString('base64'), name: 'inline.bin' },
        { id: '5f00000000000000000000a3', owner: 'alice', url: 'https://example.com/docs/guide.pdf' },
      ],
      photos: [
        { id: '5f00000000000000000000b1', owner: 'alice', path: 'media/cat.png', title: 'Cat', tags: 'pets, cats', photo_sizes: { thumb: '50x50#' } },
        { id: '5f00000000000000000000b2', owner: 'alice', base64: GIF.toString('base64'), created_at: '2024-01-02T03:04:05Z' },
      ],
    }
    const file = join(folder, 'fixtures', 'seed.json')
    await writeFile(file, JSON.stringify(fixture))
    server = await startMockCloud({ fixtures: file })
    const get = async (path: string) => (await (await fetch(`${server!.url}/v1/${path}`)).json()) as any

    const files = (await get('files/query.json?key=K&order=_id')).response.files
    expect(files.map((one: any) => [one.name, one.processed])).toEqual([['report.bin', true], ['inline.bin', true], ['guide.pdf', true]])
    expect(files[0].custom_fields).toEqual({ n: 1 })
    expect(files[0].user.username).toBe('alice')
    expect(files[2].url).toBe('https://example.com/docs/guide.pdf')
    const served = await fetch(files[0].url)
    expect(served.headers.get('content-type')).toBe('application/x-report')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(BYTES)
    expect(Buffer.from(await (await fetch(files[1].url)).arrayBuffer())).toEqual(BYTES)

    const cat = (await get('photos/show.json?key=K&photo_id=5f00000000000000000000b1')).response.photos[0]
    expect(cat).toMatchObject({ filename: 'cat.png', size: PNG.length, content_type: 'image/png', processed: true, title: 'Cat', tags: ['pets', 'cats'] })
    expect(Object.keys(cat.urls)).toEqual(['thumb', 'original'])
    expect(Buffer.from(await (await fetch(cat.urls.thumb)).arrayBuffer())).toEqual(PNG)
    const gif = (await get('photos/show.json?key=K&photo_id=5f00000000000000000000b2')).response.photos[0]
    expect(gif).toMatchObject({ filename: 'photo', content_type: 'image/gif', created_at: '2024-01-02T03:04:05+0000' })
    expect((await get('photos/count.json?key=K')).meta.count).toBe(2)
  })

  it('seed push subscriptions: a notify to their channel reaches them in the push outbox; query lists them', async () => {
    const cloud = await createMockCloud({
      fixtures: {
        users,
        push_subscriptions: [
          { device_token: 'tok-alice', type: 'ios', channel: 'news', user: 'alice', badge_number: 2 },
          { device_token: 'tok-anon', type: 'GCM', channel: ['news', 'sports'] },
          { device_token: 'tok-other', type: 'android', channel: 'sports', loc: [13.4, 52.5] },
        ],
      },
    })
    const admin = await sessionOf(cloud, 'admin')
    const notify = await cloud.app.request(`/v1/push_notification/notify.json?key=K&_session_id=${admin}`, {
      method: 'POST',
      body: new URLSearchParams({ channel: 'news', to_ids: 'everyone', payload: '{"alert":"Hi","badge":"+1"}' }),
    })
    expect(((await notify.json()) as any).meta.status).toBe('ok')
    const [push] = cloud.pushes('K')
    expect(push!.deliveries.map((device) => [device.device_token, device.type, device.badge])).toEqual([
      ['tok-alice', 'ios', 3],
      ['tok-anon', 'android', 1],
    ])
    expect(push!.deliveries[0]!.user_id).toMatch(/^[0-9a-f]{24}$/)
    const query = await cloud.app.request(`/v1/push_notification/query.json?key=K&_session_id=${admin}`)
    expect(((await query.json()) as any).response.subscriptions.map((one: any) => one.device_token).sort()).toEqual(['tok-alice', 'tok-anon', 'tok-other'])
  })

  it.each([
    [{ photos: [{ owner: 'alice', base64: BYTES.toString('base64') }] }, 'photos[0].base64: is no JPEG, PNG or GIF image'],
    [{ photos: [{ owner: 'alice' }] }, 'photos[0].path: the bytes are missing'],
    [{ photos: [{ owner: 'alice', path: 'nowhere/cat.png' }] }, 'photos[0].path: cannot read'],
    [{ photos: [{ owner: 'alice', base64: PNG.toString('base64'), photo_sizes: { big: 'huge' } }] }, 'photos[0].photo_sizes: Invalid photo size: big'],
    [{ photos: [{ owner: 'zed', base64: PNG.toString('base64') }] }, 'photos[0].owner: no user "zed"'],
    [{ photos: [{ owner: 'alice', base64: PNG.toString('base64'), tags: 3 }] }, 'photos[0].tags: must be a list of strings or a comma-separated string'],
    [{ files: [{ owner: 'alice', base64: 'not base64!', name: 'x' }] }, 'files[0].base64: must be the bytes as base64 text'],
    [{ files: [{ owner: 'alice', base64: 'AAAA' }] }, 'files[0].name: is required with base64'],
    [{ files: [{ owner: 'alice', base64: 'AAAA', path: 'x', name: 'x' }] }, 'files[0].path: give the bytes as base64 or as a path, not both'],
    [{ files: [{ owner: 'alice', url: 'ftp://example.com/a' }] }, 'files[0].url: must be an http or https URL'],
    [{ files: [{ owner: 'alice', size: 3, url: 'https://example.com/a' }] }, 'files[0].size: is not a file field'],
    [{ push_subscriptions: [{ device_token: 'a', type: 'pager', channel: 'news' }] }, 'push_subscriptions[0].type: Invalid push type: pager'],
    [{ push_subscriptions: [{ device_token: 'a', type: 'ios', channel: '#all' }] }, 'push_subscriptions[0].channel: Invalid channel name: #all'],
    [{ push_subscriptions: [{ device_token: 'a', type: 'ios', channel: 'x' }, { device_token: 'a', type: 'ios', channel: 'y' }] }, 'push_subscriptions[1].device_token: "a" is given twice'],
    [{ push_subscriptions: [{ device_token: 'a', type: 'ios', channel: 'x', user: 'zed' }] }, 'push_subscriptions[0].user: no user "zed"'],
  ])('refuses a bad entry naming it: %j', async (entries, message) => {
    const start = createMockCloud({ fixtures: { users, ...entries } as never })
    await expect(start).rejects.toBeInstanceOf(FixtureError)
    await expect(start).rejects.toThrow(`fixtures option: ${message}`)
  })

  it('a seed adds a subscription, refusing a device token already subscribed', async () => {
    const cloud = await createMockCloud({ fixtures: { users, push_subscriptions: [{ device_token: 'a', type: 'ios', channel: 'x' }] } })
    await cloud.seed({ push_subscriptions: [{ device_token: 'b', type: 'ios', channel: 'x', user: 'alice' }] }, 'K')
    const count = await cloud.app.request('/v1/push_notification/count.json?key=K')
    expect(((await count.json()) as any).meta.count).toBe(2)
    await expect(cloud.seed({ push_subscriptions: [{ device_token: 'a', type: 'ios', channel: 'x' }] }, 'K')).rejects.toThrow(
      'seed: push_subscriptions[0].device_token: "a" is already subscribed',
    )
  })
})
