import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createMockCloud, type MockCloud } from './app.js'
import { answerClientErrors } from './http/client-errors.js'
import type { Fixture } from './objects/index.js'
import type { OutboxMail } from './outbox.js'
import type { MockCloudOptions } from './options.js'

/** Options of {@link startMockCloud}: those of `createMockCloud` plus where to listen. */
export interface StartOptions extends MockCloudOptions {
  /** TCP port; 0 (the default) lets the OS pick a free one, read it from `port`/`url`. */
  port?: number
  /** Interface to listen on. Default `127.0.0.1`, so the mock is not reachable from the network. */
  host?: string
}

/** The test controls that a running server shares with {@link MockCloud}; each is also an admin route. */
type Controls = Pick<
  MockCloud,
  | 'clock' | 'snapshot' | 'restore' | 'snapshots' | 'deleteSnapshot' | 'exportData' | 'importData'
  | 'requests' | 'clearRequests' | 'fault' | 'faults' | 'clearFaults'
>

/**
 * A mock-cloud listening on a real port, with the test controls of {@link MockCloud}:
 * `clock`, `snapshot`/`restore`/`snapshots`/`deleteSnapshot`, `exportData`/`importData`,
 * `requests`/`clearRequests` (the journal), `fault`/`faults`/`clearFaults`.
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
  /**
   * Closes every connection (keep-alive ones too), flushes pending writes and resolves once the
   * port is free. Calling it again returns the same promise.
   */
  stop(): Promise<void>
}

/**
 * Largest request head (request line and headers), in bytes: 1 MiB, as for bodies. Clients put
 * `where` in the URL of GET calls (docs/api.md "Parameters"), and a `$in` over a few hundred ids passes Node's
 * 16 KiB default, which would answer a bare 431 without an envelope.
 */
const MAX_HEADER_BYTES = 1024 * 1024

/** Requests still running when `stop()` is called get this long before their sockets are cut. */
const GRACE_MS = 1000

/**
 * Starts mock-cloud on a real HTTP port, for end-to-end tests and for the CLI.
 *
 * @throws FixtureError for a bad fixture file; an Error naming the port when it is in use or
 *   cannot be bound.
 * @example
 * const cloud = await startMockCloud({ fixtures: 'fixtures/users.json' })
 * const res = await fetch(`${cloud.url}/v1/users/count.json?key=TESTKEY`)
 * await cloud.stop()
 */
export async function startMockCloud(options: StartOptions = {}): Promise<RunningMockCloud> {
  const { port = 0, host = '127.0.0.1', ...cloudOptions } = options
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535, got ${String(port)}`)
  }
  const cloud = await createMockCloud(cloudOptions)

  let server: Server
  let address: AddressInfo
  try {
    ;({ server, address } = await listen(cloud.app.fetch, port, host))
  } catch (err) {
    await cloud.close()
    throw err
  }

  let stopping: Promise<void> | undefined
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
      })
      // Idle keep-alive sockets would hold close() open until their timeout; busy ones get a
      // moment to send their reply.
      server.closeIdleConnections()
      const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS)
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
    requests: (filter) => cloud.requests(filter),
    clearRequests: (key) => cloud.clearRequests(key),
    fault: (spec) => cloud.fault(spec),
    faults: (key) => cloud.faults(key),
    clearFaults: (key) => cloud.clearFaults(key),
    stop,
  }
}

type Fetch = Parameters<typeof serve>[0]['fetch']

function listen(fetch: Fetch, port: number, host: string): Promise<{ server: Server; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    // serve() calls listen() at once; its errors are emitted on a later tick, so this handler
    // is in place in time.
    const server = serve({ fetch, port, hostname: host, serverOptions: { maxHeaderSize: MAX_HEADER_BYTES } }) as Server
    const onError = (err: NodeJS.ErrnoException): void => {
      server.close()
      reject(listenError(err, port, host))
    }
    answerClientErrors(server, MAX_HEADER_BYTES)
    server.once('error', onError)
    server.once('listening', () => {
      server.off('error', onError)
      resolve({ server, address: server.address() as AddressInfo })
    })
  })
}

function listenError(err: NodeJS.ErrnoException, port: number, host: string): Error {
  const message =
    err.code === 'EADDRINUSE'
      ? `port ${port} on ${host} is already in use; stop the other server, choose another port with --port, or use --port 0 for any free port`
      : err.code === 'EACCES'
        ? `permission denied to listen on port ${port} on ${host}; ports below 1024 need privileges, use a higher --port or --port 0`
        : err.code === 'EADDRNOTAVAIL'
          ? `cannot listen on ${host}: it is not an address of this machine; use --host 127.0.0.1`
          : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN'
            ? `cannot listen on ${host}: unknown host name; use an IP address such as --host 127.0.0.1`
            : `cannot listen on ${host}:${port}: ${err.message}`
  return Object.assign(new Error(message, { cause: err }), { code: err.code })
}
