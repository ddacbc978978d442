import { afterEach, describe, expect, it, vi } from 'vitest'
import { mockCloudSetup } from '../../src/toolkit/vitest-setup.js'

// MOCK_CLOUD_UI=1 makes the vitest global set-up print the dashboard's address of the run's server
// (docs/dashboard.md "Debugging a failing test"); the jest and mocha set-ups are run in runners.test.ts.
const saved = process.env.MOCK_CLOUD_UI
afterEach(() => {
  if (saved === undefined) delete process.env.MOCK_CLOUD_UI
  else process.env.MOCK_CLOUD_UI = saved
  vi.restoreAllMocks()
})

/** Runs the set-up as vitest does, and answers what it wrote to stderr and the URL it provided. */
async function setUp(): Promise<{ lines: string[]; url: string }> {
  const lines: string[] = []
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk))
    return true
  })
  let url = ''
  const teardown = await mockCloudSetup({ fixtures: 'fixtures/users.json' })({ provide: (_name, value) => (url = value.url) })
  vi.restoreAllMocks()
  await teardown()
  return { lines, url }
}

describe('mockCloudSetup and MOCK_CLOUD_UI', () => {
  it('prints one line with the dashboard\'s address on the run\'s server when MOCK_CLOUD_UI=1', async () => {
    process.env.MOCK_CLOUD_UI = '1'
    const { lines, url } = await setUp()
    expect(lines).toEqual([`mock-cloud dashboard: ${url}/__mock/ui\n`])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('prints nothing when MOCK_CLOUD_UI is unset, empty or 0', async () => {
    for (const value of [undefined, '', '0']) {
      if (value === undefined) delete process.env.MOCK_CLOUD_UI
      else process.env.MOCK_CLOUD_UI = value
      expect((await setUp()).lines).toEqual([])
    }
  })
})
