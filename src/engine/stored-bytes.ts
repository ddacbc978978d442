/**
 * Uploaded bytes as a record keeps them (base64, so the data file, an export and a snapshot keep
 * them exactly) and as a descriptor's `serve` hands them to the storage route (docs/files.md
 * "Download URL", docs/photos.md "URLs").
 */

/** The path under which uploads are served: `/storage/<app key>/<object>/<id>/<name>` (src/http/storage.ts). */
export const STORAGE_PREFIX = '/storage'

/** Bytes served back: the data and its Content-Type. */
export interface ServedBytes {
  data: Uint8Array<ArrayBuffer>
  type: string
}

/** An uploaded part's bytes as the base64 text a record stores. */
export async function storedBytes(upload: Blob): Promise<string> {
  return Buffer.from(await upload.arrayBuffer()).toString('base64')
}

/** The stored base64 `data` as the bytes the storage route serves with Content-Type `type`. */
export function servedBytes(data: string, type: string): ServedBytes {
  const bytes = Buffer.from(data, 'base64')
  const copy = new Uint8Array(new ArrayBuffer(bytes.length))
  copy.set(bytes)
  return { data: copy, type }
}
