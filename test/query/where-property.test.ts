import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileWhere } from '../../src/query/where.js'

/**
 * Property: for generated users and generated `where`s over the operators a
 * `where` may use, compileWhere picks exactly the users a small reference
 * evaluator picks. The reference is written here from MongoDB's documented
 * rules (docs/api.md "Queries"), independently of mingo and of
 * src/query, so the engine's corners are explored rather than guessed.
 *
 * Fields are top-level or dotted paths (`a.x`, `b.0`, `c.y.x`) into
 * generated documents and arrays of documents. Generated arrays hold
 * scalars and documents, not arrays: how MongoDB treats nested arrays is
 * pinned by mongodb-divergences.test.ts instead.
 */

type Doc = Record<string, unknown>

const RUNS = 1000

// ---------------------------------------------------------------- reference

const TYPE_ORDER = ['null', 'number', 'string', 'object', 'array', 'boolean', 'date'] as const

function typeOf(v: unknown): (typeof TYPE_ORDER)[number] {
  if (v === null || v === undefined) return 'null'
  if (Array.isArray(v)) return 'array'
  if (v instanceof Date) return 'date'
  if (typeof v === 'object') return 'object'
  return typeof v as 'number' | 'string' | 'boolean'
}

const codePoints = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!)

/** MongoDB's order of two values: type order first, then by value. */
function cmp(a: unknown, b: unknown): number {
  const ta = TYPE_ORDER.indexOf(typeOf(a))
  const tb = TYPE_ORDER.indexOf(typeOf(b))
  if (ta !== tb) return ta < tb ? -1 : 1
  switch (typeOf(a)) {
    case 'null':
      return 0
    case 'number':
    case 'boolean':
      return Math.sign(Number(a) - Number(b))
    case 'date':
      return Math.sign((a as Date).getTime() - (b as Date).getTime())
    case 'string':
      return lexicographic(codePoints(a as string), codePoints(b as string), (x, y) => Math.sign(x - y))
    case 'array':
      return lexicographic(a as unknown[], b as unknown[], cmp)
    case 'object': {
      // pair by pair: value type, then key, then value
      const pairs = (o: object) => Object.entries(o)
      return lexicographic(pairs(a as object), pairs(b as object), ([ka, va], [kb, vb]) => {
        const byType = Math.sign(TYPE_ORDER.indexOf(typeOf(va)) - TYPE_ORDER.indexOf(typeOf(vb)))
        return byType || cmp(ka, kb) || cmp(va, vb)
      })
    }
  }
}

function lexicographic<T>(a: readonly T[], b: readonly T[], by: (x: T, y: T) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = by(a[i]!, b[i]!)
    if (order !== 0) return order
  }
  return Math.sign(a.length - b.length)
}

/** A custom-field date string in a where is a date (docs/api.md "Custom fields"). */
const asOperand = (q: unknown): unknown =>
  typeof q === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+0000$/.test(q) ? new Date(q.replace(' ', 'T').replace('+0000', 'Z')) : q

/** What a path reaches: its values, whether a branch ended missing, and which values are tried whole. */
interface Reached {
  values: unknown[]
  missing: boolean
  /** Per value: tried only as it is (an array reached by an index, or an `$elemMatch` element). */
  whole: boolean[]
}

const isDoc = (v: unknown): v is Doc => typeOf(v) === 'object'

/**
 * MongoDB's reading of a dotted path: by name through documents; through an
 * array, a name reaches that field of each document element and a numeric name
 * also the element at that index, which is then tried only as it is
 * (jstests/core/query/match_numeric_components.js). A document lacking the
 * name, a scalar mid-path or an index past the end is "missing"; a scalar
 * inside an array is skipped. A root that is an array (an `$elemMatch`
 * element) is read as a document keyed by index.
 */
