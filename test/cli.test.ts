import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_HOST, DEFAULT_PORT, HELP, main, parseCommand, UsageError } from '../src/cli.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'mock-cloud.js')
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

describe('parseCommand', () => {
  it('start with no options → port 8080 on 127.0.0.1, any app key', () => {
    expect(parseCommand(['start'])).toEqual({ kind: 'start', port: DEFAULT_PORT, host: DEFAULT_HOST, appKeys: [], limits: {} })
    expect(DEFAULT_PORT).toBe(8080)
  })

  it('reads every option, --app-key repeated, --opt=value form too', () => {
    expect(parseCommand(['start', '--port=0', '--host', '0.0.0.0', '--fixtures', 'f.json', '--data', 'd.json', '--app-key', 'A', '--app-key=B']))
      .toEqual({ kind: 'start', port: 0, host: '0.0.0.0', fixtures: 'f.json', data: 'd.json', appKeys: ['A', 'B'], limits: {} })
  })

  it('--max-body-bytes and --max-custom-fields set the limits (docs/limits.md); anything but a whole number ≥ 1 is a usage error', () => {
    expect(parseCommand(['start', '--max-body-bytes', '2048', '--max-custom-fields=5', '--max-where-depth', '8', '--max-where-nodes', '9', '--max-regex-length', '10'])).toMatchObject({
      limits: { maxBodyBytes: 2048, maxCustomFields: 5, maxWhereDepth: 8, maxWhereNodes: 9, maxRegexLength: 10 },
    })
    for (const bad of ['0', '-1', '1.5', '1e3', 'lots', '99999999999999999999']) {
      expect(() => parseCommand(['start', `--max-custom-fields=${bad}`])).toThrow(
        `--max-custom-fields must be a whole number of at least 1, got '${bad}'`,
      )
    }
  })

  it('--default-app-key KEY → the key of requests that send none (docs/api.md "App keys"); absent → none', () => {
    expect(parseCommand(['start', '--default-app-key', 'TESTKEY'])).toMatchObject({ kind: 'start', defaultAppKey: 'TESTKEY' })
    expect(parseCommand(['start'])).not.toHaveProperty('defaultAppKey')
  })

  it('--password-hashing fast|strict → that profile; absent → left to the default', () => {
    expect(parseCommand(['start', '--password-hashing', 'strict'])).toMatchObject({ kind: 'start', passwordHashing: 'strict' })
    expect(parseCommand(['start', '--password-hashing=fast'])).toMatchObject({ kind: 'start', passwordHashing: 'fast' })
    expect(parseCommand(['start'])).not.toHaveProperty('passwordHashing')
  })

  it('--session-lifetime DURATION → ms; --seed SEED → the text (docs/toolkit.md)', () => {
    expect(parseCommand(['start', '--session-lifetime', '30m', '--seed', '42'])).toMatchObject({ kind: 'start', sessionLifetime: 1_800_000, seed: '42' })
    expect(parseCommand(['start', '--session-lifetime=90000'])).toMatchObject({ sessionLifetime: 90_000 })
    expect(parseCommand(['start'])).not.toHaveProperty('seed')
  })

  it('--email-verification turns email verification on (docs/users.md "Account flows"); absent → off; it takes no value', () => {
    expect(parseCommand(['start', '--email-verification'])).toMatchObject({ kind: 'start', emailVerification: true })
    expect(parseCommand(['start'])).not.toHaveProperty('emailVerification')
    expect(() => parseCommand(['start', '--email-verification=yes'])).toThrow('--email-verification takes no value')
    expect(() => parseCommand(['--email-verification'])).toThrow('missing the command: write mock-cloud start --email-verification ...')
  })

  it('--journal-limit N and --admin-token T reach the start options (docs/toolkit.md)', () => {
    expect(parseCommand(['start', '--journal-limit', '0', '--admin-token=s3cret'])).toMatchObject({ journalLimit: 0, adminToken: 's3cret' })
    expect(parseCommand(['start'])).not.toHaveProperty('journalLimit')
    expect(parseCommand(['start'])).not.toHaveProperty('adminToken')
  })

  it('-h, --help and start --help → help; -v and --version → version', () => {
    expect(parseCommand(['-h'])).toEqual({ kind: 'help' })
    expect(parseCommand(['start', '--help'])).toEqual({ kind: 'help' })
    expect(parseCommand(['-v'])).toEqual({ kind: 'version' })
    expect(parseCommand(['--version'])).toEqual({ kind: 'version' })
  })

  it('-p is --port, and -p 0 asks for any free port', () => {
    expect(parseCommand(['start', '-p', '0'])).toMatchObject({ kind: 'start', port: 0 })
    expect(parseCommand(['start', '-p3000'])).toMatchObject({ port: 3000 })
    expect(() => parseCommand(['start', '-p', '1', '--port', '2'])).toThrow('--port is given twice')
  })

  it('PORT and HOST from the environment when the flags are not given; a flag wins; an empty variable counts as unset', () => {
    expect(parseCommand(['start'], { PORT: '3000', HOST: '0.0.0.0' })).toMatchObject({ port: 3000, host: '0.0.0.0' })
    expect(parseCommand(['start', '-p', '0', '--host', '::1'], { PORT: '3000', HOST: '0.0.0.0' })).toMatchObject({ port: 0, host: '::1' })
    expect(parseCommand(['start'], { PORT: '', HOST: '' })).toMatchObject({ port: DEFAULT_PORT, host: DEFAULT_HOST })
    expect(() => parseCommand(['start'], { PORT: 'http' })).toThrow("the PORT variable must be a number from 0 to 65535 (0 picks a free port), got 'http'")
    expect(() => parseCommand(['start', '--port', '0'], { PORT: 'http' })).not.toThrow()
  })

  it('--shutdown-grace MS → the grace in ms, 0 allowed; anything else is a usage error', () => {
    expect(parseCommand(['start', '--shutdown-grace', '2500'])).toMatchObject({ shutdownGrace: 2500 })
    expect(parseCommand(['start', '--shutdown-grace=0'])).toMatchObject({ shutdownGrace: 0 })
    expect(parseCommand(['start'])).not.toHaveProperty('shutdownGrace')
    for (const bad of ['-1', '1.5', '2s', '']) {
      expect(() => parseCommand(['start', `--shutdown-grace=${bad}`])).toThrow(
        `--shutdown-grace must be a whole number of milliseconds, 0 or more (0 cuts running requests at once), got '${bad}'`,
      )
    }
  })

  const mistakes: Array<[string[], string]> = [
    [[], 'missing the command, e.g. mock-cloud start'],
    [['--port', '1'], 'missing the command: write mock-cloud start --port ...'],
    [['serve'], "unknown command 'serve'; the only command is start"],
    [['start', 'now'], "unexpected argument 'now'"],
    [['start', '--prot', '1'], 'unknown option --prot; did you mean --port?'],
    [['start', '-x'], 'unknown option -x; the short options are -p (--port), -h (--help), -v (--version)'],
    [['start', '-P', '0'], 'unknown option -P; did you mean -p (--port)?'],
    [['start', '-V'], 'unknown option -V; did you mean -v (--version)?'],
    [['start', '-port', '0'], 'unknown option -port; did you mean --port?'],
    [['start', '-fixtures=f.json'], 'unknown option -fixtures; did you mean --fixtures?'],
    [['start', '--max-body', '10'], 'unknown option --max-body; did you mean --max-body-bytes?'],
    [['start', '-p'], '-p needs a value, e.g. -p 8080'],
    [['start', '--port'], '--port needs a value, e.g. --port 8080'],
    [['start', '--port', '--host', 'h'], '--port needs a value'],
    [['start', '--port', 'abc'], "--port must be a number from 0 to 65535 (0 picks a free port), got 'abc'"],
    [['start', '--port', '70000'], "got '70000'"],
    [['start', '--port', '-1'], "--port must be a number from 0 to 65535 (0 picks a free port), got '-1'"],
    [['start', '--port', '80', '--port', '81'], '--port is given twice'],
    [['start', '--host='], '--host must not be empty'],
    [['start', '--app-key='], '--app-key must not be empty'],
    [['start', '--default-app-key='], '--default-app-key must not be empty, e.g. --default-app-key TESTKEY'],
    [['start', '--default-app-key', 'A', '--default-app-key', 'B'], '--default-app-key is given twice'],
    [['start', '--fixtures='], '--fixtures needs a file name'],
    [['--help=yes'], '--help takes no value'],
    [['start', '--password-hashing', 'bcrypt'], "--password-hashing must be fast or strict, got 'bcrypt'"],
    [['start', '--password-hashing'], '--password-hashing needs a value, e.g. --password-hashing strict'],
    [['start', '--pasword-hashing', 'fast'], 'did you mean --password-hashing?'],
    [['start', '--session-lifetime', 'soon'], "--session-lifetime must be a positive duration such as 30m, 12h, 7d or a number of ms, got 'soon'"],
    [['start', '--session-lifetime', '-5m'], "got '-5m'"],
    [['start', '--session-lifetime'], '--session-lifetime needs a value, e.g. --session-lifetime 30m'],
    [['start', '--seed='], '--seed must not be empty, e.g. --seed 42'],
    [['seed', '--seed', '1'], "unknown command 'seed'"],
    [['start', '--journal-limit', '-1'], "--journal-limit must be a whole number of 0 or more (0 keeps no journal), got '-1'"],
    [['start', '--journal-limit', 'lots'], "got 'lots'"],
    [['start', '--admin-token='], '--admin-token must not be empty'],
    [['start', '--admin-token'], '--admin-token needs a value, e.g. --admin-token TOKEN'],
  ]
  for (const [argv, message] of mistakes) {
    it(`${JSON.stringify(argv)} → UsageError "${message}"`, () => {
      expect(() => parseCommand(argv)).toThrow(UsageError)
      expect(() => parseCommand(argv)).toThrow(message)
    })
  }
})

