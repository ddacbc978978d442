import { ApiError } from '../../errors.js'

/** The PushNotifications refusals of their own (docs/push-notifications.md "Errors"). */
export const pushErrors = {
  /** 400: the `pushConfigured` app setting is false. */
  notConfigured: () => new ApiError(400, 'App is not configured for Push Notification'),
  /** 400: no device is reached, or a device token names no subscription (of the caller). */
  notFound: () => new ApiError(400, 'Subscription not found'),
  /** 400: a `payload` that is neither text nor a JSON object (a file). */
  invalidPayload: () => new ApiError(400, 'Invalid payload'),
}
