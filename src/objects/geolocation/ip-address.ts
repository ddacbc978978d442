import { isIP } from 'node:net'

/**
 * An IP address in one canonical text, so a table entry and a lookup compare equal: IPv4 as
 * dotted decimal, IPv6 compressed and lower case, an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`)
 * as its IPv4 address (docs/geolocation.md "Addresses"). Undefined for text that is neither.
 *
 * @example
 * canonicalIp('::FFFF:10.0.0.2') // '10.0.0.2'
 * canonicalIp('2001:db8:0:0:0:0:0:1') // '2001:db8::1'
 * canonicalIp('10.0.0') // undefined
 */
export function canonicalIp(text: string): string | undefined {
  const kind = isIP(text)
  if (kind === 4) return text
  if (kind !== 6) return undefined
  const compressed = new URL(`http://[${text}]`).hostname.slice(1, -1)
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(compressed)
  if (mapped === null) return compressed
  const [high, low] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)]
  return [high >> 8, high & 255, low >> 8, low & 255].join('.')
}
