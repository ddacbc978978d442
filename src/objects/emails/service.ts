import type { CallResult, Caller, ServiceContext } from '../../engine/object.js'
import { runQuery } from '../../engine/query-run.js'
import { signedInAdmin } from '../../engine/su-id.js'
import { invalidObjectId, NAME_PROBLEMS, requiredField } from '../../errors.js'
import { sendMail } from '../../outbox.js'
import { textParam, trimmed, type Params } from '../../param-values.js'
import { Collection } from '../../store/collection.js'
import { isValidEmail } from '../users/email.js'
import { emailErrors } from './errors.js'
import { EMAIL_TEMPLATES, templateKeys, type EmailTemplateRecord } from './record.js'
import { contentTypeOf, fillIn, unfilledPlaceholders, type ContentType } from './render.js'
import { templateQueryDoc, toWireEmailTemplate } from './view.js'

/** The sender of a mail whose call names none (docs/emails.md "The outbox"). */
const DEFAULT_FROM = 'no-reply@mock-cloud.local'
const CONTENT_TYPES: readonly string[] = ['plain', 'html', 'multipart']
/** Parameters of a send that are not placeholder values (docs/emails.md "Sending"). */
const NOT_PLACEHOLDERS = new Set([
  'key',
  'template',
  'recipients',
  'content_type',
  'from',
  '_session_id',
  'session_id',
  'pretty_json',
  'suppress_response_codes',
  'ti_analytics',
])
const SUBJECT_BLANK = "Subject can't be blank"
const NO_BODY = 'Body or plain body is required'

/**
 * The rules of the Emails object (docs/emails.md), one method per endpoint, free of HTTP: sends
 * from a template land, filled in, in the data set's outbox; templates are managed by admins.
 * Every write is stored before the method returns.
 */
export class EmailsService {
  private readonly templates: Collection<EmailTemplateRecord>

  constructor(private readonly context: ServiceContext) {
    this.templates = new Collection(context.dataSet, EMAIL_TEMPLATES, templateKeys)
  }

