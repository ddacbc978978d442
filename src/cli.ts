import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { parseDuration } from './clock.js'
import { FixtureError } from './fixtures.js'
import { OBJECTS } from './objects/index.js'
import { DEFAULT_JOURNAL_LIMIT } from './journal.js'
import { DEFAULT_SHUTDOWN_GRACE_MS, startServer, type RunningMockCloud, type StartOptions } from './server.js'
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CUSTOM_FIELDS, LIMIT_FLAGS, type Limits } from './limits.js'
import { REGEX_MAX_LENGTH, WHERE_MAX_DEPTH, WHERE_MAX_NODES } from './query/where-limits.js'
import { DataFileError } from './store/db.js'
import { closest } from './suggest.js'
import { PASSWORD_HASHING, type PasswordHashing } from './engine/password-hashing.js'

/**
 * The `mock-cloud` command line. {@link main} holds all the logic and returns an exit code;
 * {@link run} adds the process wiring (signals, exit code) used by `bin/mock-cloud.js`.
 */

/** Exit codes, as `--help` lists them. */
const EXIT = {
  /** Help, version, or a clean stop on SIGINT/SIGTERM. */
  ok: 0,
  /** The server could not start or stop: port in use, permission denied, ... */
  failure: 1,
  /** A mistake in the command line, the fixture file or the data file. */
  usage: 2,
} as const

/**
 * The port `start` listens on without `--port` (docs/command-line.md);
 * `--port 0` asks the OS for a free one.
 */
export const DEFAULT_PORT = 8080

/** The interface `start` listens on without `--host`: loopback, so a test mock is not open to the network. */
export const DEFAULT_HOST = '127.0.0.1'

/**
 * How long a stop may take beyond the shutdown grace (closing the data file, exiting) before the
 * command gives up: with the default grace of 1 s, it exits within 5 s of a signal.
 */
const STOP_MARGIN_MS = 3500

/**
 * The text `--help` prints to stdout, exit code 0; it lists the options, routes and exit codes
 * (docs/command-line.md documents the same for readers).
 */
/** One line per served object: its REST paths and its ArrowDB name, from the registry. */
function apiRoutesHelp(): string {
  return OBJECTS.map((object) => {
    const paths = object.segments.map((segment) => `/v1/${segment}/*.json`).join(', ')
    return `  ${`${paths}?key=KEY`.padEnd(27)} the ArrowDB ${object.title} API`
  }).join('\n')
}

