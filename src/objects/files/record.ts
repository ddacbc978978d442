import { isObjectId } from '../../ids.js'
import { recordCheck } from '../../store/db.js'
import { badCustomFields, badOptionalId } from '../../store/record-fields.js'
import { processingProblem, type ProcessableRecord } from '../../engine/processing.js'

/**
 * A file as mock-cloud stores it (docs/files.md "Replies" for what a client sees): its owner's
 * id, its name, and either the uploaded bytes (base64, so the data file and an export keep them)
 * with the part's Content-Type, or the remote `url` it was created from (never fetched).
 * Dates are ISO 8601 UTC strings; `unprocessed: true` while the `processing` setting holds it
 * (docs/app-settings.md "processing").
 */
export interface FileRecord extends ProcessableRecord {
  readonly user_id: string
  readonly name: string
  /** The uploaded bytes as base64; absent for a file made from a remote `url`. */
  readonly data?: string
  /** The uploaded part's Content-Type (`application/octet-stream` when it gave none). */
  readonly content_type?: string
  /** The remote URL the file was created from (docs/files.md "Remote url"); absent for an upload. */
  readonly source_url?: string
  readonly custom_fields: Readonly<Record<string, unknown>>
  /** The ACL attached with `acl_name` / `acl_id` (docs/acls.md "Access to objects"), if any. */
  readonly acl_id?: string
}

/**
 * What makes a stored file (from a data file or an import) unusable: the first field the API
 * could not render or serve, as `field is missing or malformed`, or undefined.
 */
export const fileRecordProblem = recordCheck(fieldProblem)

function fieldProblem(record: Record<string, unknown>): string | undefined {
  if (typeof record.user_id !== 'string' || !isObjectId(record.user_id)) return 'user_id'
  if (typeof record.name !== 'string') return 'name'
  const optionalText = (['data', 'content_type', 'source_url'] as const).find((name) => record[name] !== undefined && typeof record[name] !== 'string')
  if (optionalText !== undefined) return optionalText
  if ((record.data === undefined) === (record.source_url === undefined)) return 'data'
  if (badOptionalId(record.acl_id)) return 'acl_id'
  if (badCustomFields(record.custom_fields)) return 'custom_fields'
  return processingProblem(record)
}
