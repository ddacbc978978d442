import { ApiError } from '../../errors.js'

/**
 * The refusals of the KeyValues object, worded as docs/key-values.md "Errors" gives them
 * (all 400).
 */
export const keyValueErrors = {
  /** `name` absent or empty (checked before `value`). */
  nameRequired: () => new ApiError(400, 'Key-value name required'),
  /** `value` absent or empty; for `type=binary`, no file part. */
  valueRequired: () => new ApiError(400, 'Key-value value required'),
  /** `get` or `delete` of a name the store does not hold. */
  invalidName: () => new ApiError(400, 'Invalid key-value name'),
  /** A name of more than 256 characters. */
  nameTooLong: () => new ApiError(400, 'Key-value name is too long'),
  /** A value (or an appended result) of more than 2 MiB. */
  valueTooLarge: () => new ApiError(400, 'Key-value value is too large'),
  /** `append` or `incrby` on a binary pair. */
  binary: () => new ApiError(400, 'Not allowed on key-values with binary data'),
}
