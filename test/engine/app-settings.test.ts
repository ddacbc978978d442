import { describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/index.js'

// App settings (docs/app-settings.md): server default, per-key fixture value, run-time change per key.

const signUp = (key: string, name: string) =>
  new URLSearchParams({ username: name, email: `${name}@example.com`, password: 'p', password_confirmation: 'p' })

async function create(cloud: Awaited<ReturnType<typeof createMockCloud>>, key: string, name: string) {
  const reply = await cloud.app.request(`/v1/users/create.json?key=${key}`, { method: 'POST', body: signUp(key, name) })
  return (await reply.json()) as { meta: { session_id?: string }; response: { users: { confirmed_at?: string }[] } }
}

describe('app settings', () => {
  it('come from the server option, are overridden per key by the fixture, and read back in code and over HTTP', async () => {
    const cloud = await createMockCloud({
      fixtures: { users: [], apps: { STRICT: { users: [], settings: { emailVerification: true } } } },
      settings: { legacyPaging: true },
    })
    expect(cloud.settings('ANY')).toEqual({ emailVerification: false, sessionLifetime: null, legacyPaging: true, emailConfigured: true, pushConfigured: true, legacySearch: true, processing: 'instant', friendsMode: 'two-way', legacyPhotoSizes: false })
    expect(cloud.settings('STRICT').emailVerification).toBe(true)
    // With verification on, a new user with an email is unconfirmed and gets no session.
    expect((await create(cloud, 'STRICT', 'zoe')).meta.session_id).toBeUndefined()
    expect((await create(cloud, 'ANY', 'zoe')).meta.session_id).toEqual(expect.any(String))
    const reply = await cloud.app.request('/__mock/settings?key=STRICT')
    expect(((await reply.json()) as any).response.settings).toEqual({ emailVerification: true, sessionLifetime: null, legacyPaging: true, emailConfigured: true, pushConfigured: true, legacySearch: true, processing: 'instant', friendsMode: 'two-way', legacyPhotoSizes: false })
  })

  it('change for one key at run time (PUT /__mock/settings), leave other keys alone, and go back on reset of the key', async () => {
    const cloud = await createMockCloud({ fixtures: { users: [] } })
    const put = await cloud.app.request('/__mock/settings?key=A', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ emailVerification: true, sessionLifetime: '12h' }),
    })
    expect(put.status).toBe(200)
    expect(((await put.json()) as any).response.settings).toMatchObject({ emailVerification: true, sessionLifetime: 12 * 3600 * 1000 })
    expect((await create(cloud, 'A', 'ann')).meta.session_id).toBeUndefined()
    expect((await create(cloud, 'B', 'ann')).meta.session_id).toEqual(expect.any(String))
    await cloud.reset('A')
    expect(cloud.settings('A').emailVerification).toBe(false)
    expect((await create(cloud, 'A', 'ann')).meta.session_id).toEqual(expect.any(String))
  })

  it('refuse an unknown setting or a bad value with a 400 naming it, and a call without a key', async () => {
    const cloud = await createMockCloud({ fixtures: { users: [] } })
    const put = (query: string, body: unknown) =>
      cloud.app.request(`/__mock/settings${query}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const unknown = (await (await put('?key=A', { legacyPagin: true })).json()) as any
    expect(unknown.meta).toMatchObject({ status: 'fail', code: 400, method_name: 'mockSettings' })
    expect(unknown.meta.message).toMatch(/unknown setting "legacyPagin"; the settings are emailVerification, sessionLifetime, legacyPaging/)
    const bad = (await (await put('?key=A', { sessionLifetime: 'soon' })).json()) as any
    expect(bad.meta.message).toMatch(/setting sessionLifetime must be a positive duration/)
    expect(cloud.settings('A').sessionLifetime).toBeNull()
    expect((await put('', { legacyPaging: true })).status).toBe(400)
    await expect(createMockCloud({ settings: { legacyPaging: 'maybe' } as never })).rejects.toThrow(/setting legacyPaging must be true or false/)
    const mode = (await (await put('?key=A', { friendsMode: 'both-ways' })).json()) as any
    expect(mode.meta.message).toBe(`Invalid settings: setting friendsMode must be 'two-way' or 'one-way', got "both-ways"`)
    expect(cloud.settings('A').friendsMode).toBe('two-way')
  })

  it('in a fixture: an unknown setting stops the start naming where it is', async () => {
    await expect(createMockCloud({ fixtures: { users: [], apps: { K: { users: [], settings: { nope: 1 } as never } } } })).rejects.toThrow(
      /apps\.K\.settings: unknown setting "nope"/,
    )
  })
})

describe('legacyPaging', () => {
  const fixture = {
    users: [{ username: 'ann', password: 'pw' }],
    objects: { cars: Array.from({ length: 7 }, (_, n) => ({ owner: 'ann', n })) },
  }
  const metaOf = async (cloud: Awaited<ReturnType<typeof createMockCloud>>, path: string) =>
    ((await (await cloud.app.request(`/v1/${path}`)).json()) as { meta: Record<string, unknown> }).meta

  it('adds page, per_page, total_pages and total_results to every object query, from page/per_page or skip/limit', async () => {
    const cloud = await createMockCloud({ fixtures: fixture, settings: { legacyPaging: true } })
    expect(await metaOf(cloud, 'objects/cars/query.json?key=K&per_page=3&page=2')).toMatchObject({ page: 2, per_page: 3, total_pages: 3, total_results: 7 })
    expect(await metaOf(cloud, 'objects/cars/query.json?key=K&limit=2&skip=4')).toMatchObject({ page: 3, per_page: 2, total_pages: 4, total_results: 7 })
    expect(await metaOf(cloud, 'users/query.json?key=K')).toMatchObject({ page: 1, per_page: 10, total_pages: 1, total_results: 1 })
  })

  it('is off by default, and new_pagination=true turns it off for one call', async () => {
    const off = await createMockCloud({ fixtures: fixture })
    expect(await metaOf(off, 'objects/cars/query.json?key=K')).not.toHaveProperty('total_results')
    const on = await createMockCloud({ fixtures: fixture, settings: { legacyPaging: true } })
    expect(await metaOf(on, 'objects/cars/query.json?key=K&new_pagination=true')).not.toHaveProperty('total_results')
  })
})

describe('legacySearch', () => {
  const fixture = { users: [{ username: 'ann', password: 'pw', tags: ['golf'] }] }
  const search = async (cloud: Awaited<ReturnType<typeof createMockCloud>>, key: string) => {
    const reply = await cloud.app.request(`/v1/users/search.json?key=${key}&q=golf`)
    return { status: reply.status, body: (await reply.json()) as any }
  }

  it('is on by default: users/search answers as on apps made before ArrowDB 1.3.0', async () => {
    const cloud = await createMockCloud({ fixtures: fixture })
    const reply = await search(cloud, 'K')
    expect(reply.status).toBe(200)
    expect(reply.body.response.users.map((u: { username: string }) => u.username)).toEqual(['ann'])
    expect(reply.body.meta).toMatchObject({ method_name: 'searchUsers', page: 1, per_page: 10, total_pages: 1, total_results: 1 })
  })

  it('false answers users/search with the 410 of apps made after ArrowDB 1.3.0, for that key only, until its reset', async () => {
    const cloud = await createMockCloud({ fixtures: fixture })
    await cloud.setSettings('NEW', { legacySearch: false })
    const reply = await search(cloud, 'NEW')
    expect(reply.status).toBe(410)
    expect(reply.body).toEqual({
      meta: { code: 410, status: 'fail', message: 'search.json has been deprecated. Please use $text query', method_name: 'searchUsers' },
    })
    expect((await search(cloud, 'OLD')).status).toBe(200)
    await cloud.reset('NEW')
    expect((await search(cloud, 'NEW')).status).toBe(200)
  })

  it('can be set per key in the fixture and read as form text over the admin API', async () => {
    const cloud = await createMockCloud({ fixtures: { ...fixture, apps: { NEW: { ...fixture, settings: { legacySearch: false } } } } })
    expect((await search(cloud, 'NEW')).status).toBe(410)
    const put = await cloud.app.request('/__mock/settings?key=NEW', { method: 'PUT', body: new URLSearchParams({ legacySearch: 'true' }) })
    expect(((await put.json()) as any).response.settings.legacySearch).toBe(true)
    expect((await search(cloud, 'NEW')).status).toBe(200)
  })
})
