import { Busboy } from '@fastify/busboy'
import { ApiError } from '../errors.js'

/**
 * The fields of a `multipart/form-data` body, in body order: text parts as strings (read as
 * UTF-8 unless the part names another charset), parts with a filename as `File`s (named by it,
 * typed by the part's Content-Type, `text/plain` when it has none). Read with @fastify/busboy,
 * which takes part headers as clients really send them: bare-token values (`name=username`, as
 * .NET and ktor send) as well as quoted ones, and `filename*` (RFC 5987) beside or instead of
 * `filename`; undici's `Request.formData()` refused such a body whole. Parts with no
 * `Content-Disposition: form-data` or no name are skipped, as a browser's form would not send them.
 *
 * No limit of its own: the body is whole in memory and within the body limit already
 * (docs/limits.md), so no field is cut short.
 *
 * @param body - the whole request body (bytes).
 * @param contentType - the request's Content-Type, with its `boundary`.
 * @throws ApiError 400 `Invalid multipart body: ...` when the Content-Type has no boundary or
 *   the body ends before its closing boundary.
 * @example
 * await parseMultipart(body, 'multipart/form-data; boundary=b') // [['username', 'bob'], ['photo', File]]
 */
export function parseMultipart(body: Uint8Array, contentType: string): Promise<[string, string | File][]> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(new ApiError(400, `Invalid multipart body: ${error.message}`))
    let parser
    try {
      parser = new Busboy({
        headers: { 'content-type': contentType },
        limits: { fieldSize: Infinity },
        // As the Fetch standard reads a form: a file is a part with a filename, whatever its type.
        isPartAFile: (_name, _type, filename) => filename !== undefined,
        preservePath: true,
      })
    } catch (error) {
      fail(error as Error)
      return
    }
    const entries: (readonly [string, string | Promise<File>])[] = []
    parser.on('field', (name: string | undefined, value: string) => {
      if (name !== undefined) entries.push([name, value])
    })
    parser.on('file', (name: string | undefined, stream, filename: string, _encoding: string, type: string) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', fail)
      const file = new Promise<File>((done) => stream.on('end', () => done(new File(chunks, filename, { type }))))
      if (name !== undefined) entries.push([name, file])
    })
    parser.on('error', fail)
    parser.on('finish', () => {
      void Promise.all(entries.map(async ([name, value]): Promise<[string, string | File]> => [name, await value])).then(resolve)
    })
    parser.end(body)
  })
}
