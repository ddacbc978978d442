/**
 * The one error type for API failures. Anything below the HTTP layer throws an
 * {@link ApiError}; the HTTP layer renders it as the ArrowDB failure envelope
 * `{"meta":{"status":"fail","code","message","method_name"}}` (docs/api.md "Envelope").
 *
 * Messages that more than one module uses live here, so each is typed once
 * (docs/users.md "Writes", docs/api.md "Sessions", "Id lists").
 *
 * @example
 * throw new ApiError(400, 'Invalid where parameter: not JSON')
 */
export class ApiError extends Error {
  /** HTTP-like status, copied to `meta.code` (400, 401, 403, 404, 405, 413, 415, 422, 500). */
  readonly code: number

  /**
   * @param code - the `meta.code` of the failure (and the HTTP status unless
   *   `suppress_response_codes` is set, docs/api.md "Status codes").
   * @param message - the `meta.message`, worded as the real service words it.
   */
  constructor(code: number, message: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
  }
}

/**
 * 400 for a parameter the API cannot read, in the wording the real service
 * gives (`Invalid where parameter: <reason>`), used for every such parameter.
 * `limit`/`skip` keep their own exact wording
 * (`Invalid limit parameter; value must be ...`), so they do not come here.
 *
 * @example
 * throw invalidParameter('order', 'must be a comma-separated list of field names')
 */
export const invalidParameter = (name: string, reason: string): ApiError =>
  new ApiError(400, `Invalid ${name} parameter: ${reason}`)

/**
 * 400 for a `method_name` that names no endpoint, in a fault or a journal filter (docs/toolkit.md),
 * listing the known ones: `Invalid method_name parameter: unknown method_name "logon"; known: createUser, ...`.
 */
export const unknownMethodName = (value: unknown, known: Iterable<string>): ApiError =>
  invalidParameter('method_name', `unknown method_name ${JSON.stringify(value)}; known: ${[...known].join(', ')}`)

/** 401 on every login-required users endpoint called without a live session (docs/api.md "Envelope", "Sessions"). */
export const notSignedIn = (): ApiError =>
  new ApiError(401, 'You need to sign in or sign up before continuing.')

/**
 * 400 on a login-required endpoint of an object other than Users called without a live session
 * (docs/key-values.md "Errors"); Users answer {@link notSignedIn} instead.
 */
export const failedToAuthenticate = (): ApiError => new ApiError(400, 'Failed to authenticate user')

/** 403 for a non-admin using admin powers (docs/users.md "Writes"). */
export const notAuthorized = (): ApiError =>
  new ApiError(403, 'You are not authorized to perform this action.')

/**
 * 401 with {@link notAuthorized}'s message: an object's ACL does not let the caller read or write
 * it (docs/acls.md "Access to objects"; each object's page lists where, as docs/photos.md "Errors").
 */
export const deniedByAcl = (): ApiError => new ApiError(401, notAuthorized().message)

/**
 * 400 for a user id (`user_ids`, `to_ids`, `reader_ids`...) that is malformed or names no stored
 * user (docs/acls.md "Errors", docs/friends.md, docs/chats.md).
 */
export const invalidUserId = (): ApiError => new ApiError(400, 'Invalid user id')

/**
 * 400 for a write whose fields fail validation, Rails style: `Failed to <action>: Validation failed
 * - <problems joined with ", ">.` (docs/api.md "Envelope"), e.g. `Failed to create post: Validation
 * failed - Content can't be blank.`
 *
 * @param action - what failed, as the service words it: `create post`, `update status`, `send message`.
 * @param problems - one sentence or several, each without its final period, in the order found.
 */
export function validationFailed(action: string, problems: string | readonly string[]): ApiError {
  return new ApiError(400, `Failed to ${action}: Validation failed - ${[problems].flat().join(', ')}.`)
}

/**
 * The validation problems of a `name` that objects with names share, for {@link validationFailed}
 * (docs/api.md "Envelope"): blank, or already taken by another of the kind.
 */
export const NAME_PROBLEMS = { blank: "Name can't be blank", taken: 'Name is already taken' } as const

/** 400 for an id that is not 24 hex characters (docs/api.md "Id lists"). */
export const invalidObjectId = (value: string): ApiError =>
  new ApiError(400, `Invalid object id: '${value}'`)

/** 404 for a well-formed id that matches no user (docs/api.md "Id lists"). */
export const userNotFound = (): ApiError => new ApiError(404, 'User not found.')

/** 400 for a required parameter that is missing or empty, as other objects word it (docs/api.md "Envelope"). */
export const requiredField = (name: string): ApiError => new ApiError(400, `Required field: ${name}`)

/** 404 for a path that names no endpoint, e.g. `Unknown endpoint: GET /v1/users/fly.json`. */
export const unknownEndpoint = (method: string, path: string): ApiError =>
  new ApiError(404, `Unknown endpoint: ${method} ${path}`)

/**
 * 405 for an endpoint called with a verb it does not take, naming the ones it
 * does, e.g. `users/create.json takes POST, not GET` (the caller also sends `Allow`).
 */
export const wrongVerb = (endpoint: string, verbs: readonly string[], method: string): ApiError =>
  new ApiError(405, `${endpoint} takes ${verbs.join(' or ')}, not ${method}`)