export const HELP = `Usage: mock-cloud start [options]
       mock-cloud --help | --version

An in-memory mock of the ArrowDB REST API v1 (Users) for automated tests.

Commands:
  start                  start the HTTP server; it runs until SIGINT (Ctrl-C) or SIGTERM

Options of start:
  -p, --port PORT        TCP port, 0 for any free port; or the PORT variable (default: ${DEFAULT_PORT})
  --host HOST            interface to listen on; or the HOST variable (default: ${DEFAULT_HOST})
  --fixtures FILE        baseline users, JSON { "users": [...] }      (default: none, no users)
  --data FILE            keep the data in this JSON file, written before
                         each reply; created from the fixtures if missing (default: memory only);
                         FILE.lock keeps other servers off it while this one runs
  --app-key KEY          accept only this app key; repeat for more    (default: any non-empty key)
  --default-app-key KEY  the app key of a request that sends none     (default: none, such a request gets 401)
  --password-hashing fast|strict
                         fast: one salted HMAC-SHA-256 (microseconds); strict:
                         scrypt, about 10 ms a hash                   (default: fast)
  --session-lifetime DURATION
                         sessions expire this long after login, by the
                         server's clock: 30m, 12h, 7d or ms           (default: never)
  --seed SEED            deterministic mode: ids, session ids and tokens from
                         generators seeded with SEED and the app key; the
                         clock starts frozen at 2020-01-01T00:00:00Z  (default: random, real time)
  --email-verification   new users with an email must confirm it (link in
                         GET /__mock/outbox) before they can log in   (default: off)
  --max-body-bytes N     largest request body; larger gets 413        (default: ${DEFAULT_MAX_BODY_BYTES})
  --max-custom-fields N  most custom fields a user may hold; more gets 400 (default: ${DEFAULT_MAX_CUSTOM_FIELDS})
  --max-where-depth N    deepest nesting of a where; deeper gets 400  (default: ${WHERE_MAX_DEPTH})
  --max-where-nodes N    most values and operators in a where         (default: ${WHERE_MAX_NODES})
  --max-regex-length N   longest $regex pattern, in characters        (default: ${REGEX_MAX_LENGTH})
  --journal-limit N      API calls the request journal keeps per app key,
                         oldest dropped first; 0 keeps none           (default: ${DEFAULT_JOURNAL_LIMIT})
  --admin-token TOKEN    let clients that send Authorization: Bearer TOKEN (or
                         x-mock-admin-token: TOKEN) use /__mock/* from any address;
                         then every client must send it  (default: loopback clients only)
  --shutdown-grace MS    on SIGINT/SIGTERM, requests still running get this long
                         to finish before they are cut (a line on stderr says
                         how many were); 0 cuts them at once          (default: ${DEFAULT_SHUTDOWN_GRACE_MS})

Other options:
  -h, --help             show this help and exit
  -v, --version          print the version and exit

Environment:
  PORT, HOST             the port and interface to listen on when --port / --host
                         are not given (a flag wins over its variable)

Once listening, the first line on stdout is:
  mock-cloud listening on http://HOST:PORT

Routes:
${apiRoutesHelp()}
Admin routes (?key=K: one app key's data set; without it, every one):
  POST /__mock/reset[?key=K]  restore the fixture baseline, empty the journal, remove faults
  POST /__mock/snapshots/NAME[?key=K]          save a snapshot (K's data set, or all)
  POST /__mock/snapshots/NAME/restore[?key=K]  put it back
  GET /__mock/snapshots, DELETE /__mock/snapshots/NAME[?key=K]
  GET|PUT /__mock/data[?key=K]                 export / import data sets as JSON
  GET|POST /__mock/clock      read or move the clock: action=freeze|unfreeze,
                              action=set&iso=DATE, action=advance&by=25h
  GET /__mock/outbox[?key=K]  the mails recorded instead of sent (K's, or all)
  GET /__mock/pushes[?key=K]  the pushes recorded instead of delivered (K's, or all)
  GET /__mock/requests        the request journal; filters key, method_name, status, since
  DELETE /__mock/requests     empty the journal
  GET /__mock/faults          the faults waiting to act
  POST /__mock/faults         add a fault, JSON body, e.g.
                                {"method_name":"loginUser","times":2,"error":{"code":503}}
                                {"path":"users/query","delay":500}
                                {"path":"users/update","drop":true}
  DELETE /__mock/faults       remove faults
  GET /__mock/openapi.json    the OpenAPI 3.1 description of the admin routes
  Only loopback clients may call them, unless --admin-token is given (then all must send it).

Example:
  mock-cloud start --port 0 --fixtures fixtures/users.json --app-key TESTKEY
  curl 'http://127.0.0.1:PORT/v1/users/count.json?key=TESTKEY'

Exit codes:
  0  help, version, or stopped by SIGINT/SIGTERM
  1  could not start: the port is in use, permission denied, ...
  2  bad command line, invalid fixture file, invalid data file or one in use
`

/** Where {@link main} writes and how it learns that it should stop. Tests pass their own. */
interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Resolves with the signal's name when the server should stop. */
  stopRequested: Promise<string>
  /** `PORT` and `HOST` (see {@link CliEnv}); {@link run} passes `process.env`. Default: none. */
  env?: CliEnv
}

/** What the command line asks for, once checked. */
type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'start'
      port: number
      host: string
      fixtures?: string
      data?: string
      appKeys: string[]
      defaultAppKey?: string
      passwordHashing?: PasswordHashing
      sessionLifetime?: number
      seed?: string
      emailVerification?: boolean
      limits: Partial<Limits>
      journalLimit?: number
      adminToken?: string
      shutdownGrace?: number
    }

/** A command line mistake; the message says what is wrong and how to fix it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  fixtures: { type: 'string' },
  data: { type: 'string' },
  'app-key': { type: 'string', multiple: true },
  'default-app-key': { type: 'string' },
  'password-hashing': { type: 'string' },
  'session-lifetime': { type: 'string' },
  seed: { type: 'string' },
  'email-verification': { type: 'boolean' },
  'max-body-bytes': { type: 'string' },
  'max-custom-fields': { type: 'string' },
  'max-where-depth': { type: 'string' },
  'max-where-nodes': { type: 'string' },
  'max-regex-length': { type: 'string' },
  'journal-limit': { type: 'string' },
  'admin-token': { type: 'string' },
  'shutdown-grace': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const
const START_ONLY = new Set([
  'port', 'host', 'fixtures', 'data', 'app-key', 'default-app-key', 'password-hashing', 'session-lifetime', 'seed', 'email-verification',
  'max-body-bytes', 'max-custom-fields', 'max-where-depth', 'max-where-nodes', 'max-regex-length', 'journal-limit', 'admin-token',
  'shutdown-grace',
])

/** The short flags, each with its long name: `-p` → `port`. */
const SHORT_FLAGS: ReadonlyMap<string, string> = new Map(
  Object.entries(OPTIONS).flatMap(([name, spec]) => ('short' in spec ? [[spec.short, name] as const] : [])),
)

