import type { DataSet } from './data-set.js'
import type { AppData } from './store/db.js'

/** Why a mail was sent: the confirmation of a new address (docs/users.md "Account flows"), a password reset (docs/users.md "Account flows") or `template` on create (docs/users.md "Writes"). */
export type MailKind = 'confirmation' | 'reset_password' | 'welcome'

/**
 * An email the real service would have sent, as one data set keeps it
 * (`AppData.outbox`, oldest first). No mail leaves mock-cloud: it goes to the
 * test outbox (docs/users.md "Account flows").
 */
export interface MailRecord {
  kind: MailKind
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

/** A mail as {@link readOutbox} gives it: with the app key whose data set sent it. */
export interface OutboxMail extends MailRecord {
  key: string
}

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
export function sendMail(dataSet: DataSet, mail: Omit<MailRecord, 'created_at'>): void {
  const record: MailRecord = { ...mail, created_at: dataSet.runtime.now().toISOString() }
  if (record.template === undefined) delete record.template
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
