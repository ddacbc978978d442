/**
 * The request parameters of one API call: query string and body merged, body
 * winning on a clash (spec §11 "request bodies"). Values are strings from
 * forms and query strings, `File`s from multipart bodies, or any JSON value
 * from a JSON body.
 */
export type Params = Readonly<Record<string, unknown>>

/**
 * A parameter as text: strings as sent, numbers and booleans (JSON bodies)
 * as their text, anything else (absent, files, objects) as undefined.
 */
export function textParam(params: Params, name: string): string | undefined {
  const value = params[name]
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}
