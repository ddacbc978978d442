/**
 * MongoDB's comparison of values (its "BSON type comparison order"), for the
 * values a query doc can hold: JSON values and `Date`s. One rule serves
 * `where` (equality, ranges) and `order`, so both answer as MongoDB does
 * (docs/api.md "Queries").
 */

/**
 * Ranks of the types, lowest first, as MongoDB orders them: null (and a
 * missing field) < numbers < strings < objects < arrays < booleans < dates.
 * Values of one rank are "in one type bracket": only they are compared by
 * `$lt`/`$gt`/`$lte`/`$gte`.
 */
const TypeRank = {
  NULL: 1,
  NUMBER: 2,
  STRING: 3,
  OBJECT: 4,
  ARRAY: 5,
  BOOLEAN: 6,
  DATE: 7,
} as const

/**
 * The {@link TypeRank} of a value; `undefined` (a missing field) ranks as null.
 *
 * @example
 * typeRank('35') > typeRank(100) // true: every string sorts after every number
 */
export function typeRank(value: unknown): number {
  if (value === null || value === undefined) return TypeRank.NULL
  if (typeof value === 'number') return TypeRank.NUMBER
  if (typeof value === 'string') return TypeRank.STRING
  if (typeof value === 'boolean') return TypeRank.BOOLEAN
  if (value instanceof Date) return TypeRank.DATE
  if (Array.isArray(value)) return TypeRank.ARRAY
  return TypeRank.OBJECT
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0)

// MongoDB orders strings by their UTF-8 bytes, i.e. by code point; JavaScript's
// `<` compares UTF-16 code units, which puts astral characters before U+E000–U+FFFF.
// Where the first differing UTF-16 units are no surrogates, they order the code points too.
function compareStrings(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length)
  let at = 0
  while (at < shorter && a.charCodeAt(at) === b.charCodeAt(at)) at++
  if (at === shorter) return sign(a.length - b.length)
  const x = a.charCodeAt(at)
  const y = b.charCodeAt(at)
  if (!isSurrogate(x) && !isSurrogate(y)) return sign(x - y)
  return compareCodePoints(a, b)
}

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff

function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a, (ch) => ch.codePointAt(0)!)
  const right = Array.from(b, (ch) => ch.codePointAt(0)!)
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return sign(left[i]! - right[i]!)
  }
  return sign(left.length - right.length)
}

// Arrays compare element by element; a shorter array that is a prefix of the other is less.
function compareArrays(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareValues(a[i], b[i])
    if (order !== 0) return order
  }
  return sign(a.length - b.length)
}

// Embedded documents compare pair by pair in stored order: the value's type,
// then the field name, then the value (MongoDB docs "Objects", DOCS-14025).
// Key order matters, so {a:1,b:2} and {b:2,a:1} are different values.
function compareObjects(a: object, b: object): number {
  const left = Object.entries(a)
  const right = Object.entries(b)
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const [nameA, valueA] = left[i]!
    const [nameB, valueB] = right[i]!
    const order = sign(typeRank(valueA) - typeRank(valueB)) || compareStrings(nameA, nameB) || compareValues(valueA, valueB)
    if (order !== 0) return order
  }
  return sign(left.length - right.length)
}

/**
 * MongoDB's total order over values: by {@link TypeRank}, then within the
 * type: numbers numerically, strings by code point (binary, case-sensitive),
 * booleans false < true, dates by instant, arrays element by element,
 * embedded documents pair by pair in stored order. 0 means equal, and
 * MongoDB's equality is exactly that: `null` equals a missing field,
 * `{"a":1,"b":2}` does not equal `{"b":2,"a":1}`.
 *
 * @returns -1, 0 or 1.
 * @example
 * compareValues('Zebra', 'apple') // -1 (binary order: upper case first)
 * compareValues(null, undefined) // 0
 */
export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a)
  const rankB = typeRank(b)
  if (rankA !== rankB) return sign(rankA - rankB)
  switch (rankA) {
    case TypeRank.NUMBER:
      return sign((a as number) - (b as number))
    case TypeRank.STRING:
      return compareStrings(a as string, b as string)
    case TypeRank.BOOLEAN:
      return sign(Number(a) - Number(b))
    case TypeRank.DATE:
      return sign((a as Date).getTime() - (b as Date).getTime())
    case TypeRank.ARRAY:
      return compareArrays(a as unknown[], b as unknown[])
    case TypeRank.OBJECT:
      return compareObjects(a as object, b as object)
    default:
      return 0
  }
}