/** The environment variables `start` reads (docs/command-line.md); a flag wins over its variable. */
export interface CliEnv {
  /** The port when `--port`/`-p` is not given. */
  PORT?: string
  /** The interface when `--host` is not given. */
  HOST?: string
}

/**
 * Reads the arguments (without `node` and the script), and `PORT`/`HOST` from `env` for the
 * flags not given.
 *
 * @throws {UsageError} for an unknown command or option (with the closest known one), a missing
 *   value, a bad port (also one from `PORT`).
 * @example
 * parseCommand(['start', '-p', '0']) // { kind: 'start', port: 0, host: '127.0.0.1', appKeys: [], limits: {} }
 * parseCommand(['start'], { PORT: '3000' }).port // 3000
 */
export function parseCommand(argv: readonly string[], env: CliEnv = {}): Command {
  for (const arg of argv) {
    if (arg === '--') break
    // `-port 0` would read as -p with the value 'ort': a long name after one dash is a typo.
    const single = /^-([a-z][a-z-]+)(=.*)?$/i.exec(arg)?.[1]
    const near = single === undefined ? undefined : closest(single, Object.keys(OPTIONS))
    if (near !== undefined) throw new UsageError(`unknown option ${arg.split('=')[0]}; did you mean --${near}?`)
  }
  // Non-strict with tokens, so each mistake gets our own message instead of parseArgs' generic one.
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true })
  const positionals: string[] = []
  const values: { [name: string]: string | undefined } = {}
  const appKeys: string[] = []
  let help = false
  let version = false
  let emailVerification = false

  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value)
      continue
    }
    if (token.kind === 'option-terminator') continue
    const spec = (OPTIONS as Record<string, { type: string }>)[token.name]
    if (spec === undefined) throw new UsageError(unknownOption(token.rawName, token.name))
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`)
      if (token.name === 'help') help = true
      else if (token.name === 'version') version = true
      else emailVerification = true
      continue
    }
    const value = token.value
    // Non-strict parsing takes the next word as the value even when it is another option
    // (a negative number is a value, so `--port -1` gets the range message).
    if (value === undefined || (!token.inlineValue && value.startsWith('-') && !/^-\d/.test(value))) {
      throw new UsageError(`${token.rawName} needs a value, e.g. ${token.rawName} ${example(token.name)}`)
    }
    if (token.name === 'app-key') {
      if (value.trim() === '') throw new UsageError('--app-key must not be empty')
      appKeys.push(value)
    } else {
      if (values[token.name] !== undefined) throw new UsageError(`${token.rawName} is given twice`)
      values[token.name] = value
    }
  }

  if (help) return { kind: 'help' }
  if (version) return { kind: 'version' }
  const [command, ...extra] = positionals
  if (command === undefined) {
    const given = [...START_ONLY].find(
      (name) =>
        values[name] !== undefined ||
        (name === 'app-key' && appKeys.length > 0) ||
        (name === 'email-verification' && emailVerification),
    )
    throw new UsageError(given ? `missing the command: write mock-cloud start --${given} ...` : 'missing the command, e.g. mock-cloud start')
  }
  if (command !== 'start') {
    throw new UsageError(`unknown command '${command}'; the only command is start`)
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'; start takes options only`)

  const start: Command = { kind: 'start', port: DEFAULT_PORT, host: DEFAULT_HOST, appKeys, limits: {} }
  // An empty variable counts as unset, as shells and CI files often leave one.
  if (values.port !== undefined) start.port = parsePort('--port', values.port)
  else if (env.PORT) start.port = parsePort('the PORT variable', env.PORT)
  if (values.host !== undefined) {
    if (values.host.trim() === '') throw new UsageError('--host must not be empty, e.g. --host 127.0.0.1')
    start.host = values.host
  } else if (env.HOST?.trim()) {
    start.host = env.HOST.trim()
  }
  if (values.fixtures !== undefined) start.fixtures = nonEmpty('--fixtures', values.fixtures)
  if (values.data !== undefined) start.data = nonEmpty('--data', values.data)
  if (values['default-app-key'] !== undefined) {
    if (values['default-app-key'].trim() === '') throw new UsageError('--default-app-key must not be empty, e.g. --default-app-key TESTKEY')
    start.defaultAppKey = values['default-app-key']
  }
  if (values['password-hashing'] !== undefined) start.passwordHashing = parseHashing(values['password-hashing'])
  if (values['session-lifetime'] !== undefined) start.sessionLifetime = parseLifetime(values['session-lifetime'])
  if (values.seed !== undefined) {
    if (values.seed.trim() === '') throw new UsageError('--seed must not be empty, e.g. --seed 42')
    start.seed = values.seed
  }
  if (emailVerification) start.emailVerification = true
  for (const [limit, flag] of Object.entries(LIMIT_FLAGS) as [keyof Limits, string][]) {
    const text = values[flag.slice(2)]
    if (text !== undefined) start.limits[limit] = parseLimit(flag, text)
  }
  if (values['journal-limit'] !== undefined) start.journalLimit = parseJournalLimit(values['journal-limit'])
  if (values['admin-token'] !== undefined) {
    if (values['admin-token'].trim() === '') throw new UsageError('--admin-token must not be empty')
    start.adminToken = values['admin-token']
  }
  if (values['shutdown-grace'] !== undefined) start.shutdownGrace = parseGrace(values['shutdown-grace'])
  return start
}

