import { describe, expect, it } from 'vitest'
import { compileSelection } from '../../src/query/select.js'
import { expectApiError } from '../support/expect-api-error.js'

const wireUser = (): Record<string, unknown> => ({
  id: 'u1',
  created_at: '2020-01-01T00:00:00+0000',
  username: 'alice',
  first_name: 'Alice',
  email: 'alice@example.com',
  external_accounts: [],
  custom_fields: { age: 30, color: 'red' },
  stats: { photos: { total_count: 0 }, storage: { used: 0 } },
})

const select = (sel: unknown, unsel: unknown): Record<string, unknown> => {
  const apply = compileSelection(sel, unsel)
  if (!apply) throw new Error('expected a selection')
  return apply(wireUser())
}

describe('compileSelection', () => {
  it('sel returns only the named fields plus id', () => {
    expect(select('{"all":["first_name"]}', undefined)).toEqual({ id: 'u1', first_name: 'Alice' })
  })

  it('sel names custom fields by bare name and keeps just those under custom_fields', () => {
    expect(select({ all: ['username', 'age'] }, undefined)).toEqual({ id: 'u1', username: 'alice', custom_fields: { age: 30 } })
  })

  it('sel keeps all custom fields when custom_fields itself is named', () => {
    expect(select('{"all":["custom_fields"]}', undefined)).toEqual({ id: 'u1', custom_fields: { age: 30, color: 'red' } })
  })

  it('sel with an empty list keeps only id', () => {
    expect(select('{"all":[]}', undefined)).toEqual({ id: 'u1' })
  })

  it('unsel drops the named top-level and custom fields but never id', () => {
    const user = select(undefined, '{"all":["email","color","id","stats"]}')
    expect(user).toEqual({
      id: 'u1',
      created_at: '2020-01-01T00:00:00+0000',
      username: 'alice',
      first_name: 'Alice',
      external_accounts: [],
      custom_fields: { age: 30 },
    })
  })

  it('does not change the object it is given', () => {
    const user = wireUser()
    compileSelection(undefined, '{"all":["age","email"]}')!(user)
    compileSelection('{"all":["age"]}', undefined)!(user)
    expect(user).toEqual(wireUser())
  })

  it('returns no selection when neither parameter is given', () => {
    expect(compileSelection(undefined, undefined)).toBeUndefined()
    expect(compileSelection('', '')).toBeUndefined()
  })

  it('answers sel and unsel together with 400', () => {
    expectApiError(() => compileSelection('{"all":["a"]}', '{"all":["b"]}'), 400, 'Invalid sel parameter: sel and unsel cannot be used together')
  })

  it.each(['not json', '["first_name"]', '{"all":"first_name"}', '{"all":[1]}', '{"all":[],"some":[]}', '{"fields":["a"]}'])(
    'answers sel=%s with 400',
    (sel) => {
      expectApiError(() => compileSelection(sel, undefined), 400, /^Invalid sel parameter: (not valid JSON \(|must be \{"all":\[field names\]\}$)/)
    },
  )

  it('answers a malformed unsel with 400 naming unsel', () => {
    expectApiError(() => compileSelection(undefined, '{"all":"x"}'), 400, 'Invalid unsel parameter: must be {"all":[field names]}')
  })
})
