import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createMockCloud, type MockCloud } from './app.js'
import { answerClientErrors } from './http/client-errors.js'
import type { Fixture } from './objects/index.js'
import type { OutboxMail } from './outbox.js'
import type { OutboxPush } from './push-outbox.js'
import type { MockCloudOptions } from './options.js'
import { checkOptions, START_OPTIONS } from './option-check.js'

/** Options of {@link startMockCloud}: those of `createMockCloud` plus where to listen. */
export interface StartOptions extends MockCloudOptions {
  /** TCP port; 0 (the default) lets the OS pick a free one, read it from `port`/`url`. */
  port?: number
  /** Interface to listen on. Default `127.0.0.1`, so the mock is not reachable from the network. */
  host?: string
  /**
   * How long `stop()` lets requests still running finish, in ms, before it cuts their
   * connections and writes a line to stderr saying how many it cut; 0 cuts them at once.
   * Default {@link DEFAULT_SHUTDOWN_GRACE_MS} (docs/command-line.md "Stopping").
   */
  shutdownGrace?: number
}

/** The test controls that a running server shares with {@link MockCloud}; each is also an admin route. */
type Controls = Pick<
  MockCloud,
  | 'clock' | 'snapshot' | 'restore' | 'snapshots' | 'deleteSnapshot' | 'exportData' | 'importData'
  | 'requests' | 'clearRequests' | 'fault' | 'faults' | 'clearFaults' | 'unprocessed' | 'release'
>

/**
 * A mock-cloud listening on a real port, with the test controls of {@link MockCloud}:
 * `clock`, `snapshot`/`restore`/`snapshots`/`deleteSnapshot`, `exportData`/`importData`,
 * `requests`/`clearRequests` (the journal), `fault`/`faults`/`clearFaults`, `unprocessed`/`release`
 * (uploads held by the `processing` app setting, docs/app-settings.md).
 */
export interface RunningMockCloud extends Controls {
  /** `http://HOST:PORT`, no trailing slash: append `/v1/users/...`. */
  url: string
  port: number
  host: string
  /** Back to the fixture baseline: `key`'s data set, or without it every one (same as `POST /__mock/reset[?key=K]`). */
  reset(key?: string): Promise<void>
  /** Adds a fixture's users: its `users` to `key`'s data set (without a key, to every one), its `apps` to theirs. */
  seed(fixture: Fixture, key?: string): Promise<void>
  /** The mails recorded instead of sent: `key`'s, or without it every data set's, each with its app key (same as `GET /__mock/outbox[?key=K]`). */
  outbox(key?: string): OutboxMail[]
  /** The pushes recorded instead of delivered: `key`'s, or without it every data set's (same as `GET /__mock/pushes[?key=K]`). */
  pushes(key?: string): OutboxPush[]
  /**
   * Closes every connection (keep-alive ones too), flushes pending writes and resolves once the
   * port is free. Requests still running get the shutdown grace (`shutdownGrace`) to finish;
   * those still running then are cut, and a line on stderr says how many. Calling it again
   * returns the same promise.
   */
  stop(): Promise<void>
}

/**
 * Largest request head (request line and headers), in bytes: 1 MiB, as for bodies. Clients put
 * `where` in the URL of GET calls (docs/api.md "Parameters"), and a `$in` over a few hundred ids passes Node's
 * 16 KiB default, which would answer a bare 431 without an envelope.
 */
const MAX_HEADER_BYTES = 1024 * 1024

/** Requests still running when `stop()` is called get this long, in ms, before their sockets are cut. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 1000

/**
 * Starts mock-cloud on a real HTTP port, for end-to-end tests and for the CLI.
 *
 * @throws OptionError naming an unknown option or a bad value (docs/toolkit.md "Options");
 *   FixtureError for a bad fixture file; an Error with the `code` of Node's (`EADDRINUSE`, ...)
 *   naming the port and the `port` or `host` option to change when it cannot listen.
 * @example
 * const cloud = await startMockCloud({ fixtures: 'fixtures/users.json' })
 * const res = await fetch(`${cloud.url}/v1/users/count.json?key=TESTKEY`)
 * await cloud.stop()
 */
export function startMockCloud(options: StartOptions = {}): Promise<RunningMockCloud> {
  return startServer('startMockCloud', options, 'options')
}

/**
 * {@link startMockCloud} for a caller of its own: `caller` starts the messages of bad options,
 * and port or host errors name the fix as `names` says (the command line's flags or the options).
 *
 * @throws OptionError naming a bad option; what {@link startMockCloud} throws.
 */
