import { ApiError, validationFailed } from '../../errors.js'

/** The refusals of the Emails object, worded as docs/emails.md "Errors" gives them. */
export const emailErrors = {
  /** 422: the `emailConfigured` app setting is false. */
  notConfigured: () => new ApiError(422, 'Email is not configured for this application.'),
  /** 422: `template` names no stored template. */
  templateNotFound: (name: string) => new ApiError(422, `Email template '${name}' not found.`),
  /** 422: the content type asked for needs a body the template lacks. */
  missingBody: (name: string, body: 'html' | 'plain') => new ApiError(422, `Email template '${name}' has no ${body} body.`),
  /** 400: a `content_type` other than plain, html, multipart. */
  invalidContentType: (value: string) => new ApiError(400, `Invalid content_type: ${value}`),
  /** 400: a recipient that is not an email address. */
  invalidAddress: (address: string) => new ApiError(400, `Invalid email address: ${address}`),
  /** 400: a template create or update the template rules refuse (`Name is already taken.`...). */
  validationFailed: (verb: 'create' | 'update', problem: string) => validationFailed(`${verb} email_template`, problem),
}
