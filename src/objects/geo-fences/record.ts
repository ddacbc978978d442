import { isObjectId } from '../../ids.js'
import { storedRecordProblem } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The name of the geo-fences' collection in a data set. */
export const GEO_FENCES = 'geo_fences'

/**
 * One stored geo-fence (docs/geo-fences.md "Fences"): `loc` and `payload` exactly as sent (JSON
 * values), the active window as ISO dates, and the admin who created it.
 */
export interface GeoFenceRecord extends StoredRecord {
  readonly loc: unknown
  readonly payload: unknown
  readonly start_time?: string
  readonly end_time?: string
  readonly user_id: string
}

/** What makes a stored fence (from a data file or an import) unusable, or undefined. */
export function geoFenceRecordProblem(record: unknown): string | undefined {
  const base = storedRecordProblem(record)
  if (base !== undefined) return base
  const fence = record as Record<string, unknown>
  const isDate = (value: unknown) => value === undefined || (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
  const field =
    fence.loc === undefined
      ? 'loc'
      : !Object.hasOwn(fence, 'payload')
        ? 'payload'
        : !isDate(fence.start_time)
          ? 'start_time'
          : !isDate(fence.end_time)
            ? 'end_time'
            : typeof fence.user_id !== 'string' || !isObjectId(fence.user_id)
              ? 'user_id'
              : undefined
  return field === undefined ? undefined : `${field} is missing or malformed`
}
