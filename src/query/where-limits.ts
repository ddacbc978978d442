/**
 * How large a `where` may be (docs/limits.md).
 * A `where` beyond a limit is answered 400 `Invalid where parameter: <reason>`
 * before anything is matched, so no request can make the server spend
 * unbounded time or stack on it.
 */

/** Levels of objects and arrays a `where` may nest, counting the outer object as 1. */
export const WHERE_MAX_DEPTH = 32

/** Nodes (objects, arrays and values, keys not counted) a `where` may hold: room for a `$in` of a few thousand ids. */
export const WHERE_MAX_NODES = 10_000

/** Characters a `$regex` pattern may hold (docs/limits.md). */
export const REGEX_MAX_LENGTH = 256

/**
 * The limits one `where` is checked against; each defaults to the constant
 * of the same meaning above.
 */
export interface WhereLimits {
  /** Deepest nesting of objects and arrays; default {@link WHERE_MAX_DEPTH}. */
  maxDepth: number
  /** Most nodes in the whole `where`; default {@link WHERE_MAX_NODES}. */
  maxNodes: number
  /** Longest `$regex` pattern in characters; default {@link REGEX_MAX_LENGTH}. */
  maxRegexLength: number
}

/**
 * The limits in force: the defaults with any given ones in their place.
 *
 * @example
 * whereLimits({ maxDepth: 8 }) // { maxDepth: 8, maxNodes: 10000, maxRegexLength: 256 }
 */
export function whereLimits(overrides: Partial<WhereLimits> = {}): WhereLimits {
  return {
    maxDepth: overrides.maxDepth ?? WHERE_MAX_DEPTH,
    maxNodes: overrides.maxNodes ?? WHERE_MAX_NODES,
    maxRegexLength: overrides.maxRegexLength ?? REGEX_MAX_LENGTH,
  }
}
