import { ApiError, validationFailed } from '../../errors.js'

/** The Chats refusals of their own (docs/chats.md "Errors"). */
export const chatsErrors = {
  /** 400: create with neither `to_ids` nor `chat_group_id`. */
  noTarget: () => new ApiError(400, 'Failed to send chat message: to_ids or chat_group_id is required.'),
  /** 400: create without a `message`. */
  blankMessage: () => validationFailed('send chat message', "Message can't be blank"),
  /** 400: a `chat_group_id` that is malformed, unknown, or of a group the caller is not in (create). */
  invalidGroup: () => new ApiError(400, 'Invalid chat group id'),
  /** 400: a `chat_id` that is malformed or names no chat. */
  invalidChat: () => new ApiError(400, 'Invalid chat id'),
  /** 400: `response_json_depth` outside 1 to 8. */
  invalidDepth: () => new ApiError(400, 'Invalid response_json_depth parameter: must be 1 to 8'),
}
