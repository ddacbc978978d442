import { createCipheriv, createHash } from 'node:crypto'

/**
 * A deterministic stream of random bytes for deterministic mode (docs/toolkit.md):
 * the AES-256-CTR key stream under a key derived (SHA-256) from `seed`, so the
 * same seed gives the same bytes on every run and every machine, with the
 * statistical quality of the cipher. Not a secret: anyone who knows the seed can
 * predict it, which is the point in a test.
 *
 * @param seed - any text; different texts give unrelated streams.
 * @returns a function giving the next `size` bytes of the stream.
 * @example
 * const random = seededRandom('42/app:TESTKEY')
 * random(4).toString('hex') // the same 8 hex digits on every run
 */
export function seededRandom(seed: string): (size: number) => Buffer {
  const key = createHash('sha256').update(seed, 'utf8').digest()
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16))
  return (size) => cipher.update(Buffer.alloc(size))
}
