/**
 * A stored ISO 8601 date in the wire format of the real service:
 * `YYYY-MM-DDTHH:MM:SS+0000`, always UTC, no milliseconds, offset without a
 * colon (docs/users.md "Replies", docs/api.md "Ids and dates").
 *
 * @param iso - e.g. `2013-10-28T21:50:05.123Z`
 * @returns e.g. `2013-10-28T21:50:05+0000`
 */
export function toWireDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19) + '+0000'
}