export async function startServer(caller: string, options: StartOptions, names: SettingNames): Promise<RunningMockCloud> {
  checkOptions(caller, START_OPTIONS, options)
  const { port = 0, host = '127.0.0.1', shutdownGrace = DEFAULT_SHUTDOWN_GRACE_MS, ...cloudOptions } = options
  const cloud = await createMockCloud(cloudOptions)

  let server: Server
  let address: AddressInfo
  try {
    ;({ server, address } = await listen(cloud.app.fetch, port, host, names))
  } catch (err) {
    await cloud.close()
    throw err
  }
  let running = 0
  server.on('request', (_request, response) => {
    running++
    response.once('close', () => running--)
  })

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
      })
      // Idle keep-alive sockets would hold close() open until their timeout; busy ones get a
      // moment to send their reply.
      server.closeIdleConnections()
      const cut = setTimeout(() => {
        if (running > 0) {
          process.stderr.write(
            `mock-cloud: the shutdown grace of ${shutdownGrace} ms ran out; cut ${running} request${running === 1 ? '' : 's'} still running (a longer grace: --shutdown-grace MS or the shutdownGrace option)\n`,
          )
        }
        server.closeAllConnections()
      }, shutdownGrace)
      try {
        await closed
      } finally {
        clearTimeout(cut)
      }
      await cloud.close()
    })()
    return stopping
  }

  const hostInUrl = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${hostInUrl}:${address.port}`,
    port: address.port,
    host,
    reset: (key) => cloud.reset(key),
    seed: (fixture, key) => cloud.seed(fixture, key),
    clock: cloud.clock,
    snapshot: (name, key) => cloud.snapshot(name, key),
    restore: (name, key) => cloud.restore(name, key),
    snapshots: () => cloud.snapshots(),
    deleteSnapshot: (name, key) => cloud.deleteSnapshot(name, key),
    exportData: (key) => cloud.exportData(key),
    importData: (data, key) => cloud.importData(data, key),
    outbox: (key) => cloud.outbox(key),
    pushes: (key) => cloud.pushes(key),
    unprocessed: (key) => cloud.unprocessed(key),
    release: (ids, key) => cloud.release(ids, key),
    requests: (filter) => cloud.requests(filter),
    clearRequests: (key) => cloud.clearRequests(key),
    fault: (spec) => cloud.fault(spec),
    faults: (key) => cloud.faults(key),
    clearFaults: (key) => cloud.clearFaults(key),
    stop,
  }
}

type Fetch = Parameters<typeof serve>[0]['fetch']

function listen(fetch: Fetch, port: number, host: string, names: SettingNames): Promise<{ server: Server; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    // serve() calls listen() at once; its errors are emitted on a later tick, so this handler
    // is in place in time.
    const server = serve({ fetch, port, hostname: host, serverOptions: { maxHeaderSize: MAX_HEADER_BYTES } }) as Server
    const onError = (err: NodeJS.ErrnoException): void => {
      server.close()
      reject(listenError(err, port, host, names))
    }
    answerClientErrors(server, MAX_HEADER_BYTES)
    server.once('error', onError)
    server.once('listening', () => {
      server.off('error', onError)
      resolve({ server, address: server.address() as AddressInfo })
    })
  })
}

/**
 * How the caller names a setting in its fixes: the command line's flags (`--port 0`) or the
 * code API's options (`port: 0`).
 */
export type SettingNames = 'flags' | 'options'

function listenError(err: NodeJS.ErrnoException, port: number, host: string, names: SettingNames): Error {
  const set = (name: 'port' | 'host', value: string | number): string =>
    names === 'flags' ? `--${name} ${value}` : `${name}: ${typeof value === 'string' ? `'${value}'` : value}`
  const message =
    err.code === 'EADDRINUSE'
      ? `port ${port} on ${host} is already in use; stop the other server, choose another port, or use ${set('port', 0)} for any free port`
      : err.code === 'EACCES'
        ? `permission denied to listen on port ${port} on ${host}; ports below 1024 need privileges, use a higher port or ${set('port', 0)}`
        : err.code === 'EADDRNOTAVAIL'
          ? `cannot listen on ${host}: it is not an address of this machine; use ${set('host', '127.0.0.1')}`
          : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN'
            ? `cannot listen on ${host}: unknown host name; use an IP address such as ${set('host', '127.0.0.1')}`
            : `cannot listen on ${host}:${port}: ${err.message}`
  return Object.assign(new Error(message, { cause: err }), { code: err.code })
}
