import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { DataSet } from '../../src/data-set.js'
import { newObjectId } from '../../src/ids.js'
import { newAppData } from '../../src/store/db.js'
import { AccountTokens, TOKEN_LIFETIME_MS } from '../../src/users/tokens.js'

// One-use, expiring tokens of the account flows (spec §11 "reset_password / confirm_user"),
// driven by a clock the test moves, as the test toolkit's clock would.
function dataSetAt(start: number) {
  let now = start
  const data = newAppData([])
  const dataSet: DataSet = {
    key: 'K',
    data,
    runtime: { now: () => new Date(now), randomBytes: (n) => randomBytes(n), objectId: (at) => newObjectId(at.getTime()) },
    write: async () => {},
  }
  return { dataSet, data, advance: (ms: number) => (now += ms) }
}

describe('AccountTokens', () => {
  const user = '5f0000000000000000000001'

  it('a token works until its lifetime is over, measured with the data set’s clock', () => {
    const { dataSet, advance } = dataSetAt(Date.UTC(2026, 0, 1))
    const tokens = new AccountTokens(dataSet)
    const token = tokens.issue('reset_password', user)
    advance(TOKEN_LIFETIME_MS - 1)
    expect(tokens.peek('reset_password', token)).toBe(user)
    advance(1)
    expect(tokens.peek('reset_password', token)).toBeUndefined()
  })

  it('lasts 24 hours', () => {
    expect(TOKEN_LIFETIME_MS).toBe(24 * 60 * 60 * 1000)
  })

  it('is 32 base64url characters (192 random bits), stored with its dates', () => {
    const { dataSet, data } = dataSetAt(Date.UTC(2026, 0, 1))
    const token = new AccountTokens(dataSet).issue('confirmation', user)
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(data.tokens[token]).toEqual({
      purpose: 'confirmation',
      user_id: user,
      created_at: '2026-01-01T00:00:00.000Z',
      expires_at: '2026-01-02T00:00:00.000Z',
    })
  })

  it('spend makes it unknown; peek with another purpose or an inherited name finds nothing', () => {
    const { dataSet } = dataSetAt(Date.UTC(2026, 0, 1))
    const tokens = new AccountTokens(dataSet)
    const token = tokens.issue('confirmation', user)
    expect(tokens.peek('reset_password', token)).toBeUndefined()
    expect(tokens.peek('confirmation', 'constructor')).toBeUndefined()
    tokens.spend(token)
    expect(tokens.peek('confirmation', token)).toBeUndefined()
  })
})
