import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'bin', 'mock-cloud.js')

/** A `mock-cloud` process (bin/mock-cloud.js, the built dist/) started by a test. */
export interface ChildServer {
  child: ChildProcessWithoutNullStreams
  /** `http://127.0.0.1:PORT` from its listening line. */
  url: string
  /** Everything it wrote to stderr so far. */
  stderr(): string
  /** Resolves with the exit code and signal once it has exited. */
  exited: Promise<[number | null, NodeJS.Signals | null]>
}

/**
 * Spawns `node NODE_ARGS bin/mock-cloud.js ARGS` (the node process itself, so signals reach it) and
 * resolves once it prints its listening line. Rejects with its stderr when it exits first.
 * The caller kills it (every test stops what it starts).
 *
 * @param nodeArgs - options for node itself, e.g. `--import=MODULE` to run code in the server's process before it starts.
 */
export function spawnServer(args: readonly string[], nodeArgs: readonly string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], { cwd: ROOT })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once('exit', (code, signal) => resolve([code, signal])),
  )
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /^mock-cloud listening on (\S+)\n/.exec(stdout)
      if (match) resolve({ child, url: match[1]!, stderr: () => stderr, exited })
    })
    void exited.then(([code]) => reject(new Error(`mock-cloud exited with ${code} before listening: ${stderr}`)))
  })
}

/**
 * Runs `node bin/mock-cloud.js ARGS` to its end (a start that should fail): exit code and
 * stderr. A start that succeeds instead is killed at once (code null), so the test fails
 * rather than hangs.
 */
export async function runToExit(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  child.stdout.on('data', () => child.kill('SIGKILL'))
  const [code] = await new Promise<[number | null]>((resolve) => child.once('close', (exit) => resolve([exit])))
  return { code, stderr }
}
