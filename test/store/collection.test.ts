import { describe, expect, it } from 'vitest'
import { Collection } from '../../src/store/collection.js'
import type { StoredRecord } from '../../src/store/stored-record.js'
import { dataSetOver } from '../support/data-set-over.js'

/** A collection's lookups of an id as a client sends it. */
describe('Collection.byIdAsSent', () => {
  const at = '2026-01-01T00:00:00.000Z'
  const record: StoredRecord = { id: '5f00000000000000000000aa', created_at: at, updated_at: at }
  const collection = new Collection<StoredRecord>(dataSetOver({ data: { collections: { things: [record] }, sessions: {}, tokens: {}, outbox: [] } as never }), 'things')

  it('finds the record by its id in any case', () => {
    expect(collection.byIdAsSent('5f00000000000000000000aa')).toBe(record)
    expect(collection.byIdAsSent('5F00000000000000000000AA')).toBe(record)
  })

  it('finds none for an unknown or a malformed id', () => {
    expect(['5f00000000000000000000ab', '', 'nope', '5f00000000000000000000aa0', ' 5f00000000000000000000aa'].map((id) => collection.byIdAsSent(id))).toEqual([undefined, undefined, undefined, undefined, undefined])
  })
})
