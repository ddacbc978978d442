import { spawn, type ChildProcess } from 'node:child_process'

/** A server the benchmark runs in a child process, so that it has a core of its own. */
export interface ChildServer {
  /** `http://127.0.0.1:PORT`, read from the child's listening line. */
  url: string
  pid: number
  /** SIGTERM, then waits for the exit (SIGKILL after 5 s). Safe to call twice. */
  stop(): Promise<void>
}

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/
const START_TIMEOUT_MS = 60_000

/**
 * Spawns `node ...args` and resolves once it prints `... listening on http://127.0.0.1:PORT`.
 *
 * @throws Error with the child's stderr when it exits or stays silent for 60 s first.
 * @example
 * const floor = await startChild(['bench/dist/floor-server.js'])
 * await fetch(`${floor.url}/fixed`)
 * await floor.stop()
 */
export function startChild(args: readonly string[]): Promise<ChildServer> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  return new Promise((resolve, reject) => {
    let stdout = ''
    const fail = (why: string): void => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`node ${args.join(' ')}: ${why}${stderr ? `\n${stderr}` : ''}`))
    }
    const timer = setTimeout(() => fail(`no listening line within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS)
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before listening`))
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text
      const match = LISTENING.exec(stdout)
      if (!match) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      child.stdout.removeAllListeners('data').resume()
      let stopping: Promise<void> | undefined
      resolve({ url: match[1]!, pid: child.pid!, stop: () => (stopping ??= stopChild(child)) })
    })
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/**
 * GETs `url` until an answer comes (a refused connection is retried for up to 10 s).
 *
 * @returns the HTTP status of the first answer.
 */
export async function firstAnswer(url: string): Promise<number> {
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      return response.status
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
}
