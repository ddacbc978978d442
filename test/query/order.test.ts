import { describe, expect, it } from 'vitest'
import { compileOrder } from '../../src/query/order.js'
import { expectApiError } from '../support/expect-api-error.js'

type Doc = Record<string, unknown>

const sortNames = (docs: Doc[], order: string): unknown[] => {
  const sort = compileOrder(order)
  if (!sort) throw new Error('expected an order')
  return sort(docs, (d) => d).map((d) => d.name)
}

describe('compileOrder', () => {
  it('orders by one field ascending, or descending with a leading -', () => {
    const docs = [{ name: 'b', age: 2 }, { name: 'c', age: 3 }, { name: 'a', age: 1 }]
    expect(sortNames(docs, 'age')).toEqual(['a', 'b', 'c'])
    expect(sortNames(docs, '-age')).toEqual(['c', 'b', 'a'])
  })

  it('uses later fields to break ties and trims whitespace (first_name,-created_at)', () => {
    const docs = [
      { name: 'a1', first_name: 'Ann', created_at: new Date('2020-01-01') },
      { name: 'b', first_name: 'Bob', created_at: new Date('2019-01-01') },
      { name: 'a2', first_name: 'Ann', created_at: new Date('2021-01-01') },
    ]
    expect(sortNames(docs, ' first_name , -created_at ')).toEqual(['a2', 'a1', 'b'])
  })

  it('keeps creation order for equal keys', () => {
    expect(sortNames([{ name: 'x', age: 5 }, { name: 'y', age: 5 }], 'age')).toEqual(['x', 'y'])
    expect(sortNames([{ name: 'y', age: 5 }, { name: 'x', age: 5 }], '-age')).toEqual(['y', 'x'])
    expect(sortNames([{ name: 'x', age: 1 }, { name: 'y', age: 1 }, { name: 'z', age: 0 }], 'age')).toEqual(['z', 'x', 'y'])
  })

  it('puts missing and null values first ascending and last descending', () => {
    const docs = [{ name: 'two', v: 2 }, { name: 'none' }, { name: 'null', v: null }, { name: 'one', v: 1 }]
    expect(sortNames(docs, 'v')).toEqual(['none', 'null', 'one', 'two'])
    expect(sortNames(docs, '-v')).toEqual(['two', 'one', 'none', 'null'])
  })

  it('orders mixed types null < numbers < strings < objects < arrays < booleans < dates', () => {
    const docs = [
      { name: 'date', v: new Date(0) },
      { name: 'bool', v: false },
      { name: 'nested', v: [[1]] },
      { name: 'object', v: { a: 1 } },
      { name: 'string', v: '35' },
      { name: 'number', v: 100 },
      { name: 'null', v: null },
    ]
    expect(sortNames(docs, 'v')).toEqual(['null', 'number', 'string', 'object', 'nested', 'bool', 'date'])
  })

  it('orders embedded documents pair by pair in stored order: value type, then name, then value', () => {
    const docs = [{ name: 'str', v: { a: 's' } }, { name: 'num', v: { b: 1 } }, { name: 'x2', v: { x: 2, a: 1 } }, { name: 'x1', v: { x: 1, b: 5 } }]
    expect(sortNames(docs, 'v')).toEqual(['num', 'x1', 'x2', 'str'])
  })

  it('compares numbers numerically, not as text', () => {
    expect(sortNames([{ name: 'ten', v: 10 }, { name: 'nine', v: 9 }, { name: 'half', v: 0.5 }], 'v')).toEqual(['half', 'nine', 'ten'])
  })

  it('compares strings by code point, case-sensitively', () => {
    const docs = [{ name: 'lower', v: 'apple' }, { name: 'upper', v: 'Zebra' }, { name: 'astral', v: '\u{1F600}' }, { name: 'bmp', v: '\uFF21' }]
    expect(sortNames(docs, 'v')).toEqual(['upper', 'lower', 'bmp', 'astral'])
  })

  it('compares dates by instant and booleans false before true', () => {
    const docs = [{ name: 'late', v: new Date('2021-01-01') }, { name: 'early', v: new Date('2020-01-01') }]
    expect(sortNames(docs, 'v')).toEqual(['early', 'late'])
    expect(sortNames([{ name: 't', v: true }, { name: 'f', v: false }], 'v')).toEqual(['f', 't'])
  })

  it('sorts an array by its smallest element ascending and its largest descending', () => {
    const docs = [{ name: 'wide', v: [1, 10] }, { name: 'mid', v: 5 }, { name: 'empty', v: [] }, { name: 'none' }]
    expect(sortNames(docs, 'v')).toEqual(['empty', 'none', 'wide', 'mid'])
    expect(sortNames(docs, '-v')).toEqual(['wide', 'mid', 'none', 'empty'])
  })

  it('sorts by a dotted path into documents, and through an array by its smallest or largest value', () => {
    const docs = [{ name: 'b', pet: { age: 5 } }, { name: 'a', pet: { age: 2 } }, { name: 'none', pet: {} }]
    expect(sortNames(docs, 'pet.age')).toEqual(['none', 'a', 'b'])
    const litters = [{ name: 'wide', pets: [{ age: 1 }, { age: 9 }] }, { name: 'mid', pets: [{ age: 5 }] }]
    expect(sortNames(litters, 'pets.age')).toEqual(['wide', 'mid'])
    expect(sortNames(litters, '-pets.age')).toEqual(['wide', 'mid'])
  })

  it('sorts a field that names nothing, even an Object.prototype member, as missing', () => {
    const docs = [{ name: 'a' }, { name: 'b' }]
    expect(sortNames(docs, 'constructor')).toEqual(['a', 'b'])
    expect(sortNames(docs, '-nope')).toEqual(['a', 'b'])
  })

  it('returns no sort without an order', () => {
    expect(compileOrder(undefined)).toBeUndefined()
    expect(compileOrder('')).toBeUndefined()
    expect(compileOrder('  ')).toBeUndefined()
  })

  it.each(['a,,b', '-', 'a, -', ',a', 'a,'])('answers order=%j with 400', (order) => {
    expectApiError(() => compileOrder(order), 400, /^Invalid order parameter: empty field name in "/)
  })

  it.each(['age;drop', '{"age":1}', 'first name'])('answers order=%j, which names no field, with 400', (order) => {
    expectApiError(() => compileOrder(order), 400, /^Invalid order parameter: ".*" is not a field name; use a comma list such as first_name,-age$/)
  })

  it('takes custom field names in any script, with _ and $', () => {
    expect(compileOrder('größe,-_n,$x')).toBeTypeOf('function')
  })

  it('answers a non-string order with 400', () => {
    expectApiError(() => compileOrder(['a']), 400, 'Invalid order parameter: must be a comma-separated list of field names')
  })
})
