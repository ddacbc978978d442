/**
 * What a field path (`age`, `pet.name`, `scores.0`) reaches in a query doc,
 * as MongoDB walks it (spec §11 "comparison semantics"); `where` operators
 * and `order` read fields only through here.
 */

/** The values a path reaches, and whether some branch of it ended at a missing field. */
export interface PathValues {
  values: unknown[]
  /**
   * A branch ended where a document lacks the field or a non-document stands
   * mid-path: `{"a.b": null}` then matches. Scalars met inside an array do
   * not count, nor does an empty array (MongoDB jstests/core/null2.js).
   */
  missing: boolean
}

const isDocument = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

const INDEX = /^\d+$/

function walk(value: unknown, names: readonly string[], at: number, out: PathValues): void {
  if (at === names.length) {
    out.values.push(value)
    return
  }
  const name = names[at]!
  if (Array.isArray(value)) {
    if (INDEX.test(name)) {
      const index = Number(name)
      if (index < value.length) walk(value[index], names, at + 1, out)
      else out.missing = true
      return
    }
    // A field name applies to the documents in an array, not to nested arrays or scalars.
    for (const item of value) if (isDocument(item)) walk(item, names, at, out)
    return
  }
  // Own fields only: `created_at.getTime` or `constructor` never reach inherited members.
  if (isDocument(value) && Object.hasOwn(value, name)) walk(value[name], names, at + 1, out)
  else out.missing = true
}

/**
 * A reader of one dotted path, MongoDB style: through documents by field name,
 * through arrays by index (`scores.0`) or, for a field name, into each document
 * element (`pets.name` reaches every pet's name). Made once for a path read from
 * many docs (a `where` or `order` over every user): the path is split once, not
 * once per doc (issue 5).
 *
 * @param path - field names joined by `.`.
 * @returns a function of a query doc (or a document element of an array) giving every
 *   value reached, in document order, and whether a branch ended missing.
 * @example
 * pathReader('pets.name')({ pets: [{ name: 'Rex' }, {}] }) // { values: ['Rex'], missing: true }
 */
export function pathReader(path: string): (doc: Record<string, unknown>) => PathValues {
  const names = path.split('.')
  return (doc) => {
    const out: PathValues = { values: [], missing: false }
    walk(doc, names, 0, out)
    return out
  }
}
