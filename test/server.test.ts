import { request as httpRequest, Agent } from 'node:http'
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startMockCloud, type RunningMockCloud } from '../src/server.js'

/** Resolves once `port` on 127.0.0.1 could be bound (and released) by someone else. */
function bindAndRelease(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

describe('startMockCloud', () => {
  const started: RunningMockCloud[] = []
  const start = async (...args: Parameters<typeof startMockCloud>): Promise<RunningMockCloud> => {
    const cloud = await startMockCloud(...args)
    started.push(cloud)
    return cloud
  }
  afterEach(async () => {
    await Promise.all(started.splice(0).map((cloud) => cloud.stop()))
  })

  it('listens on 127.0.0.1 and an OS-assigned port by default; url has no trailing slash', async () => {
    const cloud = await start()
    expect(cloud.host).toBe('127.0.0.1')
    expect(cloud.port).toBeGreaterThan(0)
    expect(cloud.url).toBe(`http://127.0.0.1:${cloud.port}`)
  })

  it('answers a real fetch of /v1/users/count.json with 200 and the fixture users', async () => {
    const cloud = await start({ fixtures: 'fixtures/users.json' })
    const res = await fetch(`${cloud.url}/v1/users/count.json?key=TESTKEY`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { meta: { status: string; count: number } }
    expect(body.meta.status).toBe('ok')
    expect(body.meta.count).toBe(6)
  })

  it('seed() adds users and reset() goes back to the fixtures, as the API sees it', async () => {
    const cloud = await start({ fixtures: 'fixtures/users.json' })
    const count = async (): Promise<number> =>
      ((await (await fetch(`${cloud.url}/v1/users/count.json?key=TESTKEY`)).json()) as { meta: { count: number } }).meta.count
    await cloud.seed({ users: [{ username: 'zoe', password: 'zoe-pass' }] })
    expect(await count()).toBe(7)
    await cloud.reset()
    expect(await count()).toBe(6)
  })

  it('stop() frees the port: it can be bound again right after', async () => {
    const cloud = await start()
    await cloud.stop()
    await expect(bindAndRelease(cloud.port)).resolves.toBeUndefined()
  })

  it('stop() resolves although a client holds a keep-alive connection open', async () => {
    const cloud = await start()
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const req = httpRequest(`${cloud.url}/v1/users/count.json?key=TESTKEY`, { agent }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode))
        })
        req.on('error', reject)
        req.end()
      })
      expect(status).toBe(200)
      // The agent keeps the socket open for the next request.
      expect(Object.values(agent.freeSockets).flat()).toHaveLength(1)
      const startedAt = Date.now()
      await cloud.stop()
      expect(Date.now() - startedAt).toBeLessThan(2000)
      await expect(bindAndRelease(cloud.port)).resolves.toBeUndefined()
    } finally {
      agent.destroy()
    }
  })

  it('stop() twice is harmless', async () => {
    const cloud = await start()
    await cloud.stop()
    await expect(cloud.stop()).resolves.toBeUndefined()
  })

  it('a port in use → rejects with a message naming the port and the port option (not the command line\'s flag)', async () => {
    const first = await start()
    const refusal = startMockCloud({ port: first.port })
    await expect(refusal).rejects.toThrow(
      `port ${first.port} on 127.0.0.1 is already in use; stop the other server, choose another port, or use port: 0 for any free port`,
    )
    await expect(refusal).rejects.not.toThrow('--port')
    await expect(refusal).rejects.toMatchObject({ code: 'EADDRINUSE' })
  })

  it('a host that is not this machine\'s → rejects naming the host option', async () => {
    await expect(startMockCloud({ host: '192.0.2.1' })).rejects.toThrow("cannot listen on 192.0.2.1: it is not an address of this machine; use host: '127.0.0.1'")
  })

  it('an invalid fixture file → rejects with the FixtureError', async () => {
    await expect(startMockCloud({ fixtures: 'fixtures/nope.json' })).rejects.toThrow(`fixtures/nope.json: file not found (a relative path starts from the current directory, ${process.cwd()})`)
  })
})
