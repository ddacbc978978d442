/**
 * The size limits of one server (docs/limits.md): what a single request may ask of it, so
 * that no request can exhaust its memory or time. Each has a default and can be set with
 * the `limits` option or a CLI flag; a request beyond one is refused with a 4xx envelope that
 * names the limit. The `where` limits are the query engine's (`query/where-limits.ts`).
 */

import { REGEX_MAX_LENGTH, WHERE_MAX_DEPTH, WHERE_MAX_NODES, type WhereLimits } from './query/where-limits.js'

/** Largest request body accepted, in bytes: 1 MiB. Larger → 413. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/** Most custom fields one user may hold: 200. More → 400 on create and update. */
export const DEFAULT_MAX_CUSTOM_FIELDS = 200

/** The limits in force on one server. */
export interface Limits {
  /** Largest request body, in bytes; default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes: number
  /** Most custom fields one user may hold after a create or update; default {@link DEFAULT_MAX_CUSTOM_FIELDS}. */
  maxCustomFields: number
  /** Deepest nesting of a `where` (its objects and arrays, the outer object being 1); default {@link WHERE_MAX_DEPTH}. */
  maxWhereDepth: number
  /** Most values and operators in one `where`; default {@link WHERE_MAX_NODES}. */
  maxWhereNodes: number
  /** Longest `$regex` pattern, in characters (docs/limits.md); default {@link REGEX_MAX_LENGTH}. */
  maxRegexLength: number
}

/** The command-line flag that sets each limit (docs/limits.md). */
export const LIMIT_FLAGS: Readonly<Record<keyof Limits, string>> = {
  maxBodyBytes: '--max-body-bytes',
  maxCustomFields: '--max-custom-fields',
  maxWhereDepth: '--max-where-depth',
  maxWhereNodes: '--max-where-nodes',
  maxRegexLength: '--max-regex-length',
}

/**
 * How to raise a limit, for the message of a request beyond it: its flag and its option.
 *
 * @example
 * raiseLimit('maxBodyBytes') // 'a server started with --max-body-bytes N (option limits.maxBodyBytes) takes more'
 */
export function raiseLimit(limit: keyof Limits): string {
  return `a server started with ${LIMIT_FLAGS[limit]} N (option limits.${limit}) takes more`
}

/**
 * The limits in force: the defaults with any given ones in their place (checked before, as the
 * `limits` option by `createMockCloud` or as flags by the command line).
 * @example
 * limits({ maxCustomFields: 20 }).maxCustomFields // 20
 */
export function limits(given: Partial<Limits> = {}): Limits {
  return {
    maxBodyBytes: given.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxCustomFields: given.maxCustomFields ?? DEFAULT_MAX_CUSTOM_FIELDS,
    maxWhereDepth: given.maxWhereDepth ?? WHERE_MAX_DEPTH,
    maxWhereNodes: given.maxWhereNodes ?? WHERE_MAX_NODES,
    maxRegexLength: given.maxRegexLength ?? REGEX_MAX_LENGTH,
  }
}

/**
 * The `where` limits of {@link Limits} as the query engine takes them (`compileWhere`).
 *
 * @example
 * whereLimitsOf(limits()) // { maxDepth: 32, maxNodes: 10000, maxRegexLength: 256 }
 */
export function whereLimitsOf(given: Limits): WhereLimits {
  return { maxDepth: given.maxWhereDepth, maxNodes: given.maxWhereNodes, maxRegexLength: given.maxRegexLength }
}
