import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { chmod, lstat, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, DataFileError } from '../../src/index.js'
import { runToExit, spawnServer, type ChildServer } from '../support/child-server.js'
import { rawRequest } from '../support/raw-http.js'

// `--data FILE` (docs/command-line.md): every acknowledged write survives a SIGKILL, the file
// always parses, one data file has one server, and a corrupt file stops the start unharmed.
let dir: string
let file: string
const children: ChildServer[] = []
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-cloud-durability-'))
  file = join(dir, 'data.json')
})
afterEach(async () => {
  for (const { child, exited } of children.splice(0)) {
    child.kill('SIGKILL')
    await exited
  }
  await rm(dir, { recursive: true, force: true })
})

async function start(args: string[] = [], nodeArgs: string[] = []): Promise<ChildServer> {
  const server = await spawnServer(['start', '--port', '0', '--data', file, ...args], nodeArgs)
  children.push(server)
  return server
}

const form = { 'content-type': 'application/x-www-form-urlencoded' }

/** Creates users from `writers` parallel clients until stopped; the usernames whose create was answered 200. */
function writeLoad(url: string, writers: number, prefix: string): { acknowledged: string[]; stop: () => Promise<void> } {
  const acknowledged: string[] = []
  let running = true
  const agent = new Agent({ keepAlive: true, maxSockets: writers })
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; running; i++) {
      const username = `${prefix}-${w}-${i}`
      try {
        const reply = await rawRequest(url, 'POST', '/v1/users/create.json?key=DURABLE', {
          body: `username=${username}&password=p&password_confirmation=p`,
          headers: form,
          agent,
        })
        if (reply.status === 200) acknowledged.push(username)
      } catch {
        return // the server is gone
      }
    }
  }
  const done = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)))
  return {
    acknowledged,
    stop: async () => {
      running = false
      await done
      agent.destroy()
    },
  }
}

async function usernames(url: string): Promise<Set<string>> {
  const where = encodeURIComponent(JSON.stringify({ username: { $regex: '^kill' } }))
  const found = new Set<string>()
  for (let skip = 0; ; skip += 1000) {
    const reply = await rawRequest(url, 'GET', `/v1/users/query.json?key=DURABLE&where=${where}&limit=1000&skip=${skip}&sel=${encodeURIComponent('{"all":["username"]}')}`)
    const page = reply.body.response.users as { username: string }[]
    for (const user of page) found.add(user.username)
    if (page.length < 1000) return found
  }
}

/** Servers killed in the SIGKILL test, each after at least 100 acknowledged creates. */
const KILLS = 5

describe('a data file under SIGKILL', () => {
  it(`keeps every acknowledged write through ${KILLS} kills under a write load, and always parses`, async () => {
    const acknowledged: string[] = []
    for (let round = 0; round < KILLS; round++) {
      const server = await start()
      const load = writeLoad(server.url, 8, `kill${round}`)
      // Kill once writes are flowing, in the middle of them.
      while (load.acknowledged.length < 100) await new Promise((resolve) => setTimeout(resolve, 5))
      server.child.kill('SIGKILL')
      expect(await server.exited).toEqual([null, 'SIGKILL'])
      await load.stop()
      acknowledged.push(...load.acknowledged)
      expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow() // never half-written
    }
    // The lock of the killed server is stale: the restart takes it over.
    const restarted = await start()
    const stored = await usernames(restarted.url)
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILLS * 100)
    expect(acknowledged.filter((username) => !stored.has(username))).toEqual([])
    console.info(`durability: ${KILLS} SIGKILLs under 8 writers, ${acknowledged.length} acknowledged creates, none lost`)
  }, 60_000)
})

/** The permission bits of a file, e.g. 0o600. */
async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777
}

async function createUser(url: string, username: string): Promise<void> {
  const reply = await rawRequest(url, 'POST', '/v1/users/create.json?key=K', { body: `username=${username}&password=p&password_confirmation=p`, headers: form })
  expect(reply.status).toBe(200)
}

/** The pid on the first line of the data file's lock. */
async function lockPid(): Promise<number> {
  return Number((await readFile(`${file}.lock`, 'utf8')).split('\n')[0])
}

async function stop(server: ChildServer): Promise<void> {
  server.child.kill('SIGTERM')
  expect(await server.exited).toEqual([0, null])
}

describe('the permission bits of a data file', () => {
  // It holds password hashes and live session ids.
  it('are kept by every rewrite: a file made 0600 between two runs stays 0600 while running and after stop', async () => {
    const first = await start()
    await createUser(first.url, 'before')
    await stop(first)
    await chmod(file, 0o600)

    const second = await start()
    await createUser(second.url, 'after')
    expect((await modeOf(file)).toString(8)).toBe('600')
    await stop(second)
    expect((await modeOf(file)).toString(8)).toBe('600')
    const stored = JSON.parse(await readFile(file, 'utf8')).apps.K.collections.users.map((user: { username: string }) => user.username)
    expect(stored).toEqual(['before', 'after'])
  })

  it('of a group-readable file stay as they are too', async () => {
    const first = await start()
    await stop(first)
    await chmod(file, 0o640)
    const second = await start()
    await createUser(second.url, 'grouped')
    expect((await modeOf(file)).toString(8)).toBe('640')
  })

  it('of a new data file let its owner alone read it', async () => {
    const server = await start()
    await createUser(server.url, 'fresh')
    expect((await modeOf(file)).toString(8)).toBe('600')
  })
})

