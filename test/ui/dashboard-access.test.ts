import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockCloud } from '../../src/app.js'
import { launchChromium, recordedPage } from '../support/browser.js'
import { from } from '../support/client-address.js'
import { serversStoppedAfterEach } from '../support/servers.js'

// The admin access rules (docs/toolkit.md "The admin API") hold for the dashboard and for every
// request it makes (docs/dashboard.md "Access"): with --admin-token the browser must give the
// token (as the password of Basic auth, which the 401 asks for); without one, loopback only.

const TOKEN = 'dash-s3cret'
const start = serversStoppedAfterEach()
let browser: Browser
/** The paths (with their query) the dashboard asked for in the first test, every view opened. */
const pagePaths = new Set<string>()

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const basic = (password: string) => `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`

describe('the dashboard under --admin-token', () => {
  it('asks a browser for the token, works with it, and every request it made needs it', async () => {
    const { server, call } = await start({ adminToken: TOKEN })
    await call('POST', 'users/login', {}, { form: { login: 'alice', password: 'alice-pass' } })

    // Without the token, the page answers 401 and asks for Basic credentials, which a browser prompts for.
    const refused = await fetch(`${server.url}/__mock/ui`)
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe('Basic realm="mock-cloud admin", charset="UTF-8"')

    const { page, requests, errors } = await recordedPage(browser, { httpCredentials: { username: 'admin', password: TOKEN } })
    await page.goto(`${server.url}/__mock/ui`)
    await page.getByRole('caption').filter({ hasText: /^users: 1–/ }).waitFor()
    // Every view once, with the polling off so the page goes quiet after each.
    await page.getByLabel('Live').uncheck()
    for (const tab of ['Sessions', 'Mails', 'Pushes', 'Journal', 'Faults', 'Snapshots', 'Clock', 'Collections']) {
      await page.getByRole('tab', { name: tab }).click()
      await page.waitForLoadState('networkidle')
    }
    await page.getByRole('button', { name: 'Reset TESTKEY' }).click()
    await page.getByRole('status').filter({ hasText: 'TESTKEY reset to its fixture.' }).waitFor()
    expect(errors).toEqual([])

    for (const url of requests) {
      const { host, pathname, search } = new URL(url)
      expect(host).toBe(new URL(server.url).host)
      expect(pathname).toMatch(/^\/__mock\//)
      pagePaths.add(pathname + search)
    }
    expect([...pagePaths].map((path) => path.split('?')[0])).toEqual(
      expect.arrayContaining(['/__mock/ui', '/__mock/ui/app.js', '/__mock/ui/preact.mjs', '/__mock/keys', '/__mock/collections/users', '/__mock/sessions', '/__mock/outbox', '/__mock/pushes', '/__mock/requests', '/__mock/faults', '/__mock/snapshots', '/__mock/clock', '/__mock/reset']),
    )
    for (const path of pagePaths) {
      const method = path.startsWith('/__mock/reset') ? 'POST' : 'GET'
      const status = async (authorization?: string) => (await fetch(server.url + path, { method, headers: authorization ? { authorization } : {} })).status
      expect(await status(), path).toBe(401)
      expect(await status(basic('wrong')), path).toBe(403)
      expect(await status(basic(TOKEN)), path).toBe(200)
      expect(await status(`Bearer ${TOKEN}`), path).toBe(200)
    }
  })
})

describe('the dashboard without a token', () => {
  it('answers loopback clients only: the page, its files and every request it makes', async () => {
    expect(pagePaths.size).toBeGreaterThan(10)
    const cloud = await createMockCloud({ fixtures: { users: [{ username: 'a', password: 'p' }] } })
    await cloud.app.request('/v1/users/count.json?key=TESTKEY')
    for (const path of pagePaths) {
      const method = path.startsWith('/__mock/reset') ? 'POST' : 'GET'
      expect((await cloud.app.request(path, { method }, from('203.0.113.9'))).status, path).toBe(403)
      expect((await cloud.app.request(path, { method }, from('::ffff:10.1.2.3'))).status, path).toBe(403)
      expect((await cloud.app.request(path, { method }, from('127.0.0.1'))).status, path).toBe(200)
    }
  })
})
