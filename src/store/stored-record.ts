/**
 * What every stored record of every object has: an id (24 lowercase hex characters, ObjectId
 * layout) and its creation and last-change times (ISO 8601, UTC, with milliseconds), so that a
 * JSON data file round-trips them (docs/api.md "Ids and dates").
 *
 * Stored records are values: a write replaces a record (through its `Collection`), never changes
 * one, because baselines, snapshots and per-record caches share them.
 */
export interface StoredRecord {
  readonly id: string
  readonly created_at: string
  readonly updated_at: string
}
