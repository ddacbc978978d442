import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { providedByEnvironment } from '../../src/toolkit/run-server.js'

// mock-cloud/jest and mock-cloud/mocha as a user's project meets them: jest and mocha run as
// their command lines run them, over the two-file projects in test/toolkit/runners/, each file
// running test/toolkit/runners/checks.js on its own app key. A run that left its server running
// would never exit (neither runner is told to force an exit), so the timeouts catch a missing teardown.
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const RUNNERS = 'test/toolkit/runners'

interface Run { code: number; stdout: string; stderr: string }

/** Runs `node NODE_ARGS SCRIPT ARGS` in the repository, with no mock-cloud in its environment but `extraEnv`. */
async function run(nodeArgs: string[], script: string, args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const { MOCK_CLOUD_URL: _url, MOCK_CLOUD_ADMIN_TOKEN: _token, MOCK_CLOUD_UI: _ui, NODE_OPTIONS: _options, ...env } = process.env
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...nodeArgs, script, ...args], { cwd: ROOT, env: { ...env, ...extraEnv }, timeout: 60_000 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const jest = (args: string[], env?: Record<string, string>) => run(['--experimental-vm-modules'], 'node_modules/jest/bin/jest.js', args, env)
const mocha = (args: string[], env?: Record<string, string>) => run([], 'node_modules/mocha/bin/mocha.js', args, env)
/** The line the set-ups print under MOCK_CLOUD_UI=1 (docs/dashboard.md "Debugging a failing test"). */
const DASHBOARD_LINE = /^mock-cloud dashboard: http:\/\/127\.0\.0\.1:\d+\/__mock\/ui$/m
const mochaFixtures = ['--require', `${RUNNERS}/mocha/mock-cloud.fixtures.js`]

describe('test-runner helpers', { timeout: 90_000 }, () => {
  it('jest: one server for the run, a key per file, reset before each test, the controls over HTTP; MOCK_CLOUD_UI=1 prints the dashboard', async () => {
    const result = await jest(['-c', `${RUNNERS}/jest/jest.config.js`, '--json'], { MOCK_CLOUD_UI: '1' })
    const report = JSON.parse(result.stdout) as { numPassedTests: number; numFailedTests: number }
    expect([result.code, report.numPassedTests, report.numFailedTests], result.stderr).toEqual([0, 12, 0])
    expect(result.stderr.match(new RegExp(DASHBOARD_LINE, 'gm'))).toHaveLength(1)
  })

  it('mocha, serial: the files load before the server starts, and find it from their hooks; MOCK_CLOUD_UI=1 prints the dashboard', async () => {
    const result = await mocha([...mochaFixtures, '--reporter', 'json', `${RUNNERS}/mocha/*.spec.js`], { MOCK_CLOUD_UI: '1' })
    const report = JSON.parse(result.stdout) as { stats: { passes: number; failures: number } }
    expect([result.code, report.stats.passes, report.stats.failures], result.stderr).toEqual([0, 12, 0])
    expect(result.stderr).toMatch(DASHBOARD_LINE)
  })

  it('mocha: useMockCloud() outside describe() fails its hook saying to move it', async () => {
    const result = await mocha([...mochaFixtures, `${RUNNERS}/mocha/top-level.misuse.js`])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('useMockCloud: call it inside describe(): mocha runs hooks written at the top level of a file before the tests of every file')
  })

  it('mocha, parallel: the workers reach the server the main process started, a key per file', async () => {
    const result = await mocha([...mochaFixtures, '--parallel', '--jobs', '2', '--reporter', 'json', `${RUNNERS}/mocha/*.spec.js`])
    const report = JSON.parse(result.stdout) as { stats: { passes: number; failures: number } }
    expect([result.code, report.stats.passes, report.stats.failures], result.stderr).toEqual([0, 12, 0])
    expect(result.stderr).not.toMatch(/mock-cloud dashboard/)
  })
})

describe('providedByEnvironment', () => {
  it('reads the URL and admin token; without a URL it throws naming the variable and the set-up to add', () => {
    const saved = { ...process.env }
    try {
      delete process.env.MOCK_CLOUD_URL
      expect(() => providedByEnvironment('add the set-up')).toThrow('useMockCloud: no mock-cloud was started for this run (MOCK_CLOUD_URL is not set); add the set-up')
      process.env.MOCK_CLOUD_URL = 'http://127.0.0.1:1'
      expect(providedByEnvironment('')).toEqual({ url: 'http://127.0.0.1:1' })
      process.env.MOCK_CLOUD_ADMIN_TOKEN = 'tok'
      expect(providedByEnvironment('')).toEqual({ url: 'http://127.0.0.1:1', adminToken: 'tok' })
    } finally {
      process.env = saved
    }
  })
})
