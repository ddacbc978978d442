import { randomBytes } from 'node:crypto'

/** Makes an ObjectId-layout id whose time part is `at` (see {@link objectIdMaker}). */
export type ObjectIdMaker = (at: Date) => string

/**
 * A maker of ids in MongoDB ObjectId layout: 24 lowercase hex characters made
 * of a 4-byte time in seconds, 5 random bytes fixed for the maker (the
 * "process part") and a 3-byte counter starting at a random value, so ids
 * created later sort later (docs/api.md "Ids and dates"; clients page with
 * `{"_id":{"$lt":last}}`, docs/api.md "Queries").
 *
 * @param random - where the process part and the counter's start come from: the
 *   CSPRNG, or a seeded generator in deterministic mode (docs/toolkit.md).
 * @example
 * const objectId = objectIdMaker(randomBytes)
 * objectId(new Date()) // '6758f0a1c3e4b5a69f000001'
 */
export function objectIdMaker(random: (size: number) => Buffer): ObjectIdMaker {
  const processPart = random(5).toString('hex')
  let counter = random(3).readUIntBE(0, 3)
  return (at) => {
    counter = (counter + 1) % 0x1000000
    const seconds = Math.floor(at.getTime() / 1000).toString(16).padStart(8, '0')
    return seconds + processPart + counter.toString(16).padStart(6, '0')
  }
}

/** The ids of every server that is not deterministic: one process part, as MongoDB drivers have. */
export const systemObjectId: ObjectIdMaker = objectIdMaker(randomBytes)

/** True for 24 hex characters, the only id form the service accepts (docs/api.md "Id lists"). */
export function isObjectId(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value)
}