describe('main (in process)', () => {
  const run = async (argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = ''
    let stderr = ''
    const code = await main(argv, {
      stdout: (text) => { stdout += text },
      stderr: (text) => { stderr += text },
      stopRequested: Promise.resolve('SIGTERM'),
    })
    return { code, stdout, stderr }
  }

  it('a usage mistake → exit 2, the problem and a pointer to --help on stderr, nothing on stdout', async () => {
    const result = await run(['start', '--prot', '1'])
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "mock-cloud: unknown option --prot; did you mean --port?\nRun 'mock-cloud --help' for usage.\n",
    })
  })

  it('--help lists the command, every flag with its default, the reset route, an example and exit codes', async () => {
    const result = await run(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(HELP)
    for (const text of ['mock-cloud start', '--port PORT', '(default: 8080)', '--host HOST', '(default: 127.0.0.1)',
      '--fixtures FILE', '--data FILE', '--app-key KEY', '--default-app-key KEY', '--password-hashing fast|strict', '(default: fast)', '--session-lifetime DURATION', '--seed SEED', 'POST /__mock/reset',
      '--max-body-bytes N', '(default: 1048576)', '--max-custom-fields N', '(default: 200)', '--max-where-depth N', '(default: 32)',
      '--max-where-nodes N', '(default: 10000)', '--max-regex-length N', '(default: 256)',
      '--email-verification', 'GET /__mock/outbox',
      'POST /__mock/snapshots/NAME', 'GET|PUT /__mock/data', 'GET|POST /__mock/clock', 'GET /__mock/requests', 'DELETE /__mock/requests', 'GET /__mock/faults',
      'POST /__mock/faults', 'DELETE /__mock/faults', 'GET /__mock/openapi.json', '--journal-limit N', '(default: 1000)',
      '--admin-token TOKEN', 'Example:', 'Exit codes:', '-h, --help', '-v, --version',
      '-p, --port PORT', 'or the PORT variable', 'or the HOST variable', '--shutdown-grace MS', 'PORT, HOST']) {
      expect(result.stdout).toContain(text)
    }
  })

  it('start with a port in use → exit 1 and a message naming the port', async () => {
    const { createServer } = await import('node:net')
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const result = await run(['start', '--port', String(port)])
      expect(result.code).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`)
      expect(result.stderr).toContain('--port 0')
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it('start then a stop request → the listening line, then exit 0', async () => {
    const result = await run(['start', '--port', '0', '--fixtures', 'fixtures/users.json'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^mock-cloud listening on http:\/\/127\.0\.0\.1:\d+\n$/)
    expect(result.stderr).toBe('')
  })
})

describe('the mock-cloud command (child process)', () => {
  const children: ChildProcessWithoutNullStreams[] = []
  let dir: string

  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mock-cloud-cli-')) })
  afterAll(async () => { await rm(dir, { recursive: true, force: true }) })
  afterEach(async () => {
    await Promise.all(children.splice(0).map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGKILL')
        await exited
      }
    }))
  })

  const start = (args: string[]): ChildProcessWithoutNullStreams => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: 'pipe' })
    children.push(child)
    return child
  }

  /** Runs to the end: exit code and everything written. */
  const runToEnd = (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> => {
    const child = start(args)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })))
  }

  /** Resolves with the first line on stdout; rejects with stderr if the process ends first. */
  const firstLine = (child: ChildProcessWithoutNullStreams): Promise<string> =>
    new Promise((resolve, reject) => {
      let stdout = ''
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const end = stdout.indexOf('\n')
        if (end >= 0) resolve(stdout.slice(0, end))
      })
      child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${stderr}`)))
    })

  it('start --port 0 prints "mock-cloud listening on URL" first, serves the API there, and SIGTERM exits 0', async () => {
    const child = start(['start', '--port', '0', '--fixtures', 'fixtures/users.json'])
    const line = await firstLine(child)
    const match = /^mock-cloud listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line)
    expect(match, line).not.toBeNull()
    const url = match![1]!
    expect(Number(match![2])).toBeGreaterThan(0)

    const res = await fetch(`${url}/v1/users/count.json?key=TESTKEY`)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { meta: { count: number } }).meta.count).toBe(6)

    const exited = new Promise<[number | null, string | null]>((resolve) => child.once('exit', (code, signal) => resolve([code, signal])))
    child.kill('SIGTERM')
    expect(await exited).toEqual([0, null])
  })

  it('start --journal-limit 1 --admin-token T: the journal keeps one call, read with the token only', async () => {
    const child = start(['start', '--port', '0', '--journal-limit', '1', '--admin-token', 'T0ken'])
    const url = /(http:\S+)$/.exec(await firstLine(child))![1]!
    for (const limit of [1, 2]) await fetch(`${url}/v1/users/query.json?key=K&limit=${limit}`)
    expect((await fetch(`${url}/__mock/requests`)).status).toBe(401)
    const journal = await fetch(`${url}/__mock/requests`, { headers: { authorization: 'Bearer T0ken' } })
    const body = (await journal.json()) as { response: { requests: { params: { limit: string } }[] } }
    expect(body.response.requests.map((entry) => entry.params.limit)).toEqual(['2'])
  })

  it('PORT from the environment sets the port; --port wins over it', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo
        probe.close(() => resolve(port))
      })
    })
    const byVariable = spawn(process.execPath, [BIN, 'start'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, PORT: String(free) } })
    children.push(byVariable)
    expect(await firstLine(byVariable)).toBe(`mock-cloud listening on http://127.0.0.1:${free}`)
    const byFlag = spawn(process.execPath, [BIN, 'start', '-p', '0'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, PORT: String(free) } })
    children.push(byFlag)
    expect(await firstLine(byFlag)).not.toContain(`:${free}`)
  })

  it('npm start serves the bundled fixtures; extra flags go after --', async () => {
    const child = spawn('npm', ['start', '--silent', '--', '-p', '0'], { cwd: ROOT, stdio: 'pipe', detached: true })
    try {
      const url = /(http:\S+)$/.exec(await firstLine(child))![1]!
      const res = await fetch(`${url}/v1/users/count.json?key=TESTKEY`)
      expect(((await res.json()) as { meta: { count: number } }).meta.count).toBe(6)
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid!, 'SIGTERM')
      await exited
    }
  })

  it('SIGTERM gives running requests the shutdown grace, then cuts them and says how many on stderr', async () => {
    const child = start(['start', '--port', '0', '--shutdown-grace', '200'])
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    const url = /(http:\S+)$/.exec(await firstLine(child))![1]!
    await fetch(`${url}/__mock/faults`, { method: 'POST', body: JSON.stringify({ path: 'users/count', delay: 60_000, times: 2 }), headers: { 'content-type': 'application/json' } })
    const running = [1, 2].map(() => fetch(`${url}/v1/users/count.json?key=K`).then(() => 'answered', () => 'cut'))
    // Both requests have reached the server once the faults are taken.
    for (let faults = 1; faults > 0; await new Promise((resolve) => setTimeout(resolve, 20))) {
      const reply = (await (await fetch(`${url}/__mock/faults`)).json()) as { response: { faults: unknown[] } }
      faults = reply.response.faults.length
    }
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(await Promise.all(running)).toEqual(['cut', 'cut'])
    expect(stderr).toBe(
      'mock-cloud: the shutdown grace of 200 ms ran out; cut 2 requests still running (a longer grace: --shutdown-grace MS or the shutdownGrace option)\n',
    )
  })

  it('SIGINT (Ctrl-C) also stops it with exit code 0', async () => {
    const child = start(['start', '--port', '0'])
    await firstLine(child)
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
  })

  it('--help prints the usage and exits 0', async () => {
    const result = await runToEnd(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: mock-cloud start [options]')
    expect(result.stderr).toBe('')
  })

  it('--version and -v print the package version and exit 0', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await runToEnd([flag])
      expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
    }
  })

  it('a bad flag exits 2 with the problem and a pointer to --help on stderr', async () => {
    const result = await runToEnd(['start', '--prot', '8080'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('unknown option --prot; did you mean --port?')
    expect(result.stderr).toContain("Run 'mock-cloud --help' for usage.")
  })

  it('a bad port exits 2 and says which values are allowed', async () => {
    const result = await runToEnd(['start', '--port', 'eighty'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("--port must be a number from 0 to 65535 (0 picks a free port), got 'eighty'")
  })

  it('an invalid fixture file exits 2 with a message naming file, entry and field', async () => {
    const file = join(dir, 'users.json')
    await writeFile(file, JSON.stringify({ users: [
      { username: 'alice', password: 'pw' },
      { username: 'bob', password: 'pw' },
      { username: 'carol', email: 'bob@', password: 'pw' },
    ] }))
    const result = await runToEnd(['start', '--port', '0', '--fixtures', file])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`mock-cloud: ${file}: users[2].email: "bob@" is not a valid email address\n`)
  })

  it('a missing fixture file exits 2 and says so', async () => {
    const file = join(dir, 'missing.json')
    const result = await runToEnd(['start', '--port', '0', '--fixtures', file])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`mock-cloud: ${file}: file not found (a relative path starts from the current directory, ${ROOT.replace(/\/$/, '')})\n`)
  })
})
