import type { Namespace } from '../endpoints.js'
import type { Calls } from '../types.js'

/**
 * `Cloud.Files` (docs/files.md): create and update take the file's bytes as `file` (a `Blob` or
 * bytes, sent as multipart, as Titanium sends a `Ti.Filesystem.File`); show, remove and update
 * name it by `file_id`; query takes the usual query parameters.
 */
export const Files = {
  create: { verb: 'POST', path: 'files/create.json', args: 'data' },
  query: { verb: 'GET', path: 'files/query.json', args: 'optional' },
  show: { verb: 'GET', path: 'files/show.json', args: 'data' },
  update: { verb: 'PUT', path: 'files/update.json', args: 'data' },
  remove: { verb: 'DELETE', path: 'files/delete.json', args: 'data' },
} as const satisfies Namespace

/** `Cloud.Files` as a type: each method of {@link Files} with the arguments its shape takes. */
export type CloudFiles = Calls<typeof Files>
