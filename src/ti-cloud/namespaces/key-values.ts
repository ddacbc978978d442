import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.KeyValues` (docs/key-values.md): set, get, append, increment and remove by name;
 * ti.cloud names incrby `increment` and delete `remove`.
 */
export const KeyValues = {
  set: { verb: 'PUT', path: 'keyvalues/set.json', args: 'data' },
  get: { verb: 'GET', path: 'keyvalues/get.json', args: 'data' },
  append: { verb: 'PUT', path: 'keyvalues/append.json', args: 'data' },
  increment: { verb: 'PUT', path: 'keyvalues/incrby.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'keyvalues/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.KeyValues` as a type: each method of {@link KeyValues} with the arguments its shape takes. */
export type CloudKeyValues = Calls<typeof KeyValues>
