import { isObjectId } from '../../ids.js'
import { storedRecordProblem } from '../../store/db.js'

const isIdList = (value: unknown): boolean => Array.isArray(value) && value.every((id) => typeof id === 'string' && isObjectId(id))

/**
 * What makes a stored ACL (from a data file or an import) unusable: the first bad field, as
 * `field is missing or malformed`, or undefined.
 */
export function aclRecordProblem(record: unknown): string | undefined {
  const base = storedRecordProblem(record)
  if (base !== undefined) return base
  const acl = record as Record<string, unknown>
  const field =
    typeof acl.name !== 'string' || acl.name === '' ? 'name'
    : typeof acl.user_id !== 'string' || !isObjectId(acl.user_id) ? 'user_id'
    : !isIdList(acl.readers) ? 'readers'
    : !isIdList(acl.writers) ? 'writers'
    : typeof acl.public_read !== 'boolean' ? 'public_read'
    : typeof acl.public_write !== 'boolean' ? 'public_write'
    : undefined
  return field === undefined ? undefined : `${field} is missing or malformed`
}
