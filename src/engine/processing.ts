import type { Collection } from '../store/collection.js'
import type { StoredRecord } from '../store/stored-record.js'
import type { AppSettings } from './settings.js'

/**
 * A stored record whose content may wait for processing (Files, Photos): `unprocessed: true`
 * while the `processing` app setting's `manual` mode holds it, absent once processed
 * (docs/app-settings.md "processing"). The mark is part of the record, so resets, snapshots,
 * exports and the data file keep or drop it exactly as they keep or drop the record.
 */
export interface ProcessableRecord extends StoredRecord {
  readonly unprocessed?: true
}

/**
 * What an object whose uploads wait for processing gives the generic test controls
 * (`MockObject.processing`): its records held unprocessed, and their release.
 */
export interface HeldUploads {
  /** The ids of its records held unprocessed, in creation order. */
  held(): string[]
  /**
   * Processes the held records among `ids` (every held record without `ids`), in memory: the
   * caller writes the data set. Ids that are not held are ignored.
   *
   * @returns the ids released, in creation order.
   */
  release(ids?: ReadonlySet<string>): string[]
}

/**
 * An upload held unprocessed (docs/app-settings.md "processing"): its app key, its object's name
 * (`photos`, `files`, as in its URLs) and its id.
 */
export interface UnprocessedUpload {
  key: string
  object: string
  id: string
}

/**
 * The processing of one collection's uploads under the `processing` app setting
 * (docs/app-settings.md "processing"): `instant` stores new content processed (the reply that
 * stored it still says `processed: false`), `manual` stores it held until {@link release}.
 *
 * @example
 * const processing = new Processing(files, () => context.settings())
 * files.insert(processing.stored(record))
 */
export class Processing<R extends ProcessableRecord> implements HeldUploads {
  constructor(
    private readonly collection: Collection<R>,
    private readonly settings: () => AppSettings,
  ) {}

  /** `record`, which holds new content, as it is stored: held under `manual`, processed under `instant`. */
  stored(record: R): R {
    const { unprocessed: _held, ...processed } = record
    return (this.settings().processing === 'manual' ? { ...processed, unprocessed: true } : processed) as R
  }

  held(): string[] {
    return this.collection.scan(isHeld).map((record) => record.id)
  }

  release(ids?: ReadonlySet<string>): string[] {
    const released: string[] = []
    for (const record of this.collection.scan(isHeld)) {
      if (ids !== undefined && !ids.has(record.id)) continue
      const { unprocessed: _held, ...processed } = record
      this.collection.replace(record, processed as R)
      released.push(record.id)
    }
    return released
  }
}

/** Whether a stored record is processed (not held by `manual` processing). */
export function isProcessed(record: ProcessableRecord): boolean {
  return record.unprocessed !== true
}

function isHeld(record: ProcessableRecord): boolean {
  return record.unprocessed === true
}

/** `unprocessed` when a stored record's mark is neither absent nor `true`, for the data file's record checks. */
export function processingProblem(record: Record<string, unknown>): 'unprocessed' | undefined {
  return record.unprocessed === undefined || record.unprocessed === true ? undefined : 'unprocessed'
}
