import type { MockObject } from '../../engine/object.js'
import { emailsEndpoints } from './endpoints.js'
import { emailTemplatesFixture } from './fixture.js'
import { EMAIL_TEMPLATES, emailTemplateRecordProblem } from './record.js'
import { EmailsService } from './service.js'

/**
 * The Emails object (docs/emails.md): mails sent from email templates with their placeholders
 * filled in, recorded in the outbox instead of sent, and the templates they use.
 */
export const emails = {
  name: 'emails',
  title: 'Emails',
  segments: ['custom_mailer', 'email_templates'],
  endpoints: emailsEndpoints,
  service: (context) => new EmailsService(context),
  collections: {
    owns: (name) => name === EMAIL_TEMPLATES,
    recordProblem: (record) => emailTemplateRecordProblem(record),
  },
  fixture: emailTemplatesFixture,
} satisfies MockObject<EmailsService>
