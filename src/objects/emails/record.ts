import { storedRecordProblem } from '../../store/db.js'
import type { StoredRecord } from '../../store/stored-record.js'

/** The name of the email templates' collection in a data set. */
export const EMAIL_TEMPLATES = 'email_templates'

/**
 * One stored email template (docs/emails.md "Templates"): a unique `name`, a `subject`, and at
 * least one of an HTML `body` and a `plain_body`, each with `{{placeholder}}`s.
 */
export interface EmailTemplateRecord extends StoredRecord {
  readonly name: string
  readonly subject: string
  readonly body?: string
  readonly plain_body?: string
}

/** The unique keys of a stored template besides its id, for the Collection's index. */
export const templateKeys = (record: EmailTemplateRecord) => ({ name: record.name })

/**
 * What makes a stored template (from a data file or an import) unusable, as `field is missing or
 * malformed`, or undefined.
 */
export function emailTemplateRecordProblem(record: unknown): string | undefined {
  const base = storedRecordProblem(record)
  if (base !== undefined) return base
  const template = record as Record<string, unknown>
  const optionalText = (value: unknown) => value === undefined || typeof value === 'string'
  const field =
    typeof template.name !== 'string' || template.name === ''
      ? 'name'
      : typeof template.subject !== 'string'
        ? 'subject'
        : !optionalText(template.body) || (template.body === undefined && template.plain_body === undefined)
          ? 'body'
          : !optionalText(template.plain_body)
            ? 'plain_body'
            : undefined
  return field === undefined ? undefined : `${field} is missing or malformed`
}
