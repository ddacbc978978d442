import type { DataSet } from './data-set.js'
import type { AppData } from './store/db.js'

/**
 * Why a mail was sent: the confirmation of a new address (docs/users.md "Account flows"), a
 * password reset (docs/users.md "Account flows"), `template` on users/create (docs/users.md
 * "Writes"), or `custom_mailer/email_from_template` (`template`, docs/emails.md "The outbox").
 */
export type MailKind = AccountMail['kind'] | TemplateMail['kind']

/**
 * An email the real service would have sent, as one data set keeps it
 * (`AppData.outbox`, oldest first): a mail of the users' account flows or a mail sent from an
 * email template. No mail leaves mock-cloud: it goes to the test outbox (docs/users.md
 * "Account flows", docs/emails.md "The outbox").
 */
export type MailRecord = AccountMail | TemplateMail

/** A mail of the users' account flows, to one user (docs/users.md "Account flows"). */
export interface AccountMail {
  kind: 'confirmation' | 'reset_password' | 'welcome'
  /** The recipient's address. */
  to: string
  /** The id of the user it was sent to. */
  user_id: string
  /** The request's `subject` / `confirmation_subject`, or the default subject (docs/users.md "Account flows"). */
  subject: string
  /** The email template the request named (`template`, `confirmation_template`); absent for the default mail. */
  template?: string
  /** The one-use token in the link (confirmation and reset mails). */
  token?: string
  /** The link (docs/users.md "Account flows") with the app key and the token (confirmation and reset mails). */
  link?: string
  /** When it was sent, ISO 8601 UTC (from the data set's clock). */
  created_at: string
}

/**
 * A mail sent from an email template by `custom_mailer/email_from_template`, filled in: one
 * record per call, whatever the number of recipients (docs/emails.md "The outbox").
 */
export interface TemplateMail {
  kind: 'template'
  /** The template's name. */
  template: string
  /** The `from` parameter, else `no-reply@mock-cloud.local`. */
  from: string
  /** The recipients, trimmed, in the order sent. */
  to: string[]
  /** The template's subject with its placeholders filled in. */
  subject: string
  /** How it was sent (docs/emails.md "Content type"). */
  content_type: 'plain' | 'html' | 'multipart'
  /** The HTML body, filled in (sent as `html` or `multipart`). */
  html?: string
  /** The plain body, filled in (sent as `plain` or `multipart`). */
  text?: string
  /** Every placeholder value the call sent, by name (the other parameters of the call). */
  params: Record<string, string>
  /**
   * The placeholders of the subject and the sent bodies that the call gave no value, so they were
   * filled in empty: each once, in the order they appear; absent when every one had a value.
   */
  unfilled?: string[]
  /** The id of the caller when the call carried a live session. */
  session_user_id?: string
  /** When it was sent, ISO 8601 UTC (from the data set's clock). */
  created_at: string
  /** Account-flow fields a template mail never has: `mail.token` reads on any mail. */
  user_id?: never
  token?: never
  link?: never
}

/** A mail as {@link readOutbox} gives it: with the app key whose data set sent it. */
export type OutboxMail = MailRecord & { key: string }

/** Where the links of the mails point (the community-app forms). */
const SITE = 'https://cloud.appcelerator.com/users'

/**
 * The link a mail carries (docs/users.md "Account flows"): `.../users/confirmation?key=K&confirmation_token=T`
 * or `.../users/reset_password?key=K&reset_password_token=T`.
 */
export function mailLink(kind: 'confirmation' | 'reset_password', key: string, token: string): string {
  const query = new URLSearchParams({ key, [`${kind}_token`]: token })
  return `${SITE}/${kind}?${query}`
}

/**
 * Records a mail in the data set's outbox, dated now. The caller persists the store.
 *
 * @param mail - everything but the date.
 */
export function sendMail(dataSet: DataSet, mail: Omit<AccountMail, 'created_at'> | Omit<TemplateMail, 'created_at'>): void {
  const record: MailRecord = { ...mail, created_at: dataSet.runtime.now().toISOString() }
  if (record.kind !== 'template' && record.template === undefined) delete record.template
  dataSet.data.outbox.push(record)
}

/**
 * The mails of one app key's data set, or with no key of every data set (in
 * order of the keys' first use, then oldest first), each with its key. A key
 * whose data set does not exist (never used, or reset) has none.
 *
 * @example
 * readOutbox(store.data.apps, 'TESTKEY') // [{ key: 'TESTKEY', kind: 'reset_password', to: 'alice@example.com', … }]
 */
export function readOutbox(apps: Readonly<Record<string, AppData>>, key?: string): OutboxMail[] {
  const keys = key === undefined ? Object.keys(apps) : Object.hasOwn(apps, key) ? [key] : []
  return keys.flatMap((appKey) => (apps[appKey]?.outbox ?? []).map((mail) => ({ key: appKey, ...structuredClone(mail) })))
}
