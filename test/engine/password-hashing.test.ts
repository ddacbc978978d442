import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMockCloud, type PasswordHashing } from '../../src/index.js'
import { passwordHasher, verifyPassword } from '../../src/engine/password-hashing.js'
import { login, startServer } from '../support/client.js'

// Password-hashing profiles (docs/users.md "Passwords"): `fast` (default) and `strict`; the plain password is never
// stored (docs/users.md "Replies"), and each profile's hashes verify under the other.

describe('passwordHasher and verifyPassword', () => {
  it('fast is one salted HMAC-SHA-256; strict is scrypt; each names its scheme', async () => {
    expect(await passwordHasher()('pw')).toMatch(/^hmac-sha256\$[0-9a-f]{32}\$[0-9a-f]{64}$/)
    expect(await passwordHasher('fast')('pw')).toMatch(/^hmac-sha256\$/)
    expect(await passwordHasher('strict')('pw')).toMatch(/^scrypt\$4096\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/)
  })

  for (const profile of ['fast', 'strict'] as const) {
    it(`${profile}: the right password verifies, a wrong one, an empty one and a prefix do not`, async () => {
      const hash = await passwordHasher(profile)('correct horse')
      expect(await verifyPassword('correct horse', hash)).toBe(true)
      expect(await verifyPassword('correct hors', hash)).toBe(false)
      expect(await verifyPassword('', hash)).toBe(false)
      expect(await verifyPassword('Correct horse', hash)).toBe(false)
    })

    it(`${profile}: the same password hashes differently each time (a fresh salt) and never contains it`, async () => {
      const password = 'a1b2c3d4e5f6'
      const [first, second] = await Promise.all([passwordHasher(profile)(password), passwordHasher(profile)(password)])
      expect(first).not.toBe(second)
      for (const hash of [first, second]) {
        expect(hash).not.toContain(password)
        expect(hash).not.toContain(Buffer.from(password).toString('hex'))
      }
    })
  }

  it('a value of no known scheme, or a truncated hash, never verifies', async () => {
    const hash = await passwordHasher('fast')('pw')
    for (const stored of ['pw', '', 'hmac-sha256$$', hash.slice(0, hash.lastIndexOf('$')), `${hash}$extra`, 'md5$00$00']) {
      expect(await verifyPassword('pw', stored)).toBe(false)
    }
  })

  it('an unknown profile from untyped code is a RangeError naming the choices, also from createMockCloud', async () => {
    expect(() => passwordHasher('bcrypt' as PasswordHashing)).toThrow(RangeError)
    expect(() => passwordHasher('bcrypt' as PasswordHashing)).toThrow("passwordHashing must be 'fast' or 'strict', got \"bcrypt\"")
    await expect(createMockCloud({ passwordHashing: 'slow' as PasswordHashing })).rejects.toThrow(RangeError)
  })
})

describe('a server with either profile', () => {
  let dir: string
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'mock-cloud-password-'))))
  afterEach(() => rm(dir, { recursive: true, force: true }))

  for (const profile of ['fast', 'strict'] as const) {
    it(`${profile}: fixture users and new users log in; the data file holds ${profile === 'fast' ? 'HMAC' : 'scrypt'} hashes, never a password`, async () => {
      const file = join(dir, 'db.json')
      const { server, call } = await startServer({ data: file, passwordHashing: profile })
      try {
        expect(await login(call, 'alice', 'pw-alice')).toMatch(/^[A-Za-z0-9_-]+$/)
        const created = await call('POST', 'users/create', {}, {
          form: { username: 'frank', password: 'frank-secret-1', password_confirmation: 'frank-secret-1' },
        })
        expect(created.status).toBe(200)
        expect(await login(call, 'frank', 'frank-secret-1')).toMatch(/^[A-Za-z0-9_-]+$/)
        expect((await call('POST', 'users/login', {}, { form: { login: 'frank', password: 'frank-secret-2' } })).status).toBe(401)

        const text = await readFile(file, 'utf8')
        const hashes = (JSON.parse(text).apps.TESTKEY.collections.users as Array<{ password_hash: string }>).map((user) => user.password_hash)
        expect(hashes).toHaveLength(6)
        for (const hash of hashes) expect(hash.startsWith(profile === 'fast' ? 'hmac-sha256$' : 'scrypt$')).toBe(true)
        for (const password of ['frank-secret-1', 'pw-alice', 'pw-bob', 'pw-admin']) expect(text).not.toContain(password)
      } finally {
        await server.stop()
      }
    })
  }

  for (const [before, after] of [['strict', 'fast'], ['fast', 'strict']] as const) {
    it(`hashes made under ${before} log in after a restart under ${after}, and a password changed then too`, async () => {
      const file = join(dir, 'db.json')
      const first = await startServer({ data: file, passwordHashing: before })
      await first.call('POST', 'users/create', {}, { form: { username: 'frank', password: 'old-pw', password_confirmation: 'old-pw' } })
      await first.server.stop()

      const second = await startServer({ data: file, passwordHashing: after })
      try {
        await login(second.call, 'alice', 'pw-alice')
        const session = await login(second.call, 'frank', 'old-pw')
        const changed = await second.call('PUT', 'users/update', {}, { session, form: { password: 'new-pw', password_confirmation: 'new-pw' } })
        expect(changed.status).toBe(200)
        expect((await second.call('POST', 'users/login', {}, { form: { login: 'frank', password: 'old-pw' } })).status).toBe(401)
        await login(second.call, 'frank', 'new-pw')
      } finally {
        await second.server.stop()
      }
    })
  }
})
