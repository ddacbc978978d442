import { toWireDate } from '../../dates.js'
import type { QueryDoc } from '../../engine/query-run.js'
import type { EmailTemplateRecord } from './record.js'
import { perRecord } from '../../store/per-record.js'

/** A template as replies show it (docs/emails.md "Templates"); `body`/`plain_body` only when set. */
export type WireEmailTemplate = {
  id: string
  name: string
  subject: string
  body?: string
  plain_body?: string
  created_at: string
  updated_at: string
}

/** The wire form of a stored template. */
export function toWireEmailTemplate(template: EmailTemplateRecord): WireEmailTemplate {
  return {
    id: template.id,
    name: template.name,
    subject: template.subject,
    ...(template.body !== undefined && { body: template.body }),
    ...(template.plain_body !== undefined && { plain_body: template.plain_body }),
    created_at: toWireDate(template.created_at),
    updated_at: toWireDate(template.updated_at),
  }
}

/**
 * What a `where` or `order` of email_templates/query sees (docs/emails.md "Templates"): `id`
 * (also `_id`), `name`, `subject`, `body`, `plain_body`, and the dates as `Date`s. Cached per
 * record and shared: read it, never change it.
 */
export const templateQueryDoc = perRecord((template: EmailTemplateRecord): QueryDoc => {
  return {
    id: template.id,
    _id: template.id,
    name: template.name,
    subject: template.subject,
    ...(template.body !== undefined && { body: template.body }),
    ...(template.plain_body !== undefined && { plain_body: template.plain_body }),
    created_at: new Date(template.created_at),
    updated_at: new Date(template.updated_at),
  }
})
