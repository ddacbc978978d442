import { badPrimaryPhoto } from '../../engine/primary-photo.js'
import { isPlainObject, FORBIDDEN_KEYS } from '../../json.js'
import { isObjectId } from '../../ids.js'
import { recordCheck } from '../../store/db.js'

const OPTIONAL_TEXT_FIELDS = ['username', 'email', 'first_name', 'last_name', 'role'] as const

/**
 * What makes a stored user (from a data file or an import) unusable: the first field the API
 * could not render or match, as `field is missing or malformed`, or undefined.
 */
export const userRecordProblem = recordCheck(userFieldProblem)

function userFieldProblem(user: Record<string, unknown>): string | undefined {
  if (user.confirmed_at !== undefined && (typeof user.confirmed_at !== 'string' || Number.isNaN(Date.parse(user.confirmed_at)))) {
    return 'confirmed_at'
  }
  if (typeof user.password_hash !== 'string') return 'password_hash'
  if (typeof user.admin !== 'boolean') return 'admin'
  const text = OPTIONAL_TEXT_FIELDS.find((field) => user[field] !== undefined && typeof user[field] !== 'string')
  if (text !== undefined) return text
  const tags = user.tags
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))) return 'tags'
  // A custom field is a property of the query document: __proto__ would set its prototype.
  if (!isPlainObject(user.custom_fields) || Object.keys(user.custom_fields).some((name) => FORBIDDEN_KEYS.has(name))) {
    return 'custom_fields'
  }
  if (!Array.isArray(user.external_accounts) || !user.external_accounts.every(isExternalAccount)) return 'external_accounts'
  if (badPrimaryPhoto(user.photo)) return 'photo'
  if (user.acl_id !== undefined && !(typeof user.acl_id === 'string' && isObjectId(user.acl_id))) return 'acl_id'
  return undefined
}

function isExternalAccount(account: unknown): boolean {
  return isPlainObject(account) && ['external_id', 'external_type', 'token'].every((field) => typeof account[field] === 'string')
}
