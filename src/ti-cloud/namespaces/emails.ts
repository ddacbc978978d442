import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Emails` (docs/emails.md): `send` fills an email template in and records the mail in the
 * outbox (`custom_mailer/email_from_template`); ti.cloud has no template calls.
 */
export const Emails = {
  send: { verb: 'POST', path: 'custom_mailer/email_from_template.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Emails` as a type: each method of {@link Emails} with the arguments its shape takes. */
export type CloudEmails = Calls<typeof Emails>