  /**
   * custom_mailer/email_from_template: fills the template named `template` in with the other
   * parameters and records one mail to every address of `recipients` in the outbox. No login.
   *
   * @throws ApiError 400 `Required field: template` / `recipients`, `Invalid email address: <a>`,
   *   `Invalid content_type: <v>`; 422 `Email is not configured for this application.`,
   *   `Email template '<name>' not found.`, `Email template '<name>' has no <html|plain> body.`.
   */
  async send(params: Params, caller: Caller): Promise<CallResult> {
    const name = trimmed(textParam(params, 'template'))
    if (name === undefined) throw requiredField('template')
    const recipients = (textParam(params, 'recipients') ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter((address) => address !== '')
    if (recipients.length === 0) throw requiredField('recipients')
    const invalid = recipients.find((address) => !isValidEmail(address))
    if (invalid !== undefined) throw emailErrors.invalidAddress(invalid)
    const asked = trimmed(textParam(params, 'content_type'))
    if (asked !== undefined && !CONTENT_TYPES.includes(asked)) throw emailErrors.invalidContentType(asked)
    if (!this.context.settings().emailConfigured) throw emailErrors.notConfigured()
    const template = this.templates.by('name', name)
    if (template === undefined) throw emailErrors.templateNotFound(name)
    const content_type = contentTypeOf(template, asked as ContentType | undefined)
    if (typeof content_type !== 'string') throw emailErrors.missingBody(name, content_type.missing)
    const values = placeholderValues(params)
    const html = content_type === 'plain' ? undefined : template.body!
    const text = content_type === 'html' ? undefined : template.plain_body!
    const sentTexts = [template.subject, html, text].filter((part) => part !== undefined)
    const unfilled = unfilledPlaceholders(sentTexts, values)
    sendMail(this.context.dataSet, {
      kind: 'template',
      template: name,
      from: trimmed(textParam(params, 'from')) ?? DEFAULT_FROM,
      to: recipients,
      subject: fillIn(template.subject, values),
      content_type,
      ...(html !== undefined && { html: fillIn(html, values) }),
      ...(text !== undefined && { text: fillIn(text, values) }),
      params: values,
      ...(unfilled.length > 0 && { unfilled }),
      ...(caller.user !== undefined && { session_user_id: caller.user.id }),
    })
    await this.context.dataSet.write()
    return {}
  }

  /** email_templates/count: every template of the app in `meta.count`; no login. */
  count(): CallResult {
    return { meta: { count: this.templates.size } }
  }

  /**
   * email_templates/create (admins): `name` (unique), `subject`, and `body` (HTML) and/or
   * `plain_body`.
   *
   * @throws ApiError 400 `Failed to authenticate user`, `Failed to create email_template: Validation failed - ...`; 403 for non-admins.
   */
  async create(params: Params, caller: Caller): Promise<CallResult> {
    signedInAdmin(caller)
    const name = trimmed(textParam(params, 'name'))
    if (name === undefined) throw emailErrors.validationFailed('create', NAME_PROBLEMS.blank)
    const subject = textParam(params, 'subject')
    if (subject === undefined || subject.trim() === '') throw emailErrors.validationFailed('create', SUBJECT_BLANK)
    const body = bodyParam(params, 'body')
    const plain_body = bodyParam(params, 'plain_body')
    if (body === undefined && plain_body === undefined) throw emailErrors.validationFailed('create', NO_BODY)
    if (this.templates.by('name', name)) throw emailErrors.validationFailed('create', NAME_PROBLEMS.taken)
    const now = this.context.dataSet.runtime.now()
    const template: EmailTemplateRecord = {
      id: this.context.dataSet.runtime.objectId(now),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      name,
      subject,
      ...(body !== undefined && { body }),
      ...(plain_body !== undefined && { plain_body }),
    }
    this.templates.insert(template)
    await this.context.dataSet.write()
    return { response: { email_templates: [toWireEmailTemplate(template)] } }
  }

  /**
   * email_templates/update (admins): changes the fields sent; `body=""` or `plain_body=""` removes
   * that body as long as the other stays.
   *
   * @throws ApiError 400 as create (`Failed to update email_template: ...`), `Required field: email_template_id`,
   *   `Invalid object id: '<v>'`; 403 for non-admins.
   */
  async update(params: Params, caller: Caller): Promise<CallResult> {
    signedInAdmin(caller)
    const current = this.find(params)
    const name = trimmed(textParam(params, 'name')) ?? current.name
    const sentSubject = textParam(params, 'subject')
    if (sentSubject !== undefined && sentSubject.trim() === '') throw emailErrors.validationFailed('update', SUBJECT_BLANK)
    const next: EmailTemplateRecord = {
      id: current.id,
      created_at: current.created_at,
      updated_at: this.context.dataSet.runtime.now().toISOString(),
      name,
      subject: sentSubject ?? current.subject,
      ...keptBody(params, 'body', current.body),
      ...keptBody(params, 'plain_body', current.plain_body),
    }
    if (next.body === undefined && next.plain_body === undefined) throw emailErrors.validationFailed('update', NO_BODY)
    if (name !== current.name && this.templates.by('name', name)) throw emailErrors.validationFailed('update', NAME_PROBLEMS.taken)
    this.templates.replace(current, next)
    await this.context.dataSet.write()
    return { response: { email_templates: [toWireEmailTemplate(next)] } }
  }

  /**
   * email_templates/show (admins): the template `email_template_id` names.
   *
   * @throws ApiError 400 `Required field: email_template_id`, `Invalid object id: '<v>'`; 403 for non-admins.
   */
  show(params: Params, caller: Caller): CallResult {
    signedInAdmin(caller)
    return { response: { email_templates: [toWireEmailTemplate(this.find(params))] } }
  }

  /** email_templates/delete (admins): removes the template `email_template_id` names. Meta only. */
  async delete(params: Params, caller: Caller): Promise<CallResult> {
    signedInAdmin(caller)
    this.templates.remove(new Set([this.find(params).id]))
    await this.context.dataSet.write()
    return {}
  }

  /** email_templates/query (admins): where/order/sel/paging/count as every query (docs/api.md "Queries"). */
  query(params: Params, caller: Caller): CallResult {
    signedInAdmin(caller)
    const page = runQuery(params, {
      collection: this.templates,
      toQueryDoc: templateQueryDoc,
      whereLimits: this.context.server.whereLimits,
      legacyPaging: () => this.context.settings().legacyPaging,
    })
    return { response: { email_templates: page.records.map((template) => page.select(toWireEmailTemplate(template))) }, meta: page.meta }
  }

  /** The template `email_template_id` names. */
  private find(params: Params): EmailTemplateRecord {
    const id = trimmed(textParam(params, 'email_template_id'))
    if (id === undefined) throw requiredField('email_template_id')
    const template = this.templates.byIdAsSent(id)
    if (template === undefined) throw invalidObjectId(id)
    return template
  }
}

/** A body parameter: its text, undefined when absent or blank. */
function bodyParam(params: Params, name: string): string | undefined {
  const text = textParam(params, name)
  return text === undefined || text.trim() === '' ? undefined : text
}

/** The body an update leaves: the one sent, none for `""`, else the current one. */
function keptBody(params: Params, name: 'body' | 'plain_body', current: string | undefined): Partial<Record<typeof name, string>> {
  const sent = textParam(params, name)
  const kept = sent === undefined ? current : sent.trim() === '' ? undefined : sent
  return kept === undefined ? {} : { [name]: kept }
}

/** The placeholder values of a send: its text parameters but the send's own (docs/emails.md "Sending"). */
function placeholderValues(params: Params): Record<string, string> {
  const values: Record<string, string> = {}
  for (const name of Object.keys(params)) {
    if (NOT_PLACEHOLDERS.has(name)) continue
    const text = textParam(params, name)
    if (text !== undefined) values[name] = text
  }
  return values
}
