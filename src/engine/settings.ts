/**
 * App settings (docs/app-settings.md): what the real service configured per app in its console.
 * Each has a server-wide default (a `createMockCloud` option and a CLI flag), may be set per app
 * key in the fixture (`"apps": {"KEY": {"settings": {...}}}`), and may be changed at run time for
 * one key (`PUT /__mock/settings?key=KEY`, `cloud.setSettings(patch, key)`); a reset of the key
 * puts its fixture value back.
 */
export interface AppSettings {
  /** New users with an email must confirm it before they can log in. Default false. */
  emailVerification: boolean
  /** Sessions expire this many ms after login, by the server clock; null: never. Default null. */
  sessionLifetime: number | null
  /**
   * Queries answer as apps made before ACS 1.1.5 got them: `meta.page`, `per_page`,
   * `total_pages`, `total_results`, unless the call sends `new_pagination=true`. Default false.
   */
  legacyPaging: boolean
  /**
   * The app can send mail (its SMTP settings were made, docs/emails.md "Errors"): false answers
   * every `custom_mailer/email_from_template` with 422. Default true.
   */
  emailConfigured: boolean
  /**
   * The app can send pushes (the real service's certificates and FCM key,
   * docs/push-notifications.md "Settings"): false answers every push_notification endpoint with 400
   * `App is not configured for Push Notification`. Default true.
   */
  pushConfigured: boolean
  /**
   * The deprecated `search.json` endpoints answer as on apps made before ArrowDB 1.3.0; false
   * answers them with 410 `search.json has been deprecated. Please use $text query`
   * (docs/app-settings.md). Default true.
   */
  legacySearch: boolean
  /**
   * When uploads of Files and Photos are processed (docs/app-settings.md "processing"): `instant`
   * (the reply that stores new content says `processed: false`, every later request sees it
   * processed) or `manual` (it stays unprocessed until a test releases it). Default `instant`.
   */
  processing: ProcessingMode
  /**
   * How Friends work (docs/friends.md "Modes"): `two-way` (like Facebook: an approved request makes
   * each user the other's friend) or `one-way` (like Twitter: the requester follows the other user).
   * Default `two-way`.
   */
  friendsMode: FriendsMode
  /**
   * Photos answer as on apps made before ACS 1.1.7: every photo's `urls` also name the six default
   * sizes (`square_75`, `thumb_100`, `small_240`, `medium_500`, `medium_640`, `large_1024`), each
   * serving the original bytes (docs/photos.md "Sizes"). Default false.
   */
  legacyPhotoSizes: boolean
}

/** The values of the `friendsMode` app setting (docs/app-settings.md). */
export const FRIENDS_MODES = ['two-way', 'one-way'] as const

/** A `friendsMode` value: `two-way` (friends) or `one-way` (followers). */
export type FriendsMode = (typeof FRIENDS_MODES)[number]

/** The values of the `processing` setting (docs/app-settings.md). */
export type ProcessingMode = 'instant' | 'manual'

/** The defaults of every setting, used where neither the server, the fixture nor a test set one. */
export const DEFAULT_SETTINGS: Readonly<AppSettings> = Object.freeze({
  emailVerification: false,
  sessionLifetime: null,
  legacyPaging: false,
  emailConfigured: true,
  pushConfigured: true,
  legacySearch: true,
  processing: 'instant',
  friendsMode: 'two-way',
  legacyPhotoSizes: false,
})
