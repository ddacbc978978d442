import { isPlainObject } from '../json.js'
import type { CloudMeta, CloudResponse } from './types.js'

/**
 * Turns a reply into the object a callback receives, as ti.cloud's `handleResponse`
 * (`cloudapi.js`): the reply's `response` object itself, with — when `meta.status` is `"ok"` —
 * `success: true`, `error: false`, `meta` added after its data keys; otherwise `success: false`,
 * `error: true`, `code` and `message` from `meta`, or (no meta) `code` undefined and the event's
 * `message`. A failure carries no `meta` (docs/api.md "Envelope").
 *
 * @example
 * toCloudResponse({ meta: { code: 200, status: 'ok', method_name: 'showMe' }, response: { users: [u] } })
 * // { users: [u], success: true, error: false, meta: { code: 200, status: 'ok', method_name: 'showMe' } }
 */
export function toCloudResponse(event: Record<string, unknown>): CloudResponse {
  const response = (isPlainObject(event.response) ? event.response : {}) as CloudResponse
  const meta = isPlainObject(event.meta) ? (event.meta as CloudMeta) : undefined
  if (meta && meta.status === 'ok') {
    response.success = true
    response.error = false
    response.meta = meta
  } else {
    response.success = false
    response.error = true
    response.code = meta ? meta.code : undefined
    response.message = (meta ? meta.message : event.message) as string | undefined
  }
  return response
}
