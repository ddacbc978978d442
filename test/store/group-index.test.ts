import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { copyAppData } from '../../src/data-sets.js'
import { Collection } from '../../src/store/collection.js'
import type { AppData } from '../../src/store/db.js'
import type { StoredRecord } from '../../src/store/stored-record.js'
import { dataSetOver } from '../support/data-set-over.js'

/**
 * A grouped collection's groups give the same answers as a scan: generated runs of inserts,
 * replaces that move a record to another group, removals, resets to a baseline and records pushed
 * past the collection (as a seed does), every group compared with a scan after each step.
 */

interface Tagged extends StoredRecord {
  readonly group: string
}

const GROUPS = ['a', 'b', 'c'] as const
const groupOf = (record: Tagged): string => record.group

type Step =
  | { kind: 'insert'; group: string }
  | { kind: 'move'; pick: number; group: string }
  | { kind: 'remove'; picks: number[] }
  | { kind: 'reset' }
  | { kind: 'push'; group: string }

const group = fc.constantFrom(...GROUPS)
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), group }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), group }),
  fc.record({ kind: fc.constant('remove' as const), picks: fc.array(fc.nat(), { maxLength: 3 }) }),
  fc.constant({ kind: 'reset' as const }),
  fc.record({ kind: fc.constant('push' as const), group }),
)

describe('group index', () => {
  it('answers every group as a scan does after any run of writes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let n = 0
        const record = (of: string): Tagged => {
          n++
          const id = n.toString(16).padStart(24, '0')
          return { id, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', group: of }
        }
        const baseline: AppData = copyAppData({ collections: { tagged: [record('a'), record('b')] } })
        const holder = { data: copyAppData(baseline) }
        const tagged = new Collection<Tagged>(dataSetOver(holder), 'tagged', undefined, groupOf)
        for (const next of steps) {
          const all = tagged.all()
          if (next.kind === 'insert') tagged.insert(record(next.group))
          else if (next.kind === 'move' && all.length > 0) tagged.change(all[next.pick % all.length]!, { group: next.group })
          else if (next.kind === 'remove' && all.length > 0) tagged.remove(new Set(next.picks.map((pick) => all[pick % all.length]!.id)))
          else if (next.kind === 'reset') holder.data = copyAppData(baseline)
          else if (next.kind === 'push') (holder.data.collections.tagged as Tagged[]).push(record(next.group))
          for (const name of GROUPS) {
            const scanned = tagged.all().filter((each) => each.group === name).map((each) => each.id).sort()
            expect([...tagged.group(name)].map((each) => each.id).sort(), name).toEqual(scanned)
          }
        }
      }),
      { numRuns: 200 },
    )
  })

  it('a collection made without a grouping has empty groups', () => {
    const holder = { data: copyAppData({ collections: { tagged: [] } }) }
    const plain = new Collection<Tagged>(dataSetOver(holder), 'tagged')
    plain.insert({ id: '1'.padStart(24, '0'), created_at: '', updated_at: '', group: 'a' })
    expect(plain.group('a').size).toBe(0)
  })
})
