import { createHash } from 'node:crypto'
import type { QueryDoc } from '../../engine/query-run.js'
import { queryCustomFields } from '../../engine/custom-dates.js'
import { perRecord } from '../../store/per-record.js'
import type { StoredRecord } from '../../store/stored-record.js'
import type { Occurrence } from './occurrences.js'
import type { EventRecord } from './record.js'

/**
 * The document a `where` or `order` sees for an event (docs/events.md "Queries"), without its
 * place's location: custom fields by bare name (dates as `Date`s), then the predefined `id`/`_id`,
 * `name`, `user_id`, `place_id`, `details`, `duration`, `recurring`, `tags_array`, `start_time`,
 * `num_occurences`, `created_at`, `updated_at`, which win. Cached per record: read it, never change it.
 */
const baseDoc = perRecord((record: EventRecord): Record<string, unknown> => {
  const built = queryCustomFields(record.custom_fields)
  built.id = record.id
  built._id = record.id
  built.name = record.name
  built.user_id = record.user_id
  for (const name of ['place_id', 'details', 'duration', 'recurring'] as const) if (record[name] !== undefined) built[name] = record[name]
  if (record.tags !== undefined) built.tags_array = [...record.tags]
  built.start_time = new Date(record.start_time)
  built.created_at = new Date(record.created_at)
  built.updated_at = new Date(record.updated_at)
  return built
})

/**
 * An event's query document: {@link baseDoc} with `num_occurences` and `lnglat`, its place's
 * `[longitude, latitude]` now (the place may move or go).
 */
export function eventQueryDoc(record: EventRecord, occurrences: number, lnglat: readonly [number, number] | undefined): QueryDoc {
  return { ...baseDoc(record), num_occurences: occurrences, ...(lnglat !== undefined && { lnglat }) }
}

/** An occurrence as a query runs over it: its id and dates (the event's), the occurrence and its event. */
export interface OccurrenceRow extends StoredRecord {
  readonly occurrence: Occurrence
  readonly event: EventRecord
}

/** A stable 24-hex id for the `index`-th occurrence of event `eventId`: the same at every read. */
export const occurrenceId = (eventId: string, index: number): string => createHash('md5').update(`${eventId}:${index}`).digest('hex').slice(0, 24)

/**
 * The document a `where` or `order` sees for an occurrence (docs/events.md "Occurrences"): its
 * `id`/`_id`, `start_time` and `end_time`, and its event's `event_id`, `name`, `user_id`,
 * `place_id`, `tags_array` and `lnglat`.
 */
export function occurrenceQueryDoc(row: OccurrenceRow, lnglat: readonly [number, number] | undefined): QueryDoc {
  const { event, occurrence } = row
  return {
    id: row.id,
    _id: row.id,
    event_id: event.id,
    name: event.name,
    user_id: event.user_id,
    ...(event.place_id !== undefined && { place_id: event.place_id }),
    ...(event.tags !== undefined && { tags_array: [...event.tags] }),
    start_time: new Date(occurrence.start_time),
    end_time: new Date(occurrence.end_time),
    ...(lnglat !== undefined && { lnglat }),
  }
}
