import { Hono } from 'hono'
import type { AnyMockObject } from '../engine/object.js'
import type { ServiceDirectory } from '../engine/services.js'
import { ApiError } from '../errors.js'
import { refusedKey, type AppKeyRule } from './app-key.js'
import { renderFailure } from './envelope.js'
import { queryParams } from './params.js'

/**
 * The download URLs replies give (docs/files.md "Download URL"):
 * `GET /storage/<app key>/<object>/<id>/<file name>` answers the stored bytes with their
 * Content-Type, for any object whose descriptor can `serve` (Files, Photos: docs/photos.md "URLs"). The file name is for the
 * client's eyes only. An unknown key, object or id answers 404 in the failure envelope; the
 * bytes of a private file are served like any other (docs/files.md "Not built").
 */
export function storageRoutes(objects: readonly AnyMockObject[], services: ServiceDirectory, keys: AppKeyRule): Hono {
  const storage = new Hono()
  storage.get('/storage/:key/:object/:id/:name', (c) => {
    const { key, object: name, id } = c.req.param()
    const object = objects.find((candidate) => candidate.name === name && candidate.serve !== undefined)
    const served = object && refusedKey(key, keys) === undefined ? object.serve!(services.of(key, object), id) : undefined
    if (served === undefined) return renderFailure(c, queryParams(c), new ApiError(404, `No stored file at ${c.req.path}`), undefined)
    return c.body(served.data, 200, { 'Content-Type': served.type, 'Content-Disposition': 'inline' })
  })
  return storage
}
