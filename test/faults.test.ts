import { describe, expect, it } from 'vitest'
import { Faults } from '../src/faults.js'
import { Router } from '../src/engine/router.js'
import type { AnyMockObject } from '../src/engine/object.js'
import { expectApiError } from './support/expect-api-error.js'

// Faults on demand, without HTTP (docs/toolkit.md).
const endpoint = (path: string, method_name: string) => ({ path, method_name, verbs: ['GET'], call: () => ({}) })
const object = { endpoints: [endpoint('users/login', 'loginUser'), endpoint('users/query', 'queryUsers')] } as unknown as AnyMockObject
const router = new Router([object])
const routeOf = (path: string) => router.match(path)!.endpoint

function faultsAt(start = Date.UTC(2024, 0, 1)) {
  const clock = { at: start, now: () => new Date(clock.at) }
  return { faults: new Faults(router, clock), clock }
}

describe('Faults', () => {
  it('acts on the next `times` calls of its endpoint and key, then is gone', () => {
    const { faults } = faultsAt()
    const added = faults.add({ key: 'K', method_name: 'loginUser', times: 2, error: { code: 503, message: 'Down' } })
    expect(added).toMatchObject({ id: 'fault-1', key: 'K', path: 'users/login', remaining: 2, error: { code: 503, message: 'Down' } })
    expect(faults.take('OTHER', 'users/login', routeOf('users/login'))).toBeUndefined()
    expect(faults.take('K', 'users/query', routeOf('users/query'))).toBeUndefined()
    expect(faults.take('K', 'users/login', routeOf('users/login'))?.remaining).toBe(1)
    expect(faults.take('K', 'users/login', routeOf('users/login'))?.remaining).toBe(0)
    expect(faults.take('K', 'users/login', routeOf('users/login'))).toBeUndefined()
    expect(faults.list()).toEqual([])
  })

  it('without a key hits every key; the oldest matching fault acts first', () => {
    const { faults } = faultsAt()
    faults.add({ path: '/v1/users/login.json', delay: 5 })
    faults.add({ key: 'K', path: 'users/login', drop: true })
    expect(faults.take('ANY', 'users/login', routeOf('users/login'))).toMatchObject({ id: 'fault-1', key: null, delay: 5 })
    expect(faults.take('K', 'users/login', routeOf('users/login'))).toMatchObject({ id: 'fault-2', drop: true })
  })

  it('expires after its ttl on the given clock, used up or not', () => {
    const { faults, clock } = faultsAt()
    faults.add({ path: 'users/query', times: 5, ttl: 1000, delay: 1 })
    expect(faults.list()[0]?.expires_at).toBe('2024-01-01T00:00:01.000Z')
    clock.at += 999
    expect(faults.take('K', 'users/query', routeOf('users/query'))).toBeDefined()
    clock.at += 1
    expect(faults.take('K', 'users/query', routeOf('users/query'))).toBeUndefined()
    expect(faults.list()).toEqual([])
  })

  it('lists and clears by exact key', () => {
    const { faults } = faultsAt()
    faults.add({ key: 'A', path: 'users/login', delay: 1 })
    faults.add({ key: 'B', path: 'users/login', delay: 1 })
    faults.add({ path: 'users/login', delay: 1 })
    expect(faults.list('A').map((fault) => fault.id)).toEqual(['fault-1'])
    expect(faults.clear('A')).toBe(1)
    expect(faults.list().map((fault) => fault.id)).toEqual(['fault-2', 'fault-3'])
    expect(faults.clear()).toBe(2)
  })

  it('reads values as a form sends them: digit strings, error as JSON text, drop as a word', () => {
    const { faults } = faultsAt()
    expect(faults.add({ path: 'users/login', times: '3', error: '{"code":"500"}' })).toMatchObject({
      remaining: 3,
      error: { code: 500, message: 'Injected fault.' },
    })
    expect(faults.add({ path: 'users/login', drop: 'true', delay: '0' })).toMatchObject({ drop: true, delay: 0 })
  })

  it('refuses bad specs with a 400 naming the field', () => {
    const { faults } = faultsAt()
    expectApiError(() => faults.add({ method_name: 'logInUser', drop: true }), 400, /^Invalid method_name parameter: unknown method_name "logInUser"; known: loginUser, queryUsers$/)
    expectApiError(() => faults.add({ path: 'users/fly', drop: true }), 400, /^Invalid path parameter: no endpoint at "users\/fly"/)
    expectApiError(() => faults.add({ drop: true }), 400, /by method_name \(loginUser\) or by path \(users\/login\): give exactly one$/)
    expectApiError(() => faults.add({ method_name: 'loginUser', path: 'users/login', drop: true }), 400, /give exactly one$/)
    expectApiError(() => faults.add({ path: 'users/login', times: -1, drop: true }), 400, 'Invalid times parameter: must be a whole number of 1 or more, got -1')
    expectApiError(() => faults.add({ path: 'users/login', times: 0, drop: true }), 400, /^Invalid times parameter/)
    expectApiError(() => faults.add({ path: 'users/login', delay: -5 }), 400, 'Invalid delay parameter: must be a whole number from 0 to 60000, got -5')
    expectApiError(() => faults.add({ path: 'users/login', error: { code: 200 } }), 400, /^Invalid error.code parameter: must be a whole number from 400 to 599/)
    expectApiError(() => faults.add({ path: 'users/login', error: { message: 'x' } }), 400, /^Invalid error.code parameter: is required/)
    expectApiError(() => faults.add({ path: 'users/login', error: { code: 500, reason: 'x' } }), 400, /unknown field "reason"/)
    expectApiError(() => faults.add({ path: 'users/login', error: '{code' }), 400, /^Invalid error parameter: not valid JSON/)
    expectApiError(() => faults.add({ path: 'users/login', drop: 'maybe' }), 400, 'Invalid drop parameter: must be true or false, got "maybe"')
    expectApiError(() => faults.add({ path: 'users/login' }), 400, /^A fault needs something to do/)
    expectApiError(() => faults.add({ path: 'users/login', drop: true, error: { code: 500 } }), 400, /cannot both fail the call \(error\) and drop it/)
    expectApiError(() => faults.add({ path: 'users/login', drop: true, tims: 2 }), 400, /^Unknown fault field "tims"; the fields are key, method_name/)
    expect(faults.list()).toEqual([])
  })
})