describe('one data file, one server', () => {
  it('refuses a second server on the same file with exit 2 and a message naming the holder and the lock file', async () => {
    const first = await start()
    const second = await runToExit(['start', '--port', '0', '--data', file])
    expect(second.code).toBe(2)
    expect(second.stderr).toBe(
      `mock-cloud: ${file}: in use by process ${first.child.pid}, which holds ${file}.lock; stop it first, or give this server another data file\n`,
    )
    // The first one still serves, and its data file is its own.
    const reply = await rawRequest(first.url, 'POST', '/v1/users/create.json?key=K', { body: 'username=solo&password=p&password_confirmation=p', headers: form })
    expect(reply.status).toBe(200)
    expect(JSON.parse(await readFile(file, 'utf8')).apps.K.collections.users[0].username).toBe('solo')
  })

  it('releases the lock on stop, so the next server starts', async () => {
    const first = await start()
    expect(await lockPid()).toBe(first.child.pid)
    first.child.kill('SIGTERM')
    expect(await first.exited).toEqual([0, null])
    expect(existsSync(`${file}.lock`)).toBe(false)
    await start()
  })

  it('takes over the lock of a process that is gone', async () => {
    const gone = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => gone.once('exit', resolve))
    await writeFile(`${file}.lock`, `${gone.pid}\n`)
    const server = await start()
    expect(await lockPid()).toBe(server.child.pid)
  })

  // A container restarted after a SIGKILL runs the new server under the old one's pid (often 1).
  it('takes over a lock naming the starting server\'s own pid', async () => {
    const forge = `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(`${file}.lock`)}, process.pid + '\\n')`
    const server = await start([], [`--import=data:text/javascript,${encodeURIComponent(forge)}`])
    expect(await lockPid()).toBe(server.child.pid)
    await createUser(server.url, 'restarted')
  })

  it.runIf(process.platform === 'linux')('takes over the lock of a killed server whose pid now belongs to another program', async () => {
    const killed = await start()
    killed.child.kill('SIGKILL')
    await killed.exited
    const [, instance] = (await readFile(`${file}.lock`, 'utf8')).split('\n')
    expect(instance).toMatch(/^[0-9a-f-]+\/\d+$/)
    // The pid reused: a live process that is not the server that wrote the lock.
    const other = spawn('sleep', ['60'])
    try {
      await writeFile(`${file}.lock`, `${other.pid}\n${instance}\n`)
      const server = await start()
      expect(await lockPid()).toBe(server.child.pid)
      await createUser(server.url, 'after-reuse')
    } finally {
      other.kill('SIGKILL')
      await new Promise((resolve) => other.once('exit', resolve))
    }
  })

  it('holds the lock of the file a symlink names, and writes through the link', async () => {
    const first = await createMockCloud({ data: file })
    const link = join(dir, 'link.json')
    await symlink(file, link)
    await expect(createMockCloud({ data: link })).rejects.toThrow(`which holds ${file}.lock`)
    await first.close()
    const viaLink = await createMockCloud({ data: link })
    await viaLink.app.request('/v1/users/create.json?key=K', {
      method: 'POST',
      body: new URLSearchParams({ username: 'linked', password: 'p', password_confirmation: 'p' }),
    })
    await viaLink.close()
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readFile(file, 'utf8')).toContain('"linked"')
  })

  it('refuses a second in-process mock-cloud on the same file until the first is closed', async () => {
    const first = await createMockCloud({ data: file })
    const second = createMockCloud({ data: file })
    await expect(second).rejects.toThrow(DataFileError)
    await expect(second).rejects.toThrow(`in use by this process (another mock-cloud in it), which holds ${file}.lock`)
    await first.close()
    const third = await createMockCloud({ data: file })
    await third.close()
    expect(existsSync(`${file}.lock`)).toBe(false)
  })

  it('takes over a lock naming this process that no mock-cloud in it holds (left by an earlier process with its pid)', async () => {
    await writeFile(`${file}.lock`, `${process.pid}\n`)
    const server = await createMockCloud({ data: file })
    await expect(createMockCloud({ data: file })).rejects.toThrow('in use by this process (another mock-cloud in it)')
    await server.close()
    expect(existsSync(`${file}.lock`)).toBe(false)
  })
})

describe('a corrupt data file at start', () => {
  it('stops the start with exit 2, the file name and the line and column, and leaves the file untouched', async () => {
    const corrupt = '{\n  "apps": {\n    "K": { "users": [ }\n  }\n}\n'
    await writeFile(file, corrupt)
    const result = await runToExit(['start', '--port', '0', '--data', file])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(new RegExp(`^mock-cloud: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid JSON at line 3, column 23: `))
    expect(await readFile(file, 'utf8')).toBe(corrupt)
    expect(existsSync(`${file}.lock`)).toBe(false)
  })
})
