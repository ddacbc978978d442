import { describe, expect, it } from 'vitest'
import { parseBoolean } from '../src/param-values.js'

describe('parseBoolean', () => {
  it.each(['true', 't', '1', 'yes', 'TRUE', 'Yes', ' t '])('reads %j as true', (raw) => {
    expect(parseBoolean(raw)).toBe(true)
  })

  it.each(['false', 'f', '0', 'no', 'NO', '', 'maybe', '2'])('reads %j as false', (raw) => {
    expect(parseBoolean(raw)).toBe(false)
  })

  it('treats an absent parameter as false', () => {
    expect(parseBoolean(undefined)).toBe(false)
    expect(parseBoolean(null)).toBe(false)
  })

  it('passes real booleans and the number 1 from a JSON body through', () => {
    expect(parseBoolean(true)).toBe(true)
    expect(parseBoolean(false)).toBe(false)
    expect(parseBoolean(1)).toBe(true)
    expect(parseBoolean(0)).toBe(false)
  })
})
