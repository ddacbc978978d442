import { ApiError } from '../../errors.js'
import type { DataSet } from '../../data-set.js'
import type { Sessions } from '../../engine/sessions.js'
import { mailLink, sendMail } from '../../outbox.js'
import { textParam, trimmed, type Params } from '../../param-values.js'
import type { UserCollection } from './collection.js'
import type { PasswordHasher } from '../../engine/password-hashing.js'
import type { UserRecord } from './record.js'
import type { TokenPurpose } from '../../store/db.js'
import { AccountTokens } from './tokens.js'
import { passwordProblems, validationFailed } from './validation.js'
import type { WireUser } from './view.js'
import type { UsersResult } from './service.js'

/** 400 for a confirmation or reset token that is unknown, used or expired (docs/users.md "Account flows"). */
export const INVALID_TOKEN = 'Invalid or expired token.'

/**
 * 401 on login of a user whose email is not confirmed while email verification
 * is on: Devise's wording, which the service was built on (docs/users.md "Account flows").
 */
export const UNCONFIRMED = 'You have to confirm your account before continuing.'

/**
 * The email flows of the Users object (docs/users.md "Account flows"): password reset
 * and email confirmation with one-use tokens, and the mails the real service
 * sent, recorded in the data set's outbox instead. The app's name in default
 * subjects is its app key. Free of HTTP, like `UsersService`.
 */
export class AccountFlows {
  private readonly tokens: AccountTokens

  constructor(
    private readonly dataSet: DataSet,
    private readonly users: UserCollection,
    private readonly sessions: Sessions,
    private readonly hashPassword: PasswordHasher,
    /** The app option "email verification on" (`emailVerification`, `--email-verification`); off by default. */
    private readonly emailVerification: () => boolean,
    /** A user in a reply about themself, email and `acls` included (`UsersService`). */
    private readonly ownView: (user: UserRecord) => WireUser,
  ) {
    this.tokens = new AccountTokens(dataSet)
  }

  /**
   * A new user before it is stored: with email verification on, a user with an
   * email starts unconfirmed (`confirmed_at` absent, docs/users.md "Replies"). A user without
   * an email has no address to confirm and stays confirmed.
   */
  prepareNew(user: UserRecord): void {
    if (this.emailVerification() && user.email !== undefined) delete user.confirmed_at
  }

  /**
   * The mails users/create sends (docs/users.md "Writes", "Account flows"), once the user is stored: the
   * confirmation mail to an unconfirmed user, and the welcome mail of the
   * `template` parameter. The caller persists the store.
   */
  created(user: UserRecord, params: Params): void {
    if (user.email === undefined) return
    if (user.confirmed_at === undefined) this.mailToken('confirmation', user, params)
    const template = trimmed(textParam(params, 'template'))
    if (template !== undefined) {
      sendMail(this.dataSet, { kind: 'welcome', to: user.email, user_id: user.id, subject: `Welcome to ${this.dataSet.key}`, template })
    }
  }

  /**
   * What a change of credentials ends (docs/users.md "Sessions"
   * and "Password reset"), given the stored user before and after a change: a new password
   * ends every session of the user but `keepSession` (the one that made the
   * change; none for reset_password), and a new password or email voids every
   * reset-password and confirmation token of the user. Other changes end nothing.
   * The caller persists the store.
   */
  credentialsChanged(before: UserRecord, after: UserRecord, keepSession: string | undefined): void {
    const newPassword = after.password_hash !== before.password_hash
    if (newPassword) this.sessions.endOthersOf(after.id, keepSession)
    if (newPassword || after.email !== before.email) this.tokens.voidAllOf(after.id)
  }

  /**
   * Refuses the login of an unconfirmed user while email verification is on (docs/users.md "Account flows").
   *
   * @throws ApiError 401 {@link UNCONFIRMED}.
   */
  checkConfirmed(user: UserRecord): void {
    if (this.emailVerification() && user.confirmed_at === undefined) throw new ApiError(401, UNCONFIRMED)
  }

  /**
   * users/request_reset_password (docs/users.md "Account flows"): mails a reset link to the
   * user with this `email`; `subject` and `template` go into the mail. Meta only.
   *
   * @throws ApiError 400 `Email is required.`, 404 `No user found with this email address.`
   */
  async requestResetPassword(params: Params): Promise<UsersResult> {
    this.mailToken('reset_password', this.userByEmail(params), params)
    await this.dataSet.write()
    return {}
  }