/** The message for an unknown flag: the closest known one, or the short flags there are. */
function unknownOption(rawName: string, name: string): string {
  if (rawName.startsWith('--')) {
    const near = closest(name, Object.keys(OPTIONS))
    return `unknown option ${rawName}${near ? `; did you mean --${near}?` : ''}`
  }
  const sameLetter = SHORT_FLAGS.get(name.toLowerCase())
  if (sameLetter !== undefined) return `unknown option ${rawName}; did you mean -${name.toLowerCase()} (--${sameLetter})?`
  const shorts = [...SHORT_FLAGS].map(([short, long]) => `-${short} (--${long})`).join(', ')
  return `unknown option ${rawName}; the short options are ${shorts}`
}

/**
 * Runs the command line and returns the exit code. For `start` it returns once
 * `io.stopRequested` resolves and the server has stopped.
 *
 * @example
 * const code = await main(['--version'], { stdout: console.log, stderr: console.error, stopRequested: new Promise(() => {}) })
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command
  try {
    command = parseCommand(argv, io.env)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    io.stderr(`mock-cloud: ${err.message}\nRun 'mock-cloud --help' for usage.\n`)
    return EXIT.usage
  }
  if (command.kind === 'help') {
    io.stdout(HELP)
    return EXIT.ok
  }
  if (command.kind === 'version') {
    io.stdout(`${packageVersion()}\n`)
    return EXIT.ok
  }

  let cloud: RunningMockCloud
  try {
    const options: StartOptions = { port: command.port, host: command.host }
    // createMockCloud reads it before anything listens, so a bad file never half-starts the server.
    if (command.fixtures !== undefined) options.fixtures = command.fixtures
    if (command.data !== undefined) options.data = command.data
    if (command.appKeys.length > 0) options.appKeys = command.appKeys
    if (command.defaultAppKey !== undefined) options.defaultAppKey = command.defaultAppKey
    if (command.passwordHashing !== undefined) options.passwordHashing = command.passwordHashing
    if (command.sessionLifetime !== undefined) options.sessionLifetime = command.sessionLifetime
    if (command.seed !== undefined) options.seed = command.seed
    if (command.emailVerification) options.emailVerification = true
    if (Object.keys(command.limits).length > 0) options.limits = command.limits
    if (command.journalLimit !== undefined) options.journalLimit = command.journalLimit
    if (command.adminToken !== undefined) options.adminToken = command.adminToken
    if (command.shutdownGrace !== undefined) options.shutdownGrace = command.shutdownGrace
    cloud = await loadingSmall(() => startServer('mock-cloud', options, 'flags'))
  } catch (err) {
    if (err instanceof FixtureError || err instanceof DataFileError) {
      io.stderr(`mock-cloud: ${err.message}\n`)
      return EXIT.usage
    }
    io.stderr(`mock-cloud: ${(err as Error).message}\n`)
    return EXIT.failure
  }

  io.stdout(`mock-cloud listening on ${cloud.url}\n`)
  await io.stopRequested
  let timer: NodeJS.Timeout | undefined
  const stopTimeout = (command.shutdownGrace ?? DEFAULT_SHUTDOWN_GRACE_MS) + STOP_MARGIN_MS
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), stopTimeout)
  })
  try {
    const outcome = await Promise.race([cloud.stop(), timedOut])
    if (outcome === 'timeout') {
      io.stderr(`mock-cloud: could not stop within ${stopTimeout / 1000} s; exiting anyway\n`)
      return EXIT.failure
    }
  } catch (err) {
    io.stderr(`mock-cloud: error while stopping: ${(err as Error).message}\n`)
    return EXIT.failure
  } finally {
    clearTimeout(timer)
  }
  return EXIT.ok
}

/**
 * Runs `start` with V8 favouring memory over speed, then back to its default. Loading a fixture
 * makes transient garbage several times the size of the users (the JSON text, its parse, the
 * checked copy); with V8's default heap growth the process keeps that peak resident: 320 MB for
 * 100,000 users whose data needs 80 MB. `--optimize-for-size` collects sooner while they load
 * (about 175 MB resident; the goal is under 250 MB) and is switched off again before the first
 * request, so serving keeps V8's full speed. Only the command does this: `startMockCloud()` in a
 * test process leaves that process's V8 as it is.
 */