function reach(doc: Doc, path: string): Reached {
  let frontier: Array<[value: unknown, whole: boolean]> = [[doc, false]]
  let missing = false
  path.split('.').forEach((name, depth) => {
    const next: Array<[unknown, boolean]> = []
    const numeric = /^\d+$/.test(name)
    for (const [v] of frontier) {
      if (Array.isArray(v) && depth > 0) {
        if (numeric && Number(name) < v.length) next.push([v[Number(name)], true])
        else if (numeric) missing = true
        for (const item of v.filter(isDoc)) {
          if (Object.hasOwn(item, name)) next.push([item[name], false])
          else missing = true
        }
      } else if (isDoc(v) ? Object.hasOwn(v, name) : Array.isArray(v) && numeric && Number(name) < v.length) {
        next.push([(v as Doc)[name], false])
      } else missing = true
    }
    frontier = next
  })
  return { values: frontier.map(([v]) => v), missing, whole: frontier.map(([, w]) => w) }
}

/** Each value reached, and each element of an array value (unless tried whole). */
const tried = ({ values, whole }: Reached): unknown[] => values.flatMap((v, i) => (Array.isArray(v) && !whole[i] ? [v, ...v] : [v]))

const eq = (r: Reached, q: unknown): boolean => (q === null && r.missing) || tried(r).some((v) => cmp(v, asOperand(q)) === 0)

function range(r: Reached, q: unknown, accept: (order: number) => boolean): boolean {
  if (q === null) return accept(0) && eq(r, null)
  const bound = asOperand(q)
  return tried(r).some((v) => typeOf(v) === typeOf(bound) && accept(cmp(v, bound)))
}

function angle([lng1, lat1]: number[], [lng2, lat2]: number[]): number {
  const rad = Math.PI / 180
  const toVector = (lng: number, lat: number) => [
    Math.cos(lat * rad) * Math.cos(lng * rad),
    Math.cos(lat * rad) * Math.sin(lng * rad),
    Math.sin(lat * rad),
  ]
  const [u, v] = [toVector(lng1!, lat1!), toVector(lng2!, lat2!)]
  const dot = u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!
  return Math.acos(Math.min(1, Math.max(-1, dot)))
}

const isPoint = (v: unknown): v is number[] => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number')

/** Whether what a path reaches (or an $elemMatch element, tried whole) passes an operator object. */
function passes(r: Reached, ops: Doc): boolean {
  return Object.entries(ops).every(([op, q]) => {
    switch (op) {
      case '$eq':
        return eq(r, q)
      case '$ne':
        return !eq(r, q)
      case '$lt':
        return range(r, q, (o) => o < 0)
      case '$lte':
        return range(r, q, (o) => o <= 0)
      case '$gt':
        return range(r, q, (o) => o > 0)
      case '$gte':
        return range(r, q, (o) => o >= 0)
      case '$in':
        return (q as unknown[]).some((item) => eq(r, item))
      case '$nin':
        return !(q as unknown[]).some((item) => eq(r, item))
      case '$all':
        return (q as unknown[]).length > 0 && (q as unknown[]).every((item) => eq(r, item))
      case '$exists':
        return r.values.length > 0 === (q !== false && q !== 0 && q !== null)
      case '$size':
        return r.values.some((v) => Array.isArray(v) && v.length === q)
      case '$not':
        return !passes(r, q as Doc)
      case '$regex': {
        const re = new RegExp(q as string, (ops.$options as string | undefined) ?? '')
        return tried(r).some((v) => typeof v === 'string' && re.test(v))
      }
      case '$options':
      case '$maxDistance':
        return true
      case '$nearSphere': {
        const max = ops.$maxDistance as number | undefined
        return r.values.some((value) => {
          const points = isPoint(value) ? [value] : Array.isArray(value) ? value.filter(isPoint) : []
          return points.some((p) => max === undefined || angle(p, q as number[]) <= max)
        })
      }
      case '$elemMatch': {
        const criteria = q as Doc
        const onElement = Object.keys(criteria).length > 0 && Object.keys(criteria).every((k) => k.startsWith('$') && !['$and', '$or', '$nor'].includes(k))
        const element = (item: unknown): boolean =>
          onElement
            ? passes({ values: [item], missing: false, whole: [true] }, criteria)
            : (isDoc(item) || Array.isArray(item)) && matches(item as Doc, criteria)
        return r.values.some((v) => Array.isArray(v) && v.some(element))
      }
      default:
        throw new Error(`reference has no ${op}`)
    }
  })
}

