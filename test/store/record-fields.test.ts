import { describe, expect, it } from 'vitest'
import { badCustomFields, badOptionalId, badTags } from '../../src/store/record-fields.js'

/** The shared field checks of stored-record checks: what a data file or an import may hold. */
describe('record field checks', () => {
  it('badOptionalId accepts an absent field or a 24-hex id, nothing else', () => {
    expect([undefined, '5f00000000000000000000ff'].map(badOptionalId)).toEqual([false, false])
    expect([null, '', 'nope', 12, ['5f00000000000000000000ff']].map(badOptionalId)).toEqual([true, true, true, true, true])
  })

  it('badTags accepts an absent field or a list of strings', () => {
    expect([undefined, [], ['a', 'b']].map(badTags)).toEqual([false, false, false])
    expect([null, 'a', ['a', 1], {}].map(badTags)).toEqual([true, true, true, true])
  })

  it('badCustomFields wants a plain object naming no forbidden key', () => {
    expect([{}, { color: 'red' }].map(badCustomFields)).toEqual([false, false])
    expect([undefined, null, [], 'x', JSON.parse('{"__proto__": 1}')].map(badCustomFields)).toEqual([true, true, true, true, true])
  })
})
