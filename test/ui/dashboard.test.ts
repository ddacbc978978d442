import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startMockCloud, type RunningMockCloud } from '../../src/server.js'
import { launchChromium, recordedPage, type PageRecord } from '../support/browser.js'
import { client, type Call } from '../support/client.js'
import { createCloud, settled } from '../../src/ti-cloud/index.js'

// The dashboard at /__mock/ui (docs/dashboard.md) in a real Chromium: what it shows of a data set,
// and its actions seen through the API. One browser and one server for the file, on loopback.

const A = 'KEY-A'
const B = 'KEY-B'

let browser: Browser
let server: RunningMockCloud
let call: Call
let record: PageRecord

beforeAll(async () => {
  browser = await launchChromium()
  server = await startMockCloud({ fixtures: 'fixtures/users.json' })
  call = client(server.url)
  record = await recordedPage(browser, { viewport: { width: 1100, height: 800 } })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})
beforeEach(async () => {
  await server.reset()
  for (const key of [A, B]) expect((await call('GET', 'users/count', {}, { key })).body.meta.count).toBe(6)
  record.errors.length = 0
  record.requests.length = 0
})
afterEach(async () => {
  // Nothing logged an error, and no request left this server.
  expect(record.errors).toEqual([])
  const hosts = new Set(record.requests.map((url) => new URL(url).host))
  expect([...hosts]).toEqual([new URL(server.url).host])
  // The page stops polling before the next test resets the data sets under it.
  await record.page.goto('about:blank')
})

const open = async (key: string, tab: string) => {
  await record.page.goto(`${server.url}/__mock/ui#key=${key}&tab=${tab}`)
  await record.page.getByRole('tab', { name: tab, selected: true }).waitFor()
}
const status = () => record.page.getByRole('status').first()

