import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'

/** Debian's Chromium, which README "Working on mock-cloud" and .ci/run install (`apt-get install -y chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Starts headless Chromium (Debian's, driven by playwright-core; no browser is downloaded), with
 * the flags that keep it off the network: no background fetches, component updates or sync.
 *
 * @throws Error saying how to install Chromium when it is missing: the browser tests fail then, never pass silently.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the dashboard's browser tests need Debian's chromium package; install it with \`apt-get install -y chromium\` (README "Working on mock-cloud"), or set CHROMIUM_PATH to a Chromium binary`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** What a page did that a test checks: every URL it asked for, and every console error or uncaught exception. */
export interface PageRecord {
  page: Page
  requests: string[]
  errors: string[]
}

/**
 * A new page in a context of its own (its own cookies and credentials), recording the requests it
 * makes and the errors it logs.
 */
export async function recordedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<PageRecord> {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  // A step that waits in vain fails at that step, well before the test's own timeout.
  page.setDefaultTimeout(5000)
  const record: PageRecord = { page, requests: [], errors: [] }
  page.on('request', (request) => record.requests.push(request.url()))
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(`${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => record.errors.push(error.message))
  return record
}
