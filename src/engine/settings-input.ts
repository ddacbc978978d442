import { parseDuration } from '../clock.js'
import { isPlainObject } from '../json.js'
import { readBoolean } from '../param-values.js'
import { DEFAULT_SETTINGS, FRIENDS_MODES, type AppSettings, type FriendsMode } from './settings.js'

type Reader = (value: unknown) => AppSettings[keyof AppSettings] | undefined

/** How each setting is read from outside (a fixture, a JSON or form body, an option): undefined when unreadable. */
const READERS: { readonly [K in keyof AppSettings]: { read: Reader; expected: string } } = {
  emailVerification: { read: readBoolean, expected: 'true or false' },
  legacyPaging: { read: readBoolean, expected: 'true or false' },
  emailConfigured: { read: readBoolean, expected: 'true or false' },
  pushConfigured: { read: readBoolean, expected: 'true or false' },
  legacySearch: { read: readBoolean, expected: 'true or false' },
  friendsMode: { read: readFriendsMode, expected: FRIENDS_MODES.map((mode) => `'${mode}'`).join(' or ') },
  legacyPhotoSizes: { read: readBoolean, expected: 'true or false' },
  sessionLifetime: { read: readLifetime, expected: "a positive duration ('30m', '12h', '7d', or ms), or null for never" },
  processing: { read: (value) => (value === 'instant' || value === 'manual' ? value : undefined), expected: '"instant" or "manual"' },
}

/** The names of the app settings, in the order docs/app-settings.md lists them. */
export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as (keyof AppSettings)[]

/**
 * Reads app settings given from outside (docs/app-settings.md): an object of known names, values
 * as JSON or as form text (`"true"`, `"12h"`).
 *
 * @returns the settings read, or the first problem as a sentence naming the setting.
 * @example
 * parseSettings({ legacyPaging: 'true', sessionLifetime: '12h' }) // { legacyPaging: true, sessionLifetime: 43200000 }
 * parseSettings({ legacyPagin: true }) // 'unknown setting "legacyPagin"; the settings are emailVerification, ...'
 */
export function parseSettings(raw: unknown): Partial<AppSettings> | string {
  if (!isPlainObject(raw)) return `settings must be an object such as {"legacyPaging": true}; the settings are ${SETTING_NAMES.join(', ')}`
  const settings: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(raw)) {
    if (!Object.hasOwn(READERS, name)) return `unknown setting ${JSON.stringify(name)}; the settings are ${SETTING_NAMES.join(', ')}`
    const reader = READERS[name as keyof AppSettings]
    const read = reader.read(value)
    if (read === undefined) return `setting ${name} must be ${reader.expected}, got ${JSON.stringify(value)}`
    settings[name] = read
  }
  return settings as Partial<AppSettings>
}

function readLifetime(value: unknown): number | null | undefined {
  if (value === null || value === 'null' || value === 'never') return null
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  try {
    const millis = parseDuration(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)
    return millis > 0 ? millis : undefined
  } catch {
    return undefined
  }
}

function readFriendsMode(value: unknown): FriendsMode | undefined {
  return FRIENDS_MODES.find((mode) => mode === value)
}
