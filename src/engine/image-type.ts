/**
 * The image types ArrowDB takes for photos (docs/photos.md "Uploading", docs/users.md "Photos"),
 * recognised by their first bytes: JPEG `FF D8 FF`, PNG's eight-byte signature, GIF `GIF87a` /
 * `GIF89a`.
 */
const SIGNATURES: readonly { type: string; magic: readonly (readonly number[])[] }[] = [
  { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  { type: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  { type: 'image/gif', magic: [[...Buffer.from('GIF87a')], [...Buffer.from('GIF89a')]] },
]

/**
 * The Content-Type of an image from its bytes (`image/jpeg`, `image/png` or `image/gif`), or
 * undefined when they start as none of them.
 */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const starts = (magic: readonly number[]) => magic.every((byte, index) => bytes[index] === byte)
  return SIGNATURES.find(({ magic }) => magic.some(starts))?.type
}
