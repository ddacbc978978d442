import { ApiError, validationFailed as failed } from '../../errors.js'

/**
 * The validation failure of create and update, Rails style: problems joined
 * with ", " and one final period, e.g.
 * `Failed to create user: Validation failed - First name can't be blank, Last name can't be blank.`
 * (docs/api.md "Envelope", docs/users.md "Writes").
 *
 * @param verb - `create` or `update`.
 * @param problems - sentences without a final period, in the order found.
 */
export function validationFailed(verb: 'create' | 'update', problems: readonly string[]): ApiError {
  return failed(`${verb} user`, problems)
}

/** The wording of each validation problem (docs/users.md "Writes"). */
export const problems = {
  identityRequired: 'A username, email or external account is required',
  passwordBlank: "Password can't be blank",
  confirmationMismatch: "Password confirmation doesn't match Password",
  firstNameBlank: "First name can't be blank",
  lastNameBlank: "Last name can't be blank",
  usernameTaken: 'Username is already taken',
  emailTaken: 'Email is already taken',
} as const

/** 400 for a malformed email, without the validation prefix (docs/api.md "Envelope", docs/users.md "Writes"). */
export const invalidEmail = (): ApiError => new ApiError(400, 'Invalid Email Address.')

/**
 * The problems of a password and its confirmation (docs/users.md "Account flows"): a blank password
 * when one is `required` (create, reset), a confirmation that differs.
 * An absent or empty password that is not required is no problem (update keeps the old one).
 */
export function passwordProblems(password: string | undefined, confirmation: string | undefined, required: boolean): string[] {
  if (password === undefined || password === '') return required ? [problems.passwordBlank] : []
  return confirmation === password ? [] : [problems.confirmationMismatch]
}
