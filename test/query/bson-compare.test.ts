import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareValues } from '../../src/query/bson-compare.js'

/** Strings order by code point, as MongoDB's UTF-8 byte order does (docs/api.md "Queries"). */
const byCodePoint = (a: string, b: string): number => {
  const left = Array.from(a, (ch) => ch.codePointAt(0)!)
  const right = Array.from(b, (ch) => ch.codePointAt(0)!)
  for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) return Math.sign(left[i]! - right[i]!)
  return Math.sign(left.length - right.length)
}

describe('compareValues on strings', () => {
  it('orders astral characters after U+E000–U+FFFF, as code points do', () => {
    expect(compareValues('\u{1F600}', '\uFF01')).toBe(1)
    expect(compareValues('a\uFF01', 'a\u{1F600}')).toBe(-1)
  })

  it('agrees with a code-point comparison on any strings, lone surrogates and shared prefixes included', () => {
    const unit = fc.constantFrom('a', 'b', '\uD800', '\uDC00', '\uDBFF', '\uDFFF', '\uE000', '\uFFFF', '\u{10000}', '\u{1F600}')
    const text = fc.array(unit, { maxLength: 6 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, text, fc.string({ unit: 'binary' }), (a, b, prefix) => {
        expect(compareValues(prefix + a, prefix + b)).toBe(byCodePoint(prefix + a, prefix + b))
      }),
      { numRuns: 2000 },
    )
  })
})
