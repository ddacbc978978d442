/**
 * How ti.cloud turns an app's parameters into wire values (`cleanInvalidData` in `utils.js` and
 * `OAuth.percentEncode`). docs/api.md "Parameters": objects as JSON text, booleans as `1`/`0`.
 */

/** The parameters that may carry an upload; ti.cloud leaves their values as they are. */
const UPLOAD_PARAMS = new Set(['photo', 'file'])

/**
 * Cleans the parameters in place, as ti.cloud does (the app's object is changed, and an app
 * that reuses it sees the changes): `null`/`undefined` values are deleted, objects and arrays
 * become JSON text (except `photo` and `file`), `true`/`false` become `1`/`0`.
 *
 * @returns the same object.
 * @example
 * cleanParameters({ where: { age: 30 }, count: true, skip: null }) // { where: '{"age":30}', count: 1 }
 */
export function cleanParameters(data: Record<string, unknown>): Record<string, unknown> {
  for (const name of Object.keys(data)) {
    const value = data[name]
    if (value === null || value === undefined) {
      delete data[name]
    } else if (typeof value === 'object') {
      if (!UPLOAD_PARAMS.has(name)) data[name] = JSON.stringify(value)
    } else if (typeof value === 'boolean') {
      data[name] = value ? 1 : 0
    }
  }
  return data
}

/**
 * An upload value (docs/clients.md "Testing Titanium app code in Node"): a `Blob` (or `File`), or
 * raw bytes: an `ArrayBuffer` or a view of one (`Buffer`, `Uint8Array`...).
 */
export function isUpload(value: unknown): value is Blob | ArrayBufferView | ArrayBuffer {
  return value instanceof Blob || ArrayBuffer.isView(value) || value instanceof ArrayBuffer
}

/**
 * Percent-encodes a value as ti.cloud's `OAuth.percentEncode`: `encodeURIComponent`, then also
 * `!`, `*`, `'`, `(` and `)`. A space is `%20`, a `+` is `%2B`.
 *
 * @example
 * percentEncode("it's (1+1)!") // 'it%27s%20%281%2B1%29%21'
 */
export function percentEncode(value: unknown): string {
  return encodeURIComponent(String(value)).replace(
    /[!*'()]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}