const SEARCHED = ['first_name', 'last_name', 'email', 'username', 'tags']

/** Every word of the search is, case-insensitively, a whole word of a searched field. */
function textMatches(doc: Doc, search: string): boolean {
  const texts = SEARCHED.flatMap((f) => (Object.hasOwn(doc, f) ? [doc[f]].flat() : [])).filter((t): t is string => typeof t === 'string')
  const words = new Set(texts.flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u)))
  return search.split(' ').every((word) => words.has(word.toLowerCase()))
}

/** The reference: whether a doc matches a where. */
function matches(doc: Doc, where: Doc): boolean {
  return Object.entries(where).every(([key, cond]) => {
    if (key === '$and') return (cond as Doc[]).every((w) => matches(doc, w))
    if (key === '$or') return (cond as Doc[]).some((w) => matches(doc, w))
    if (key === '$nor') return !(cond as Doc[]).some((w) => matches(doc, w))
    if (key === '$text') return textMatches(doc, (cond as { $search: string }).$search)
    const isOps = typeof cond === 'object' && cond !== null && !Array.isArray(cond) && Object.keys(cond).some((k) => k.startsWith('$'))
    return isOps ? passes(reach(doc, key), cond as Doc) : eq(reach(doc, key), cond)
  })
}

// ---------------------------------------------------------------- generators

const FIELDS = ['a', 'b', 'c', 'a.x', 'b.0', 'c.y.x', 'a.0.x', 'c.1'] as const
const DATES = ['2020-01-01 00:00:00+0000', '2020-01-02 00:00:00+0000', '2020-01-03 00:00:00+0000']

const scalar = fc.oneof(
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom(0.5, -1.5),
  fc.constantFrom('', 'a', 'ab', 'b', 'B', '\u{1F600}', '\uFF21'),
  fc.boolean(),
)
const storedScalar = fc.oneof(scalar, fc.constant(null), fc.constantFrom(...DATES).map(asOperand))
const smallDoc = fc.oneof(
  fc.record({ x: scalar }),
  fc.record({ x: scalar, y: scalar }),
  fc.record({ y: scalar, x: scalar }),
)
const deepDoc = fc.record({ y: fc.oneof(scalar, smallDoc, fc.array(smallDoc, { maxLength: 2 })) })
// A document keyed "0" and a nested array: a numeric path component reaches both (index and field name).
const indexedDoc = fc.record({ '0': scalar })
const element = fc.oneof(
  { weight: 4, arbitrary: storedScalar },
  { weight: 1, arbitrary: smallDoc },
  { weight: 1, arbitrary: deepDoc },
  { weight: 1, arbitrary: indexedDoc },
  { weight: 1, arbitrary: fc.array(fc.oneof(scalar, smallDoc), { maxLength: 2 }) },
)
const storedValue = fc.oneof(
  { weight: 4, arbitrary: storedScalar },
  { weight: 3, arbitrary: fc.array(element, { maxLength: 3 }) },
  { weight: 1, arbitrary: smallDoc },
  { weight: 1, arbitrary: deepDoc },
)
const point = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }))

const user = fc.record(
  {
    a: storedValue,
    b: storedValue,
    c: storedValue,
    username: fc.constantFrom('golfer', 'Skier', 'ann', 'bob'),
    tags: fc.array(fc.constantFrom('golf', 'ski', 'snow'), { maxLength: 2 }),
    coordinates: fc.oneof(point.map((p) => [...p]), fc.array(point.map((p) => [...p]), { maxLength: 2 })),
  },
  { requiredKeys: ['username'] },
)

const queryValue = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(...DATES) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) },
  { weight: 1, arbitrary: smallDoc },
)
const list = fc.array(queryValue, { maxLength: 3 })

