import { describe, expect, it } from 'vitest'
import { compileKeywords } from '../../src/query/text.js'

const alice = { username: 'alice', email: 'alice@example.com', first_name: 'Alice', last_name: 'Smith', tags: ['golf', 'snowboarding'], color: 'golf-red' }
const bob = { username: 'bob', email: 'bob@example.com', last_name: 'Test User', tags: ['golf'] }
const carol = { username: 'carol', email: 'carol@example.com', role: 'golf pro' }
const users = [alice, bob, carol]

const search = (q: string): string[] => users.filter(compileKeywords(q)).map((u) => u.username)

describe('compileKeywords', () => {
  it('finds users whose tags contain the keyword (ti.cloud q=golf)', () => {
    expect(search('golf')).toEqual(['alice', 'bob'])
  })

  it('matches a whole word, case-insensitively, never a part of one', () => {
    expect(search('SMITH')).toEqual(['alice'])
    expect(search('SMI')).toEqual([])
    expect(search('snow')).toEqual([])
    expect(search('snowboarding')).toEqual(['alice'])
  })

  it('splits texts into words at every character that is not a letter or digit', () => {
    const dave = { username: 'dave_o.neil-2', email: 'd.o+x@mail.example.org', tags: ['über-cool'], last_name: 'chatuser' }
    const found = (q: string) => compileKeywords(q)(dave)
    for (const q of ['dave', 'neil', '2', 'o', 'x', 'mail', 'org', 'ÜBER', 'cool', 'chatuser']) expect(found(q)).toBe(true)
    for (const q of ['dav', 'user', 'chat', 'exam', 'über-c']) expect(found(q)).toBe(false)
  })

  it('looks at first_name, last_name, email, username and tags only', () => {
    expect(search('user')).toEqual(['bob'])
    expect(search('pro')).toEqual([])
    expect(search('red')).toEqual([])
  })

  it('needs every keyword, separated by spaces, commas or punctuation', () => {
    expect(search('golf alice')).toEqual(['alice'])
    expect(search('golf,bob')).toEqual(['bob'])
    expect(search('bob@example.com')).toEqual(['bob'])
  })

  it('drops users matching a keyword with a leading minus', () => {
    expect(search('golf -snowboarding')).toEqual(['bob'])
  })

  it('keeps a quoted phrase together', () => {
    expect(search('"test user"')).toEqual(['bob'])
    expect(search('"user test"')).toEqual([])
    expect(search('"test use"')).toEqual([])
    expect(search('golf -"test user"')).toEqual(['alice'])
  })

  it('matches everyone for an empty or punctuation-only query', () => {
    expect(search('')).toEqual(['alice', 'bob', 'carol'])
    expect(search(' , ')).toEqual(['alice', 'bob', 'carol'])
  })

  it('matches no one when every keyword is negated, as MongoDB $text does', () => {
    expect(search('-golf')).toEqual([])
  })
})
