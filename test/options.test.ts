import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMockCloud, OptionError, startMockCloud, type StartOptions } from '../src/index.js'
import { mockCloudSetup as jestSetup } from '../src/toolkit/jest-setup.js'
import { mockCloudFixtures } from '../src/toolkit/mocha.js'
import { mockCloudSetup as vitestSetup } from '../src/toolkit/vitest-setup.js'

/** The error a call throws (synchronously or as a rejection). */
async function thrown(action: () => unknown): Promise<Error> {
  try {
    await action()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected it to throw')
}

describe('options of createMockCloud and startMockCloud', () => {
  const mistakes: Array<[string, unknown, string, string]> = [
    ['a misspelt name', { fixture: 'fixtures/users.json' }, 'fixture', 'unknown option fixture; did you mean fixtures?'],
    ['a name in the wrong case', { appkeys: ['K'] }, 'appkeys', 'unknown option appkeys; did you mean appKeys?'],
    ['a name nothing is close to', { colour: 'red' }, 'colour', 'unknown option colour; the options are fixtures, data, appKeys,'],
    ['appKeys as one text', { appKeys: 'OTHER' }, 'appKeys', `appKeys must be a list of app keys, e.g. appKeys: ['TESTKEY'], got "OTHER"`],
    ['an empty app key', { appKeys: ['A', ' '] }, 'appKeys', 'appKeys must be a list of app keys'],
    ['an unknown limit', { limits: { maxBody: 10 } }, 'limits.maxBody', 'unknown option limits.maxBody; did you mean limits.maxBodyBytes?'],
    ['a limit as text', { limits: { maxCustomFields: '20' } }, 'limits.maxCustomFields', 'limits.maxCustomFields must be a whole number, at least 1, got "20"'],
    ['limits as a number', { limits: 5 }, 'limits', 'limits must be an object of limits, some of maxBodyBytes,'],
    ['emailVerification as text', { emailVerification: 'yes' }, 'emailVerification', 'emailVerification must be true or false, got "yes"'],
    ['a fixtures list', { fixtures: [] }, 'fixtures', "fixtures must be a fixture file's path"],
    ['an empty data path', { data: '' }, 'data', "data must be a data file's path, e.g. 'data.json', got \"\""],
    ['a negative journalLimit', { journalLimit: -1 }, 'journalLimit', 'journalLimit must be a whole number of calls, 0 or more (0 keeps none), got -1'],
    ['an unknown password hashing', { passwordHashing: 'bcrypt' }, 'passwordHashing', "passwordHashing must be 'fast' or 'strict', got \"bcrypt\""],
  ]
  for (const [what, options, option, message] of mistakes) {
    it(`${what} → OptionError naming ${option}, from both`, async () => {
      for (const caller of ['createMockCloud', 'startMockCloud'] as const) {
        const error = await thrown(() => (caller === 'createMockCloud' ? createMockCloud : startMockCloud)(options as never))
        expect(error).toBeInstanceOf(OptionError)
        expect(error).toBeInstanceOf(RangeError)
        expect(error.message).toContain(`${caller}: ${message}`)
        expect((error as OptionError).option).toBe(option)
      }
    })
  }

  it('options that are not an object → OptionError saying what they must be', async () => {
    const error = await thrown(() => startMockCloud('fixtures/users.json' as never))
    expect(error.message).toBe(`startMockCloud: the options must be an object such as { fixtures: 'fixtures/users.json' }, got "fixtures/users.json"`)
  })

  it('where to listen is checked by startMockCloud, named as options: port, host, shutdownGrace', async () => {
    expect((await thrown(() => startMockCloud({ port: 70000 }))).message).toBe(
      'startMockCloud: port must be a whole number from 0 to 65535 (0 picks a free port), got 70000',
    )
    expect((await thrown(() => startMockCloud({ port: '0' } as never))).message).toContain('port must be a whole number')
    expect((await thrown(() => startMockCloud({ prot: 0 } as never))).message).toBe('startMockCloud: unknown option prot; did you mean port?')
    expect((await thrown(() => startMockCloud({ shutdownGrace: -5 }))).message).toContain('shutdownGrace must be a whole number of milliseconds')
    // createMockCloud opens no port: port is not one of its options.
    expect((await thrown(() => createMockCloud({ port: 0 } as never))).message).toContain('createMockCloud: unknown option port;')
  })

  it('undefined values are as good as absent', async () => {
    const cloud = await startMockCloud({ fixtures: undefined, appKeys: undefined, port: 0 })
    await cloud.stop()
  })
})

describe('options of the test-runner helpers', () => {
  const helpers: Array<[string, (options: StartOptions) => unknown, string]> = [
    ['mockCloudSetup', vitestSetup, 'vitest'],
    ['mockCloudSetup', jestSetup, 'jest'],
    ['mockCloudFixtures', mockCloudFixtures, 'mocha'],
  ]
  for (const [name, helper, runner] of helpers) {
    it(`${runner}'s ${name} refuses appKeys at once: the per-file keys ${runner}:<file> would all get 401`, () => {
      let error: unknown
      try {
        helper({ appKeys: ['TESTKEY'] })
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(OptionError)
      expect((error as Error).message).toBe(
        `${name}: appKeys cannot be used here: each test file gets its own app key (${runner}:<path of the file>, cloud.key in the file), which a server limited to ["TESTKEY"] would refuse with 401 Invalid app key; leave appKeys out`,
      )
    })

    it(`${runner}'s ${name} checks the other options at once, as startMockCloud does`, () => {
      expect(() => helper({ fixture: 'fixtures/users.json' } as never)).toThrow(`${name}: unknown option fixture; did you mean fixtures?`)
      expect(() => helper({ defaultAppKey: 'K', appKeys: [] })).not.toThrow()
    })
  }
})

describe('the admin routes and the app keys', () => {
  it('refuse a key the server refuses with the API\'s 401, and leave its data alone', async () => {
    const cloud = await createMockCloud({ appKeys: ['TESTKEY'] })
    const created = await cloud.app.request('/v1/users/create.json?key=TESTKEY', {
      method: 'POST',
      body: new URLSearchParams({ username: 'zoe', password: 'p', password_confirmation: 'p' }),
    })
    expect(created.status).toBe(200)
    const api = (await (await cloud.app.request('/v1/users/count.json?key=WRONG')).json()) as { meta: { code: number; message: string } }
    for (const [method, path] of [['POST', '/__mock/reset'], ['GET', '/__mock/data'], ['GET', '/__mock/outbox'], ['POST', '/__mock/snapshots/s1'], ['DELETE', '/__mock/faults']]) {
      const reply = await cloud.app.request(`${path}?key=WRONG`, { method })
      expect([reply.status, ((await reply.json()) as { meta: { message: string } }).meta.message], `${method} ${path}`).toEqual([401, api.meta.message])
    }
    expect(api.meta.message).toMatch(/^Invalid app key: this server takes only TESTKEY/)
    const count = (await (await cloud.app.request('/v1/users/count.json?key=TESTKEY')).json()) as { meta: { count: number } }
    expect(count.meta.count).toBe(1)
    expect((await cloud.app.request('/__mock/reset?key=TESTKEY', { method: 'POST' })).status).toBe(200)
    await cloud.close()
  })

  it('take the default key, any key on a server without appKeys, and WRONG as a journal filter (to find its refused calls)', async () => {
    const limited = await createMockCloud({ appKeys: ['TESTKEY'], defaultAppKey: 'DEFAULT' })
    expect((await limited.app.request('/__mock/reset?key=DEFAULT', { method: 'POST' })).status).toBe(200)
    await limited.app.request('/v1/users/count.json?key=WRONG')
    const journal = await limited.app.request('/__mock/requests?key=WRONG')
    expect(((await journal.json()) as { response: { requests: { status: number }[] } }).response.requests.map((entry) => entry.status)).toEqual([401])
    await limited.close()
    const open = await createMockCloud()
    expect((await open.app.request('/__mock/reset?key=ANY', { method: 'POST' })).status).toBe(200)
    await open.close()
  })
})

describe('the data file', () => {
  let dir: string
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'mock-cloud-options-')) })
  afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

  it.each([['empty (touch data.json)', ''], ['blank', ' \n']])('%s is taken as a new data file and filled', async (_what, text) => {
    const file = join(dir, `new-${text.length}.json`)
    await writeFile(file, text)
    const cloud = await createMockCloud({ data: file })
    await cloud.app.request('/v1/users/create.json?key=K', { method: 'POST', body: new URLSearchParams({ username: 'zoe', password: 'p', password_confirmation: 'p' }) })
    await cloud.close()
    expect(JSON.parse(await readFile(file, 'utf8')).apps.K.collections.users[0].username).toBe('zoe')
  })

  it('that is not JSON is refused in one message with its line and column', async () => {
    const file = join(dir, 'words.json')
    await writeFile(file, 'hello')
    expect((await thrown(() => createMockCloud({ data: file }))).message).toBe(
      `${file}: invalid JSON at line 1, column 1: Unexpected token 'h'; give --data (option data) the path of a new or empty file (mock-cloud fills it) or of one mock-cloud wrote`,
    )
    expect(await readFile(file, 'utf8')).toBe('hello')
  })
})

describe('stop() and the shutdown grace', () => {
  it('cuts the requests still running when the grace runs out, and says how many on stderr', async () => {
    const written: string[] = []
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      written.push(String(text))
      return true
    })
    try {
      const cloud = await startMockCloud({ shutdownGrace: 0 })
      cloud.fault({ path: 'users/count', delay: 60_000 })
      const running = fetch(`${cloud.url}/v1/users/count.json?key=K`).then(() => 'answered', () => 'cut')
      while (cloud.faults().length > 0) await new Promise((resolve) => setTimeout(resolve, 10))
      await cloud.stop()
      expect(await running).toBe('cut')
      expect(written).toEqual([
        'mock-cloud: the shutdown grace of 0 ms ran out; cut 1 request still running (a longer grace: --shutdown-grace MS or the shutdownGrace option)\n',
      ])
    } finally {
      spy.mockRestore()
    }
  })

  it('says nothing when every request finished in time', async () => {
    const spy = vi.spyOn(process.stderr, 'write')
    try {
      const cloud = await startMockCloud({ shutdownGrace: 0 })
      await fetch(`${cloud.url}/v1/users/count.json?key=K`)
      await cloud.stop()
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })
})
