import { createHash } from 'node:crypto'
import { sniffImageType } from '../../engine/image-type.js'
import type { PhotoRecord } from './record.js'

/** The stored image fields of a photo. */
export type Image = Pick<PhotoRecord, 'filename' | 'data' | 'content_type' | 'size' | 'md5'>

/**
 * The stored image fields of `bytes` named `filename` (docs/photos.md "Uploading"): the bytes as
 * base64, the type read from them, their size and md5; undefined when they are no JPEG, PNG or GIF.
 *
 * @param declared - a Content-Type taken on its word when it names a jpeg, png or gif and the bytes
 *   say nothing (a user's photo, docs/users.md "Photos"); undefined: the bytes decide alone.
 */
export function storedImage(bytes: Buffer, filename: string, declared?: string): Image | undefined {
  const content_type = sniffImageType(bytes) ?? (declared === undefined ? undefined : declaredImageType(declared))
  if (content_type === undefined) return undefined
  return {
    filename,
    data: bytes.toString('base64'),
    content_type,
    size: bytes.byteLength,
    md5: createHash('md5').update(bytes).digest('hex'),
  }
}

/** A declared Content-Type that names a jpeg, png or gif, as the image type; undefined otherwise. */
function declaredImageType(declared: string): string | undefined {
  const type = declared.split(';')[0]!.trim().toLowerCase()
  return { 'image/jpeg': 'image/jpeg', 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/png': 'image/png', 'image/gif': 'image/gif' }[type]
}
