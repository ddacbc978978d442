import * as z from 'zod'
import { parseDuration } from './clock.js'
import { PASSWORD_HASHING } from './engine/password-hashing.js'
import type { MockCloudOptions } from './options.js'
import { closest } from './suggest.js'

/**
 * The options of the code API checked as the command line checks its flags (docs/toolkit.md
 * "Options"): an unknown name (with the closest known one), a value of the wrong type or out of
 * range is an {@link OptionError} naming the option, before anything starts. The schemas say what
 * each option takes; their descriptions are the "must be ..." of the messages.
 */

/**
 * A mistake in the options of `createMockCloud`, `startMockCloud` or a test-runner helper. The
 * message starts with the function's name and names the option, e.g.
 * `startMockCloud: unknown option fixture; did you mean fixtures?`.
 */
export class OptionError extends RangeError {
  /** The option at fault, dotted for a nested one: `limits.maxBodyBytes`; empty for the options as a whole. */
  readonly option: string

  constructor(message: string, option: string) {
    super(message)
    this.name = 'OptionError'
    this.option = option
  }
}

const text = z.string().refine((value) => value.trim() !== '')
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(max)
const plainObject = z.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
const duration = z.union([z.number(), z.string()]).refine((value) => {
  try {
    return parseDuration(value) > 0
  } catch {
    return false
  }
})

/** An optional option; `expected` completes "NAME must be ..." in its error message. */
function option<T extends z.ZodType>(schema: T, expected: string) {
  return schema.optional().describe(expected)
}

const LIMITS = z.strictObject({
  maxBodyBytes: option(wholeNumber(1), 'a whole number of bytes, at least 1'),
  maxCustomFields: option(wholeNumber(1), 'a whole number, at least 1'),
  maxWhereDepth: option(wholeNumber(1), 'a whole number, at least 1'),
  maxWhereNodes: option(wholeNumber(1), 'a whole number, at least 1'),
  maxRegexLength: option(wholeNumber(1), 'a whole number of characters, at least 1'),
})

/** What {@link MockCloudOptions} takes (`createMockCloud`). */
export const MOCK_CLOUD_OPTIONS = z.strictObject({
  fixtures: option(z.union([text, plainObject]), "a fixture file's path, e.g. 'fixtures/users.json', or a fixture object such as { users: [...] }"),
  data: option(text, "a data file's path, e.g. 'data.json'"),
  appKeys: option(z.array(text), "a list of app keys, e.g. appKeys: ['TESTKEY']"),
  defaultAppKey: option(text, "a non-empty app key, e.g. 'TESTKEY'"),
  passwordHashing: option(z.enum(PASSWORD_HASHING), "'fast' or 'strict'"),
  sessionLifetime: option(duration, "a positive duration: milliseconds, or a text such as '30m', '12h', '7d'"),
  seed: option(z.union([z.number(), z.string()]), 'a number or a text'),
  emailVerification: option(z.boolean(), 'true or false'),
  settings: option(plainObject, 'an object of app settings, e.g. { legacyPaging: true }'),
  limits: option(LIMITS, `an object of limits, some of ${Object.keys(LIMITS.shape).join(', ')}`),
  journalLimit: option(wholeNumber(0), 'a whole number of calls, 0 or more (0 keeps none)'),
  adminToken: option(text, 'a non-empty text'),
})

/** What `StartOptions` takes (`startMockCloud` and the test-runner helpers): those above, and where to listen. */
export const START_OPTIONS = MOCK_CLOUD_OPTIONS.extend({
  port: option(wholeNumber(0, 65535), 'a whole number from 0 to 65535 (0 picks a free port)'),
  host: option(text, "an interface to listen on, e.g. '127.0.0.1'"),
  shutdownGrace: option(wholeNumber(0), 'a whole number of milliseconds, 0 or more (0 cuts running requests at once)'),
})

// Every option of the interface has a schema entry, and nothing else: an option added to one
// but not the other fails the type check here.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false
const optionsMatch: SameKeys<MockCloudOptions, z.infer<typeof MOCK_CLOUD_OPTIONS>> = true
const limitsMatch: SameKeys<NonNullable<MockCloudOptions['limits']>, z.infer<typeof LIMITS>> = true
void optionsMatch, limitsMatch

type ObjectSchema = z.ZodObject<z.ZodRawShape>

/**
 * Checks `options` against `schema`, reporting the first problem as `caller` would (an unknown
 * option before a wrong value, since a misspelt name is the likelier mistake).
 *
 * @param caller - the function whose options these are, e.g. `startMockCloud`.
 * @throws OptionError naming the option, what it takes and what it got.
 * @example
 * checkOptions('startMockCloud', START_OPTIONS, { fixture: 'f.json' })
 * // OptionError: startMockCloud: unknown option fixture; did you mean fixtures?
 */
export function checkOptions(caller: string, schema: ObjectSchema, options: unknown): void {
  if (options === undefined) return
  const result = schema.safeParse(options)
  if (result.success) return
  const issues = result.error.issues
  const issue = issues.find((each) => each.code === 'unrecognized_keys') ?? issues[0]!
  const path = issue.path.map(String)
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(objectAt(schema, path)?.shape ?? {})
    const prefix = path.map((name) => `${name}.`).join('')
    const name = issue.keys[0]!
    const near = closest(name, known)
    throw new OptionError(
      `${caller}: unknown option ${prefix}${name}; ${near ? `did you mean ${prefix}${near}?` : `the options${prefix ? ` of ${path.join('.')}` : ''} are ${known.join(', ')}`}`,
      `${prefix}${name}`,
    )
  }
  const { name, expected } = describedAt(schema, path)
  if (name === '') throw new OptionError(`${caller}: the options must be an object such as { fixtures: 'fixtures/users.json' }, got ${shown(options)}`, '')
  throw new OptionError(`${caller}: ${name} must be ${expected}, got ${shown(valueAt(options, name))}`, name)
}

/** The object schema at `path` (through optional wrappers), if there is one. */
function objectAt(schema: ObjectSchema, path: readonly string[]): ObjectSchema | undefined {
  let current: z.ZodType = schema
  for (const name of path) {
    const inner = unwrapped(current)
    const field = inner instanceof z.ZodObject ? ((inner.shape as z.ZodRawShape)[name] as z.ZodType | undefined) : undefined
    if (field === undefined) return undefined
    current = field
  }
  const inner = unwrapped(current)
  return inner instanceof z.ZodObject ? (inner as ObjectSchema) : undefined
}

/** The deepest option along `path` that has a description: its dotted name and that description. */
function describedAt(schema: ObjectSchema, path: readonly string[]): { name: string; expected: string } {
  let found = { name: '', expected: '' }
  let current: z.ZodType = schema
  const names: string[] = []
  for (const name of path) {
    const inner = unwrapped(current)
    const field = inner instanceof z.ZodObject ? ((inner.shape as z.ZodRawShape)[name] as z.ZodType | undefined) : undefined
    if (field === undefined) break
    names.push(name)
    if (field.description !== undefined) found = { name: names.join('.'), expected: field.description }
    current = field
  }
  return found
}

function unwrapped(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema
}

function valueAt(options: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, name) => (value as Record<string, unknown> | undefined)?.[name], options)
}

/** A value as a message shows it: JSON, at most 60 characters; what JSON cannot show, by its kind. */
function shown(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  let json: string | undefined
  try {
    json = JSON.stringify(value)
  } catch {
    // A cycle: shown by its kind below.
  }
  if (json === undefined) return typeof value
  return json.length > 60 ? `${json.slice(0, 57)}...` : json
}
