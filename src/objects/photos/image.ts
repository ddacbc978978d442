import { createHash } from 'node:crypto'
import { sniffImageType } from '../../engine/image-type.js'
import type { PhotoRecord } from './record.js'

/** The stored image fields of a photo. */
export type Image = Pick<PhotoRecord, 'filename' | 'data' | 'content_type' | 'size' | 'md5'>

/**
 * The stored image fields of `bytes` named `filename` (docs/photos.md "Uploading"): the bytes as
 * base64, the type read from them (never from a declared Content-Type), their size and md5;
 * undefined when they are no JPEG, PNG or GIF.
 */
export function storedImage(bytes: Buffer, filename: string): Image | undefined {
  const content_type = sniffImageType(bytes)
  if (content_type === undefined) return undefined
  return {
    filename,
    data: bytes.toString('base64'),
    content_type,
    size: bytes.byteLength,
    md5: createHash('md5').update(bytes).digest('hex'),
  }
}
