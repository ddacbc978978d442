import type { ArgumentShape } from './endpoints.js'

/** A method's arguments sorted into parameters and callback, not yet checked. */
export interface CallArguments {
  data: unknown
  callback: unknown
}

/**
 * Sorts a method's arguments as ti.cloud's executors do (`cloudapi.js`): an `optional` method
 * called with exactly two arguments takes them as `(data, callback)`, with any other number its
 * first argument is the callback and the parameters are `{}`.
 */
export function sortArguments(shape: ArgumentShape, args: readonly unknown[]): CallArguments {
  if (shape === 'data' || shape === 'classname') return { data: args[0], callback: args[1] }
  if (shape === 'optional' && args.length === 2) return { data: args[0], callback: args[1] }
  return { data: {}, callback: args[0] }
}

/**
 * ti.cloud's argument check (`requireArgument`), with its messages. `null` passes as an object
 * (`typeof null`), as it does there; the request then sends no parameters.
 *
 * @throws TypeError `Argument callback was not provided!` or `Argument data was an unexpected
 *   type! Expected: object, Received: string`. ti.cloud throws the bare string; a TypeError
 *   carries the same text and a stack.
 */
export function requireArgument(name: string, value: unknown, type: 'object' | 'function' | 'string'): void {
  if (value === undefined) throw new TypeError(`Argument ${name} was not provided!`)
  if (typeof value !== type) {
    throw new TypeError(`Argument ${name} was an unexpected type! Expected: ${type}, Received: ${typeof value}`)
  }
}