  /**
   * users/resend_confirmation (docs/users.md "Account flows"): mails a new confirmation link
   * to the user with this `email` (an earlier link stops working);
   * `confirmation_subject` and `confirmation_template` go into the mail. Meta only.
   *
   * @throws ApiError 400 `Email is required.`, 404 `No user found with this email address.`
   */
  async resendConfirmation(params: Params): Promise<UsersResult> {
    this.mailToken('confirmation', this.userByEmail(params), params)
    await this.dataSet.write()
    return {}
  }

  /**
   * users/confirm_user (docs/users.md "Account flows"): `confirmation_token` from the mail
   * confirms the user (`confirmed_at` = now, kept when already confirmed) and
   * is used up. Answers the user, email included; no session.
   *
   * @throws ApiError 400 {@link INVALID_TOKEN}.
   */
  async confirmUser(params: Params): Promise<UsersResult> {
    const { user, token } = this.tokenUser('confirmation', textParam(params, 'confirmation_token'))
    this.tokens.spend(token)
    const now = this.dataSet.runtime.now().toISOString()
    const confirmed = this.users.change(user, { confirmed_at: user.confirmed_at ?? now, updated_at: now })
    await this.dataSet.write()
    return { users: [this.ownView(confirmed)] }
  }

  /**
   * users/reset_password (docs/users.md "Account flows"): `reset_password_token` from the mail
   * and a new `password` with its `password_confirmation`. The token is used up
   * only when the password is accepted, so a typo can be corrected with the same link.
   * Every session of the user ends and every other token of theirs is void
   * ({@link credentialsChanged}). Answers the user, email included; no session.
   *
   * @throws ApiError 400 {@link INVALID_TOKEN}; 400 `Failed to update user:
   *   Validation failed - Password can't be blank.` / `... - Password
   *   confirmation doesn't match Password.`
   */
  async resetPassword(params: Params): Promise<UsersResult> {
    const sent = textParam(params, 'reset_password_token')
    this.tokenUser('reset_password', sent)
    const password = textParam(params, 'password')
    const found = passwordProblems(password, textParam(params, 'password_confirmation'), true)
    if (found.length > 0 || password === undefined) throw validationFailed('update', found)
    const hash = await this.hashPassword(password)
    // Looked up again after the await: the token may have been used, or the user deleted, meanwhile.
    const { user, token } = this.tokenUser('reset_password', sent)
    this.tokens.spend(token)
    const changed = this.users.change(user, { password_hash: hash, updated_at: this.dataSet.runtime.now().toISOString() })
    this.credentialsChanged(user, changed, undefined)
    await this.dataSet.write()
    return { users: [this.ownView(changed)] }
  }

  /** A live token and the stored user it stands for. @throws ApiError 400 {@link INVALID_TOKEN}. */
  private tokenUser(purpose: TokenPurpose, token: string | undefined): { user: UserRecord; token: string } {
    const userId = this.tokens.peek(purpose, token)
    const user = userId === undefined ? undefined : this.users.byId(userId)
    if (!user || token === undefined) throw new ApiError(400, INVALID_TOKEN)
    return { user, token }
  }

  private userByEmail(params: Params): UserRecord {
    const email = trimmed(textParam(params, 'email'))
    if (email === undefined) throw new ApiError(400, 'Email is required.')
    const user = this.users.byEmail(email)
    if (!user) throw new ApiError(404, 'No user found with this email address.')
    return user
  }

  /** Issues a token and records its mail, with the subject and template the request names (docs/users.md "Account flows"). */
  private mailToken(kind: TokenPurpose, user: UserRecord, params: Params): void {
    const app = this.dataSet.key
    const [subjectParam, templateParam, subject] =
      kind === 'reset_password'
        ? ['subject', 'template', `Password reset request for ${app}`]
        : ['confirmation_subject', 'confirmation_template', `Email Verification Instructions for ${app}`]
    const token = this.tokens.issue(kind, user.id)
    sendMail(this.dataSet, {
      kind,
      to: user.email ?? '',
      user_id: user.id,
      subject: trimmed(textParam(params, subjectParam)) ?? subject,
      template: trimmed(textParam(params, templateParam)),
      token,
      link: mailLink(kind, app, token),
    })
  }
}
