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
    expect(cloud.settings('ANY')).toEqual({ emailVerification: false, sessionLifetime: null, legacyPaging: true })
    expect(cloud.settings('STRICT').emailVerification).toBe(true)
    // With verification on, a new user with an email is unconfirmed and gets no session.
    expect((await create(cloud, 'STRICT', 'zoe')).meta.session_id).toBeUndefined()
    expect((await create(cloud, 'ANY', 'zoe')).meta.session_id).toEqual(expect.any(String))
    const reply = await cloud.app.request('/__mock/settings?key=STRICT')
    expect(((await reply.json()) as any).response.settings).toEqual({ emailVerification: true, sessionLifetime: null, legacyPaging: true })
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
  })

  it('in a fixture: an unknown setting stops the start naming where it is', async () => {
    await expect(createMockCloud({ fixtures: { users: [], apps: { K: { users: [], settings: { nope: 1 } as never } } } })).rejects.toThrow(
      /apps\.K\.settings: unknown setting "nope"/,
    )
  })
})