describe('the dashboard at /__mock/ui', () => {
  it('shows a user created over the API in the users table of its key, with its session, and not in another key\'s', async () => {
    const { page } = record
    const created = await call('POST', 'users/create', {}, { key: A, form: { username: 'zoe', password: 'zoe-pass', password_confirmation: 'zoe-pass' } })
    expect(created.body.meta.status).toBe('ok')
    await call('POST', 'users/login', {}, { key: A, form: { login: 'zoe', password: 'zoe-pass' } })
    await open(A, 'Collections')
    await page.getByRole('caption').filter({ hasText: 'users: 1–7 of 7' }).waitFor()
    const zoe = page.getByRole('row').filter({ hasText: 'zoe' })
    expect(await zoe.count()).toBe(1)
    // The sessions column: users/create signed zoe in, and so did the login.
    expect(await page.getByRole('columnheader').last().textContent()).toBe('sessions')
    expect(await zoe.getByRole('cell').last().textContent()).toBe('2')
    // At 1280 px the table fits, sessions column included: nothing is cut off or hidden to the right.
    await page.setViewportSize({ width: 1280, height: 800 })
    const table = page.getByRole('region', { name: /^users: / })
    await expect.poll(() => table.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0)
    await expect.poll(() => page.getByRole('caption').textContent()).not.toMatch(/scroll/)
    await page.setViewportSize({ width: 1100, height: 800 })
    // Her full record on click.
    await zoe.getByRole('button').click()
    expect(await page.getByRole('region', { name: /^users / }).locator('pre').textContent()).toContain('"username": "zoe"')
    // A where box with the API's query rules.
    await page.getByLabel('where').fill('{"username":{"$in":["zoe","alice"]}}')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.getByRole('caption').filter({ hasText: 'users: 1–2 of 2' }).waitFor()

    // The same where over another key's data set: alice is there, zoe is not.
    await page.getByLabel('App key').selectOption(B)
    await page.getByRole('caption').filter({ hasText: 'users: 1–1 of 1' }).waitFor()
    expect(await page.getByRole('row').filter({ hasText: 'alice' }).count()).toBe(1)
    expect(await page.getByRole('row').filter({ hasText: 'zoe' }).count()).toBe(0)
  })

  it('lists failing calls in the journal, newest first, in red also when sent as HTTP 200, with request and reply side by side', async () => {
    const { page } = record
    await call('POST', 'users/login', {}, { key: A, form: { login: 'alice', password: 'alice-pass' } })
    await open(A, 'Journal')
    await page.getByRole('cell', { name: 'loginUser' }).waitFor()
    // Hints, not values, in the empty filter boxes.
    for (const box of await page.getByRole('main').locator('input[placeholder]').all()) expect(await box.getAttribute('placeholder')).toMatch(/^e\.g\. /)
    // The journal updates while the page is open.
    await call('POST', 'users/login', {}, { key: A, form: { login: 'alice', password: 'wrong' } })
    await page.getByRole('cell', { name: '401' }).first().waitFor()
    const cells = (row: number) => page.getByRole('row').nth(row).getByRole('cell').allTextContents()
    expect((await cells(1)).slice(3, 6)).toEqual(['loginUser', '401', '401 fail'])
    // Titanium's Cloud sends suppress_response_codes=true: a failure comes as HTTP 200 with meta.code 400.
    await call('GET', 'keyvalues/get', { name: 'score', suppress_response_codes: 'true' }, { key: A })
    await page.getByRole('cell', { name: 'getKeyvalue' }).waitFor()
    expect((await cells(1)).slice(3, 6)).toEqual(['getKeyvalue', '200', '400 fail'])
    const rowClasses = await page.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => row.className))
    expect(rowClasses).toEqual(['failed', 'failed', '', '']) // the last: beforeEach's users/count
    // The status filter takes the ArrowDB code too.
    await page.getByLabel('status').fill('400')
    await page.getByRole('button', { name: 'Filter' }).click()
    await expect.poll(() => page.getByRole('row').count()).toBe(2)
    expect((await cells(1))[3]).toBe('getKeyvalue')
    await page.getByLabel('method_name').fill('loginUser')
    await page.getByLabel('status').fill('401')
    await page.getByRole('button', { name: 'Filter' }).click()
    await expect.poll(() => page.getByRole('row').count()).toBe(2)
    await page.getByRole('row').nth(1).getByRole('button').click()
    const request = await page.getByLabel('Request', { exact: true }).textContent()
    const reply = await page.getByLabel('Reply', { exact: true }).textContent()
    expect(JSON.parse(request!).params).toEqual({ key: A, login: 'alice', password: '[redacted]' })
    expect(JSON.parse(reply!).meta).toMatchObject({ code: 401, message: 'Invalid email/username or password.', method_name: 'loginUser' })
  })

  it('follows a reset-password mail\'s link from the outbox: the new password works', async () => {
    const { page } = record
    await call('GET', 'users/request_reset_password', { email: 'alice@example.com' }, { key: A })
    await open(A, 'Mails')
    await page.getByRole('button', { name: 'Open the reset password link' }).click()
    await page.getByLabel('password', { exact: true }).fill('brand-new-pass')
    await page.getByLabel('password confirmation').fill('brand-new-pass')
    await page.getByRole('button', { name: 'Set the password' }).click()
    await page.getByText('Done (resetPassword).').waitFor()
    expect((await call('POST', 'users/login', {}, { key: A, form: { login: 'alice', password: 'brand-new-pass' } })).status).toBe(200)
    expect((await call('POST', 'users/login', {}, { key: A, form: { login: 'alice', password: 'alice-pass' } })).status).toBe(401)
  })

  it('takes and restores a snapshot, resets a key and adds a fault: the API answers accordingly', async () => {
    const { page } = record
    const count = async () => (await call('GET', 'users/count', {}, { key: A })).body.meta.count
    const create = (username: string) => call('POST', 'users/create', {}, { key: A, form: { username, password: 'p', password_confirmation: 'p' } })
    await create('zoe')
    await open(A, 'Snapshots')
    await page.getByLabel('Snapshot name').fill('with-zoe')
    await page.getByRole('button', { name: `Take a snapshot of ${A}` }).click()
    await status().filter({ hasText: `Snapshot "with-zoe" of ${A} taken.` }).waitFor()
    await create('yan')
    expect(await count()).toBe(8)
    await page.getByRole('button', { name: `Restore "with-zoe" into ${A}` }).click()
    await status().filter({ hasText: 'restored' }).waitFor()
    expect(await count()).toBe(7)

    await page.getByRole('button', { name: `Reset ${A}` }).click()
    await status().filter({ hasText: `${A} reset to its fixture.` }).waitFor()
    expect(await count()).toBe(6)

    await page.getByRole('tab', { name: 'Faults' }).click()
    await page.getByLabel('method_name').fill('loginUser')
    await page.getByLabel('message').fill('Down for the test.')
    await page.getByRole('button', { name: 'Add the fault' }).click()
    await page.getByRole('cell', { name: '503 Down for the test.' }).waitFor()
    const login = await call('POST', 'users/login', {}, { key: A, form: { login: 'alice', password: 'alice-pass' } })
    expect([login.status, login.body.meta.message]).toEqual([503, 'Down for the test.'])
  })

  it('freezes, sets and advances the clock: new records carry its time', async () => {
    const { page } = record
    await open(A, 'Clock')
    await page.getByRole('button', { name: 'Freeze the clock' }).click()
    await page.getByRole('button', { name: 'Unfreeze the clock' }).waitFor()
    await page.getByLabel('Set to').fill('2030-01-01T00:00:00Z')
    await page.getByRole('button', { name: 'Set the clock' }).click()
    await page.getByLabel('Advance by').fill('25h')
    await page.getByRole('button', { name: 'Advance the clock' }).click()
    await status().filter({ hasText: 'Clock: 2030-01-02T01:00:00.000Z, frozen.' }).waitFor()
    const created = await call('POST', 'users/create', {}, { key: A, form: { username: 'zoe', password: 'p', password_confirmation: 'p' } })
    expect(created.body.response.users[0].created_at).toMatch(/^2030-01-02T01:00:00/)
    // Back to the real time for the tests after this one.
    server.clock.set(new Date())
    server.clock.unfreeze()
  })

  it('works in a narrow window: the views wrap and a table scrolls on its own', async () => {
    const { page } = record
    await page.setViewportSize({ width: 360, height: 740 })
    try {
      await open(A, 'Collections')
      await page.getByRole('caption').filter({ hasText: 'users: 1–6 of 6' }).waitFor()
      // The page itself never scrolls sideways, the table does and says so; tabs stay reachable by keyboard.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360)
      await page.getByRole('caption').filter({ hasText: '(scroll sideways for more columns)' }).waitFor()
      await page.getByRole('tab', { name: 'Collections' }).focus()
      await page.keyboard.press('ArrowRight')
      await page.getByRole('tab', { name: 'Sessions', selected: true }).waitFor()
    } finally {
      await page.setViewportSize({ width: 1100, height: 800 })
    }
  })

  // The case of docs/dashboard.md: a Titanium app's test fails: the total score is read from the
  // public store while it was saved in the private one. The app's calls, made here through
  // mock-cloud/ti-cloud's Cloud (which sends suppress_response_codes=true, as Titanium's does): the
  // journal shows the get refused, as a failure, and the keyvalues collection the private score.
  // `npm run screenshot` writes the picture to docs/dashboard.png; otherwise it goes to a scratch
  // folder, removed after.
  it('shows why a Titanium app\'s test failed: KeyValues.get of the public score, refused, beside the private score stored', async () => {
    const { page } = record
    const key = 'vitest:test/scores.test.js'
    const Cloud = createCloud({ url: server.url, key })
    // The example's set-up logs out before each test (refused: nobody is logged in), then the test logs in.
    Cloud.Users.logout(() => {})
    await settled(Cloud)
    Cloud.Users.login({ login: 'alice', password: 'alice-pass' }, () => {})
    await settled(Cloud)
    for (const points of [10, 30, 20]) {
      Cloud.Objects.create({ classname: 'games', fields: { points } }, () =>
        Cloud.KeyValues.increment({ name: 'score', value: points, access_private: true }, () => {}),
      )
    }
    await settled(Cloud)
    Cloud.Objects.query({ classname: 'games', order: '-points', limit: 2 }, () => {})
    await settled(Cloud)
    let answer: { success: boolean; message?: string } | undefined
    Cloud.KeyValues.get({ name: 'score' }, (event) => (answer = event))
    await settled(Cloud)
    expect(answer).toMatchObject({ success: false, message: 'Invalid key-value name' })

    await page.setViewportSize({ width: 1280, height: 700 })
    await open(key, 'Collections')
    await page.getByRole('button', { name: /^keyvalues/ }).click()
    const stored = page.getByRole('region', { name: /^keyvalues: 1–1 of 1/ })
    await stored.getByRole('cell', { name: 'score', exact: true }).waitFor()
    await page.getByLabel('Live').uncheck()
    const collection = await page.locator('.collections').screenshot()

    await page.getByRole('tab', { name: 'Journal' }).click()
    const failing = page.getByRole('row').filter({ hasText: 'getKeyvalue' })
    await failing.getByRole('button').click()
    expect(await failing.getAttribute('class')).toBe('failed')
    const reply = JSON.parse((await page.getByLabel('Reply', { exact: true }).textContent())!)
    expect(reply).toMatchObject({ status: 200, meta: { status: 'fail', code: 400, message: 'Invalid key-value name', method_name: 'getKeyvalue' } })
    const journal = await page.screenshot({ fullPage: true })

    // The two views, one above the other, in a page of their own (not the dashboard's).
    const sheet = await browser.newPage({ viewport: { width: 1280, height: 400 } })
    const scratch = process.env.UPDATE_SCREENSHOT ? undefined : mkdtempSync(join(tmpdir(), 'mock-cloud-dashboard-'))
    try {
      const image = (png: Buffer) => `<img alt="" style="display:block" src="data:image/png;base64,${png.toString('base64')}">`
      await sheet.setContent(`<body style="margin:0;background:#fff;font:15px system-ui,sans-serif">${image(journal)}
        <p style="margin:0;padding:.4rem 1rem;border-top:2px solid #c7ced6;background:#f2f4f7">The same key, tab Collections: keyvalues</p>
        <div style="padding:.4rem 1rem 1rem">${image(collection)}</div></body>`)
      await sheet.screenshot({ path: scratch === undefined ? 'docs/dashboard.png' : join(scratch, 'dashboard.png'), fullPage: true })
    } finally {
      await sheet.close()
      await page.setViewportSize({ width: 1100, height: 800 })
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true })
    }
  })
})
