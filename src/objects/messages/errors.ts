import { ApiError, validationFailed } from '../../errors.js'

/** The Messages refusals of their own (docs/messages.md "Errors"). */
export const messagesErrors = {
  /** 400: create without a `body`. */
  blankBody: () => validationFailed('send message', "Body can't be blank"),
  /** 400: create with no recipient, or a malformed id or one of no user in `to_ids`. */
  invalidTo: () => validationFailed('send message', 'To ids is invalid'),
  /** 400: a `message_id` of no copy the caller may use. */
  invalidMessage: () => new ApiError(400, 'Invalid message id'),
  /** 400: a `thread_id` in which the caller has no copy. */
  invalidThread: () => new ApiError(400, 'Invalid thread id'),
}
