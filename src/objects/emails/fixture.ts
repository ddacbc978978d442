import type { FixturePart } from '../../engine/fixture-part.js'
import { FixtureError } from '../../fixtures.js'
import { isPlainObject } from '../../json.js'
import { EMAIL_TEMPLATES, type EmailTemplateRecord } from './record.js'

/** One checked `email_templates` entry of a fixture (docs/fixtures.md "Email templates"). */
export interface FixtureEmailTemplate {
  /** Unique in the app key; what `template` names in a send. */
  name: string
  subject: string
  /** The HTML body, with `{{placeholder}}`s. */
  body?: string
  /** The plain-text body, with `{{placeholder}}`s. */
  plain_body?: string
}

const FIELDS = new Set(['name', 'subject', 'body', 'plain_body'])

/** Checks one list of `email_templates` entries. */
function parseEntries(value: unknown, source: string, list: string): FixtureEmailTemplate[] {
  if (!Array.isArray(value)) throw new FixtureError(source, undefined, list, 'must be a list', list)
  const names = new Set<string>()
  return value.map((entry: unknown, index) => {
    const fail = (field: string | undefined, problem: string) => new FixtureError(source, index, field, problem, list)
    if (!isPlainObject(entry)) throw fail(undefined, 'must be an object')
    const unknown = Object.keys(entry).find((field) => !FIELDS.has(field))
    if (unknown !== undefined) throw fail(unknown, 'is not an email template field (name, subject, body, plain_body)')
    const { name, subject, body, plain_body } = entry
    if (typeof name !== 'string' || name.trim() === '') throw fail('name', 'must be a non-empty string')
    if (names.has(name.trim())) throw fail('name', `"${name.trim()}" is already taken`)
    names.add(name.trim())
    if (typeof subject !== 'string' || subject.trim() === '') throw fail('subject', 'must be a non-empty string')
    for (const [field, text] of [['body', body], ['plain_body', plain_body]] as const) {
      if (text !== undefined && (typeof text !== 'string' || text.trim() === '')) throw fail(field, 'must be a non-empty string')
    }
    if (body === undefined && plain_body === undefined) throw fail('body', 'body or plain_body is required')
    return {
      name: name.trim(),
      subject,
      ...(body !== undefined && { body: body as string }),
      ...(plain_body !== undefined && { plain_body: plain_body as string }),
    }
  })
}

/**
 * The email templates' part of a fixture file (docs/fixtures.md "Email templates"):
 * `email_templates` lists of `{ name, subject, body, plain_body }`.
 */
export const emailTemplatesFixture: FixturePart<FixtureEmailTemplate[], typeof EMAIL_TEMPLATES> = {
  key: EMAIL_TEMPLATES,
  parse: parseEntries,
  records: async (entries, context) => {
    const now = context.runtime.now()
    const records = entries.map(
      (entry): EmailTemplateRecord => ({
        id: context.runtime.objectId(now),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        ...entry,
      }),
    )
    return { [EMAIL_TEMPLATES]: records }
  },
  checkClashes: (records, stored, source) => {
    const taken = new Set((stored as EmailTemplateRecord[]).map((template) => template.name))
    ;(records as EmailTemplateRecord[]).forEach((record, index) => {
      if (taken.has(record.name)) throw new FixtureError(source, index, 'name', `"${record.name}" is already taken`, EMAIL_TEMPLATES)
    })
  },
}
