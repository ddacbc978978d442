/**
 * `make` remembered per stored record: made on the first call for a record, then given back.
 * Stored records are values (a write replaces a record, never changes one), so what is made from
 * one can never go stale, and goes with the record when no data set holds it any more. Used for
 * the query documents and wire forms every object builds from its records.
 *
 * @example
 * export const toQueryDoc = perRecord((record: FileRecord): QueryDoc => ({ id: record.id }))
 */
export function perRecord<R extends object, V>(make: (record: R) => V): (record: R) => V {
  const made = new WeakMap<R, V>()
  return (record) => {
    let value = made.get(record)
    if (value === undefined) {
      value = make(record)
      made.set(record, value)
    }
    return value
  }
}
