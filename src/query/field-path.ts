/**
 * What a field path (`age`, `pet.name`, `scores.0`) reaches in a query doc,
 * as MongoDB walks it (docs/users.md "Queries"); `where` operators and
 * `order` read fields only through here.
 */

/** The values a path reaches, and how its branches ended. */
export interface PathValues {
  values: unknown[]
  /**
   * A branch ended where a document lacks the field or a non-document stands
   * mid-path: `{"a.b": null}` then matches. Scalars met inside an array do
   * not count, nor does an empty array (MongoDB jstests/core/null2.js, the
   * rule before MongoDB 9.0; docs/differences.md).
   */
  missing: boolean
  /** A branch went into an empty array before the path's end (`a.b` on `{"a": []}`); a sort key counts it as null. */
  throughEmpty: boolean
  /**
   * Positions in `values` of arrays reached by an array index (`a.0` on
   * `[[1, 2]]`): such an array is one value, its elements are not tried
   * (jstests/core/query/match_numeric_components.js). Absent when there are none.
   */
  indexed?: Set<number>
}

/** A reader of one path: the values it reaches in a query doc. */
export type PathReader = (doc: Record<string, unknown>) => PathValues

const isDocument = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

const INDEX = /^\d+$/

function walk(value: unknown, names: readonly string[], at: number, out: PathValues, viaIndex: boolean, sortKeys: boolean): void {
  if (at === names.length) {
    if (viaIndex && Array.isArray(value)) (out.indexed ??= new Set()).add(out.values.length)
    out.values.push(value)
    return
  }
  const name = names[at]!
  if (Array.isArray(value)) {
    if (value.length === 0) out.throughEmpty = true
    if (INDEX.test(name)) {
      const index = Number(name)
      if (index < value.length) {
        walk(value[index], names, at + 1, out, true, sortKeys)
        // MongoDB's sort keys take only the element at that index.
        if (sortKeys) return
      } else out.missing = true
    }
    // A field name, a numeric one too (`a.0` on `[{"0": 42}]`), applies to the
    // documents in an array, not to nested arrays or scalars.
    for (const item of value) if (isDocument(item)) walk(item, names, at, out, false, sortKeys)
    return
  }
  // Own fields only: `created_at.getTime` or `constructor` never reach inherited members.
  if (isDocument(value) && Object.hasOwn(value, name)) walk(value[name], names, at + 1, out, false, sortKeys)
  else out.missing = true
}

function reader(names: readonly string[], sortKeys: boolean): PathReader {
  const first = names[0]!
  const firstIndex = INDEX.test(first) ? Number(first) : -1
  return (doc) => {
    const out: PathValues = { values: [], missing: false, throughEmpty: false }
    // An array standing for a document (an `$elemMatch` element) is read as one
    // keyed "0", "1", …: what its index reaches is not a value reached by index.
    if (!Array.isArray(doc)) walk(doc, names, 0, out, false, sortKeys)
    else if (firstIndex >= 0 && firstIndex < doc.length) walk(doc[firstIndex], names, 1, out, false, sortKeys)
    else out.missing = true
    return out
  }
}

/**
 * A reader of one dotted path for `where`, MongoDB style: through documents by
 * field name; through an array, a field name reaches into each document element
 * (`pets.name` reaches every pet's name) and a numeric name (`scores.0`) reaches
 * the element at that index as well as that field of each document element.
 * Made once for a path read from many docs (a `where` over every user): the path
 * is split once, not once per doc.
 *
 * @param path - field names joined by `.`.
 * @returns a function of a query doc (or an `$elemMatch` element) giving every
 *   value reached, in document order, and how the branches ended.
 * @example
 * pathReader('pets.name')({ pets: [{ name: 'Rex' }, {}] }) // { values: ['Rex'], missing: true, … }
 */
export const pathReader = (path: string): PathReader => reader(path.split('.'), false)

/**
 * A reader of one dotted path for `order`: as {@link pathReader}, except that a
 * numeric name on an array long enough reaches only the element at that index,
 * as MongoDB builds sort keys (jstests/core/query/sort/sort_dotted_paths_numeric.js).
 *
 * @param path - field names joined by `.`.
 * @example
 * sortPathReader('a.0.b')({ a: [{ b: 1 }, { c: 2 }] }).missing // false
 */
export const sortPathReader = (path: string): PathReader => reader(path.split('.'), true)

/** A test of one value a condition tries. */
export type ValueTest = (value: unknown) => boolean

function someElement(array: readonly unknown[], test: ValueTest): boolean {
  for (const item of array) if (test(item)) return true
  return false
}

/**
 * Whether `test` passes on some value MongoDB tries a condition on: each value
 * reached and, for an array reached by a field name, each of its elements, but
 * not the elements of nested arrays nor those of an array reached by an index.
 * Stops at the first value that passes. E.g. on `{"a": [1, [2]]}`, path `a`:
 * `[1, [2]]`, `1` and `[2]` are tried, `2` is not.
 */
function someTried({ values, indexed }: PathValues, test: ValueTest): boolean {
  // A loop, not a list of candidates: a `where` runs this on every doc, and lists were its main garbage.
  for (let at = 0; at < values.length; at++) {
    const value = values[at]
    if (test(value)) return true
    if (Array.isArray(value) && indexed?.has(at) !== true && someElement(value, test)) return true
  }
  return false
}

/** Whether some value a condition tries in a doc passes a test ({@link pathTester}). */
export type PathTester = (doc: Record<string, unknown>, test: ValueTest) => boolean

/**
 * A tester of one dotted path for `where` conditions: whether some value the
 * path makes MongoDB try passes `test`, as {@link someTried} over
 * {@link pathReader}'s values. Made once per condition of a `where`.
 *
 * @param path - field names joined by `.`.
 * @example
 * pathTester('pets.name')({ pets: [{ name: 'Rex' }] }, (v) => v === 'Rex') // true
 */
export function pathTester(path: string): PathTester {
  const names = path.split('.')
  const read = reader(names, false)
  return (doc, test) => {
    // Fast path, the common case (scalar custom fields): while only documents stand
    // on the path, it reaches one value or none, read without allocating anything.
    let value: unknown = doc
    for (const name of names) {
      if (!isDocument(value)) return Array.isArray(value) && someTried(read(doc), test)
      if (!Object.hasOwn(value, name)) return false
      value = value[name]
    }
    return test(value) || (Array.isArray(value) && someElement(value, test))
  }
}