async function loadingSmall<T>(start: () => Promise<T>): Promise<T> {
  setFlagsFromString('--optimize-for-size')
  try {
    return await start()
  } finally {
    setFlagsFromString('--no-optimize-for-size')
  }
}

/**
 * {@link main} on the real process: stdout/stderr, SIGINT/SIGTERM to stop (a second signal
 * exits at once), and `process.exitCode`.
 */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let signalled = false
  const stopRequested = new Promise<string>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      if (signalled) {
        process.stderr.write(`mock-cloud: second ${signal}, exiting without waiting\n`)
        process.exit(EXIT.failure)
      }
      signalled = true
      resolve(signal)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
  const code = await main(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stopRequested,
    env: process.env,
  })
  process.exitCode = code
  // Exit even if a library left a handle open; unref'd, so a clean process exits sooner on its own.
  setTimeout(() => process.exit(code), 500).unref()
}

function parsePort(source: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`${source} must be a number from 0 to 65535 (0 picks a free port), got '${text}'`)
  }
  return Number(text)
}

function parseGrace(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--shutdown-grace must be a whole number of milliseconds, 0 or more (0 cuts running requests at once), got '${text}'`)
  }
  return Number(text)
}

function parseHashing(text: string): PasswordHashing {
  const profile = PASSWORD_HASHING.find((name) => name === text)
  if (profile === undefined) throw new UsageError(`--password-hashing must be fast or strict, got '${text}'`)
  return profile
}

function parseLifetime(text: string): number {
  let millis: number | undefined
  try {
    millis = parseDuration(text)
  } catch {
    // Answered below with the flag's own wording.
  }
  if (millis === undefined || millis <= 0) {
    throw new UsageError(`--session-lifetime must be a positive duration such as 30m, 12h, 7d or a number of ms, got '${text}'`)
  }
  return millis
}

function parseLimit(flag: string, text: string): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${flag} must be a whole number of at least 1, got '${text}'`)
  }
  return value
}

function parseJournalLimit(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--journal-limit must be a whole number of 0 or more (0 keeps no journal), got '${text}'`)
  }
  return Number(text)
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} needs a file name, e.g. ${flag} ${example(flag.slice(2))}`)
  return value
}

function example(option: string): string {
  const examples: Record<string, string> = {
    port: '8080', host: '127.0.0.1', fixtures: 'fixtures/users.json', data: 'data.json', 'app-key': 'TESTKEY',
    'default-app-key': 'TESTKEY',
    'password-hashing': 'strict', 'session-lifetime': '30m', seed: '42', 'journal-limit': '1000', 'admin-token': 'TOKEN',
    'max-body-bytes': '2097152', 'max-custom-fields': '500', 'max-where-depth': '64', 'max-where-nodes': '50000',
    'max-regex-length': '1024', 'shutdown-grace': '5000',
  }
  return examples[option] ?? 'VALUE'
}

function packageVersion(): string {
  // src/cli.ts and dist/cli.js are both one level below package.json.
  const json = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return json.version
}
