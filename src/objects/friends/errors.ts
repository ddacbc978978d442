import { ApiError, validationFailed } from '../../errors.js'

/** The Friends refusals of their own (docs/friends.md "Errors"). */
export const friendsErrors = {
  /** 400: friends/add naming the caller. */
  addSelf: () => validationFailed('add friends', 'You cannot add yourself as a friend'),
  /** 400: friends/approve naming a user who has no pending request to the caller. */
  invalidRequest: () => new ApiError(400, 'Invalid friend request'),
}
