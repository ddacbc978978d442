import { randomBytes } from 'node:crypto'

const processPart = randomBytes(5).toString('hex')
let counter = randomBytes(3).readUIntBE(0, 3)

/**
 * A new id in MongoDB ObjectId layout: 24 lowercase hex characters made of a
 * 4-byte time in seconds, 5 random bytes fixed for the process and a 3-byte
 * counter, so ids created later sort later (spec §4 `id`, §11 "ids"; clients
 * page with `{"_id":{"$lt":last}}`, spec §5.4).
 *
 * @param now - creation time, ms since the epoch (default: now).
 * @example
 * newObjectId() // '6758f0a1c3e4b5a69f000001'
 */
export function newObjectId(now: number = Date.now()): string {
  counter = (counter + 1) % 0x1000000
  const seconds = Math.floor(now / 1000).toString(16).padStart(8, '0')
  return seconds + processPart + counter.toString(16).padStart(6, '0')
}

/** True for 24 hex characters, the only id form the service accepts (spec §11 "bad ids"). */
export function isObjectId(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value)
}