const comparison = fc.oneof(
  fc.record({ $eq: queryValue }),
  fc.record({ $ne: queryValue }),
  fc.record({ $lt: queryValue }),
  fc.record({ $lte: queryValue }),
  fc.record({ $gt: queryValue }),
  fc.record({ $gte: queryValue }),
  fc.record({ $gt: queryValue, $lt: queryValue }),
  fc.record({ $in: list }),
  fc.record({ $nin: list }),
  fc.record({ $all: fc.array(queryValue, { minLength: 0, maxLength: 2 }) }),
  fc.record({ $exists: fc.constantFrom(true, false, 0, 1, null, '') }),
  fc.record({ $size: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ $regex: fc.constantFrom('^a', '^b', '^ab$', '^A') }),
  fc.record({ $regex: fc.constantFrom('^a', '^b'), $options: fc.constant('i') }),
)
const operators = fc.oneof(
  { weight: 6, arbitrary: comparison },
  { weight: 1, arbitrary: comparison.map((c) => ({ $not: c })) },
  { weight: 1, arbitrary: comparison.map((c) => ({ $elemMatch: c })) },
  { weight: 1, arbitrary: fc.record({ x: queryValue }).map((d) => ({ $elemMatch: d })) },
)
const fieldCondition = fc.tuple(fc.constantFrom(...FIELDS), fc.oneof({ weight: 3, arbitrary: operators }, { weight: 1, arbitrary: queryValue }))

const { where } = fc.letrec<{ where: Doc }>((tie) => ({
  where: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(fieldCondition, { minLength: 1, maxLength: 2 }).map((pairs) => Object.fromEntries(pairs) as Doc),
    fc.record({ $or: fc.array(tie('where'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ $and: fc.array(tie('where'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ $nor: fc.array(tie('where'), { minLength: 1, maxLength: 2 }) }),
    fc.record({
      coordinates: fc.record({
        $nearSphere: point.map((p) => [...p]),
        $maxDistance: fc.constantFrom(0.01, 0.03, 0.05, 0.08),
      }),
    }),
  ),
}))

/** `$text` stands at the top level only (docs/users.md "Search"). */
const topWhere = fc
  .tuple(where, fc.option(fc.constantFrom('golf', 'ski', 'an', 'golf sk'), { freq: 4 }))
  .map(([rest, search]) => (search === null ? rest : { $text: { $search: search }, ...rest }))

/**
 * MongoDB's placement rule for a geo sort: one `$nearSphere` at most, on a field at the top level, in an
 * `$and` or in an `$or` of one clause, and never with `$text`; anything else is refused.
 */
function geoRefused(where: Doc): boolean {
  let count = 0
  let misplaced = false
  const walk = (doc: Doc, sorting: boolean): void => {
    for (const [key, value] of Object.entries(doc)) {
      if (key === '$and' || key === '$or' || key === '$nor') {
        const clauses = value as Doc[]
        for (const clause of clauses) walk(clause, sorting && (key === '$and' || (key === '$or' && clauses.length === 1)))
      } else if (key !== '$text' && typeof value === 'object' && value !== null && '$nearSphere' in value) {
        count++
        if (!sorting) misplaced = true
      }
    }
  }
  walk(where, true)
  return count > 1 || misplaced || (count === 1 && '$text' in where)
}

// ---------------------------------------------------------------- property

describe('where, compared with a reference evaluator of MongoDB rules', () => {
  it(`picks the same users as the reference on ${RUNS} generated wheres over generated users`, () => {
    let runs = 0
    fc.assert(
      fc.property(fc.array(user, { minLength: 1, maxLength: 8 }), topWhere, (users, condition) => {
        runs++
        const docs = users.map((u, i) => ({ id: `u${i}`, _id: `u${i}`, ...u }) as Doc)
        if (geoRefused(condition)) {
          expect(() => compileWhere(JSON.stringify(condition))).toThrow(/^Invalid where parameter: .*\$nearSphere/)
          return
        }
        const match = compileWhere(JSON.stringify(condition))!
        const actual = docs.filter((d) => match(d)).map((d) => d.id)
        const expected = docs.filter((d) => matches(d, condition)).map((d) => d.id)
        expect(actual).toEqual(expected)
      }),
      { numRuns: RUNS },
    )
    expect(runs).toBeGreaterThanOrEqual(RUNS)
  })
})
